// Responsiveness: runs after every other browser test (project "perf"), alone
// and one test at a time, so nothing else steals the CPU it measures.
import { readFileSync } from 'node:fs';
import { test, expect } from '../tests/fixtures.mjs';

const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));

test.describe.configure({ mode: 'serial' });

/** Starts recording main-thread tasks over 50 ms. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
}

async function openPlayground(page) {
  await page.goto('./?view=playground&lang=en');
  await expect(page.locator('#play-title')).toHaveText(en['play.title']);
}

test('dragging sliders never blocks the main thread for more than 50 ms', async ({ page }) => {
  await openPlayground(page);
  await watchLongTasks(page);
  const drag = async (id, values) => {
    for (const v of values) await page.locator(id).fill(String(v));
  };
  await drag('#slow-extra', [0, 3000, 6000, 9000, 12000, 15000, 18000, 21000, 24000, 27000, 30000]);
  await drag('#slow-for', [0, 20000, 40000, 60000, 80000, 100000, 120000]);
  await drag('#threshold', [1, 5, 10, 15, 20, 30, 40]);
  await drag('#planner', [1000, 5000, 10000, 20000, 30000]);
  await drag('#dns-at', [18, 60, 120, 165, 240, 360, 380]);
  await drag('#negative-ttl', [1, 10, 20, 40, 60]);
  await page.waitForTimeout(500); // let the debounced estimate run too
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`long tasks while dragging: ${JSON.stringify(longTasks)}`);
  expect(longTasks.filter((d) => d > 50)).toEqual([]);
});


test('playing every chapter at the fastest speed never blocks the main thread for more than 50 ms', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./?lang=en');
  await expect(page.locator('#lang-switch')).toBeVisible();
  await watchLongTasks(page);
  await page.locator('#speed').fill('2'); // x4
  await page.locator('#play').click();
  const last = Number(await page.locator('#seek').getAttribute('max'));
  // 41 beats at 1.75 s each.
  await expect(page.locator('#seek')).toHaveValue(String(last), { timeout: 120_000 });
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'false');
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`long tasks while playing: ${JSON.stringify(longTasks)}`);
  expect(longTasks.filter((d) => d > 50)).toEqual([]);
});
