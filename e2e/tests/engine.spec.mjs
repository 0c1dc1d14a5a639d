// The race engine compiled to wasm gives the same traces as native Rust:
// the page's hashes must equal crates/engine/tests/golden/race-hashes.txt, which the native
// test suite checks too.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const golden = readFileSync(new URL('../../crates/engine/tests/golden/race-hashes.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.trim().split(/\s+/).join(' '));

test('the browser build reproduces the native trace hashes', async ({ page }) => {
  await page.goto('./?check=race');
  const pre = page.locator('#engine-check');
  await expect(pre).toBeVisible();
  const lines = (await pre.textContent()).trim().split('\n');
  expect(golden.length).toBeGreaterThanOrEqual(4);
  expect(lines).toEqual(golden);
});
