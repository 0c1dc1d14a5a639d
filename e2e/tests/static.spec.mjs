// What works without the WebAssembly: the first screen in the HTML (shown at
// once, in the address's language), the summary for readers without
// JavaScript, link-preview metadata, and the offline copy once loaded.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, withTimes } from './fixtures.mjs';

const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));
const ja = JSON.parse(readFileSync(new URL('../../locales/ja.json', import.meta.url), 'utf8'));

for (const [lang, words] of [['ja', ja], ['en', en]]) {
  test(`the first screen shows in ${lang} before the wasm arrives, then the app replaces it`, async ({ page }) => {
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`./?lang=${lang}`, { waitUntil: 'domcontentloaded' });
    const pre = page.locator(`#prerender .pre-${lang}`);
    await expect(pre).toBeVisible();
    await expect(pre.locator('.pre-title')).toHaveText(words['app.title']);
    await expect(pre.locator('[data-key="ch1.lead"]')).toHaveText(withTimes(words['ch1.lead'], lang));
    await expect(pre.locator('.pre-loading')).toHaveText(words['app.loading']);
    await expect(page.locator(`#prerender .pre-${lang === 'ja' ? 'en' : 'ja'}`)).toBeHidden();
    release();
    await expect(page.locator('#lang-switch')).toBeVisible();
    await expect(page.locator('#prerender')).toHaveCount(0);
  });
}

test('without JavaScript, the story in brief shows in both languages', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./?lang=en');
  const summary = page.locator('.noscript');
  await expect(summary).toBeVisible();
  await expect(page.locator('#prerender')).toBeHidden();
  for (const [lang, words] of [['ja', ja], ['en', en]]) {
    await expect(summary).toContainText(words['app.noscript']);
    await expect(summary).toContainText(withTimes(words['ch1.lead'], lang));
    for (let i = 1; i <= 10; i++) await expect(summary).toContainText(words[`ch${i}.title`]);
  }
  // Every sentence carries its label.
  const sentences = await summary.locator('[data-key]').count();
  expect(await summary.locator('[data-key] + .mark').count()).toBe(sentences);
  await context.close();
});

test('link previews: title, description and a card image in both languages', async ({ page, request }) => {
  await openApp(page);
  const meta = async (sel) => page.locator(sel).getAttribute('content');
  expect(await meta('meta[property="og:title"]')).toContain(ja['app.title']);
  expect(await meta('meta[property="og:title"]')).toContain(en['app.title']);
  expect(await meta('meta[property="og:locale:alternate"]')).toBe('en_US');
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
  const image = await meta('meta[property="og:image"]');
  const response = await request.get(new URL(image, page.url()).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
});

for (const base of ['/', '/some/dir/']) {
  test(`once loaded, the site works offline (${base})`, async ({ page, context }) => {
    await openApp(page, `${base}?lang=en`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
    await context.setOffline(true);
    const response = await page.goto(`${base}?lang=en&ch=4&beat=1`);
    expect(response.fromServiceWorker()).toBe(true);
    await expect(page.locator('#lang-switch')).toBeVisible();
    await expect(page.locator('#chapter-title')).toHaveText(en['ch4.title']);
    await page.locator('#next').click();
    await expect(page.locator('#progress')).toContainText('Chapter 4');
    await context.setOffline(false);
  });
}
