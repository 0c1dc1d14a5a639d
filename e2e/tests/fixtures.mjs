// Shared test fixture: on every page, console errors, page errors, HTTP
// errors, Content-Security-Policy violations and requests to any other
// origin are collected and, at the end of each test, must be none.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const problems = [];
    const home = new URL(baseURL).origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    // Self-contained: nothing from a CDN, no web fonts, no analytics.
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== home) {
        problems.push(`request to another origin: ${req.url()}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    await use(page);
    expect(problems, 'no console or page errors, no other origins').toEqual([]);
  },
});
export { expect };

/** Opens `path` and waits until the app (not just the static HTML) has rendered. */
export async function openApp(page, path = './') {
  await page.goto(path);
  await expect(page.locator('#lang-switch')).toBeVisible();
}

/** Opens an embedded scene and waits until it has rendered. */
export async function openEmbed(page, path) {
  await page.goto(path);
  await expect(page.locator('#open-full')).toBeVisible();
}
