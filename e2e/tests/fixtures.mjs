// Shared test fixture: every page's console errors and page errors are
// collected and, at the end of each test, must be none.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await use(page);
    expect(problems, 'no console or page errors').toEqual([]);
  },
});
export { expect };

/** Opens `path` and waits until the app (not just the static HTML) has rendered. */
export async function openApp(page, path = './') {
  await page.goto(path);
  await expect(page.locator('#lang-switch')).toBeVisible();
}
