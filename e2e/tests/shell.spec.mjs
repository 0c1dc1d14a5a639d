// The app shell: the first chapter in Japanese and English, the language
// switch, `?lang=`, sub-path hosting, an iframe host, narrow screens.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, settledUrl, withTimes } from './fixtures.mjs';

const ja = JSON.parse(readFileSync(new URL('../../locales/ja.json', import.meta.url), 'utf8'));

const JA_TITLE = 'AWS大規模障害をやさしく解説';
const EN_TITLE = 'The AWS outage, explained simply';

test('opens in Japanese with the opening chapter', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('h1')).toHaveText(JA_TITLE);
  await expect(page).toHaveTitle(JA_TITLE);
  await expect(page.locator('#ch1-title')).toHaveText('何が起きたのか');
  const story = page.locator('#story');
  await expect(story).toContainText('注文を受けられなくなったネットショップ');
  await expect(story).toContainText('読み込み中のまま、動かないスマホのアプリ');
  await expect(story).toContainText('ログインできない会社の業務システム');
  await expect(story).toContainText('遅くなり、やがて開かなくなるウェブサイト');
  await expect(story).toContainText('14時間32分');
  // Japan time, with the record's Pacific time beside it, and where it was.
  await expect(story).toContainText('20日15:48（米国太平洋時間では19日23:48）');
  await expect(story).toContainText('日本では月曜日の午後、米国シアトルでは日曜日の深夜');
  await expect(story).toContainText('米国バージニア州北部');
  await expect(story).toContainText(withTimes(ja['ch1.duration'], 'ja'));
});

test('every factual sentence carries a truth label that opens its source', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('#story .mark')).not.toHaveCount(0);
  const documented = page.locator('#story p.lead a.mark-d').first();
  await expect(documented).toHaveText('報告書');
  await expect(documented).toHaveAttribute('data-source', 'pes-intro');
  await expect(page.locator('#story .mark-u').first()).toHaveText('不確か');
  await expect(page.locator('#story .mark-i').first()).toHaveText('説明用の例');
  // The label opens the sources page at its source, which links to the report.
  await documented.click();
  await expect(page.locator('#sources-title')).toHaveText(ja['src.title']);
  const opened = new URL(await settledUrl(page));
  expect(opened.hash).toBe('#src-pes-intro');
  expect(opened.searchParams.get('view')).toBe('sources');
  const section = page.locator('#src-pes-intro');
  await expect(section.locator('h3')).toHaveText(ja['src.pes_intro']);
  await expect(section.locator('a.source-link')).toHaveAttribute('href', 'https://aws.amazon.com/message/101925/');
  // Every sentence resting on the source is listed, each a link back.
  await section.locator('summary').click();
  await expect(section.locator('.citations [data-key="ch1.lead"]')).toHaveText(withTimes(ja['ch1.lead'], 'ja'));
  await section.locator('.citations li a').first().click();
  await expect(page.locator('#ch1-title')).toBeVisible();
});

test('the sources page lists every source and the seed article\'s wrong year', async ({ page }) => {
  await openApp(page, './?view=sources&lang=en');
  for (const id of ['pes-intro', 'pes-dynamodb', 'pes-ec2', 'pes-nlb', 'pes-remedies', 'talk-dat453', 'summaries', 'dashboard', 'disputed', 'project']) {
    await expect(page.locator(`#src-${id} h3`)).toBeVisible();
  }
  await expect(page.locator('#src-talk-dat453 a.source-link')).toHaveAttribute('href', /youtube\.com\/watch\?v=YZUNNzLDWb8/);
  await expect(page.locator('#src-summaries a.source-link')).toHaveCount(0);
  // The status page's posts of the day are their own source, not the report's.
  await expect(page.locator('#src-dashboard a.source-link')).toHaveCount(0);
  await page.locator('#src-dashboard summary').click();
  await expect(page.locator('#src-dashboard .citations [data-key="ch7.b6_after"]')).toBeVisible();
  await expect(page.locator('.sources-page')).toContainText('It happened in 2025.');
});

test('the language switch shows English and back, and keeps the address in step', async ({ page }) => {
  await openApp(page);
  const button = page.locator('#lang-switch');
  await expect(button).toHaveText('English');
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText(EN_TITLE);
  await expect(page).toHaveTitle(EN_TITLE);
  await expect(page.locator('#story')).toContainText('Online shops whose checkout stopped taking orders');
  await expect(page.locator('#story')).toContainText('14 hours and 32 minutes');
  await expect(page.locator('#story p.lead a.mark-d').first()).toHaveText('documented');
  // The address follows within a moment (writes are coalesced, at most five a second).
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
  await expect(button).toHaveText('日本語');
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('h1')).toHaveText(JA_TITLE);
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('ja');
});

test('?lang=en starts in English', async ({ page }) => {
  await openApp(page, './?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText(EN_TITLE);
  await expect(page.locator('#ch1-title')).toHaveText('What happened');
});

test('an unknown ?lang falls back to Japanese without an error', async ({ page }) => {
  for (const bad of ['xx', '', '%E2%98%83', 'en%00', 'javascript:alert(1)']) {
    await openApp(page, `./?lang=${bad}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('h1')).toHaveText(JA_TITLE);
  }
});

test('switching language keeps the hash; the address becomes the canonical link', async ({ page }) => {
  await openApp(page, './?utm_source=x#story');
  await page.locator('#lang-switch').click();
  const url = new URL(await settledUrl(page));
  expect(url.searchParams.get('lang')).toBe('en');
  expect(url.searchParams.get('v')).toBe('2');
  expect(url.searchParams.get('utm_source')).toBeNull();
  expect(url.hash).toBe('#story');
});

test('works served from a sub-path', async ({ page }) => {
  const assets = [];
  page.on('request', (req) => assets.push(new URL(req.url()).pathname));
  await openApp(page, '/some/dir/?lang=en');
  await expect(page.locator('h1')).toHaveText(EN_TITLE);
  const wasm = assets.filter((p) => p.endsWith('.wasm'));
  expect(wasm.length).toBe(1);
  expect(wasm[0].startsWith('/some/dir/')).toBe(true);
});

test('works inside an iframe of a host article', async ({ page }) => {
  await page.goto('/__hosts__/article.html');
  const frame = page.frameLocator('#explainer');
  await expect(frame.locator('h1')).toHaveText(EN_TITLE);
  await frame.locator('#lang-switch').click();
  await expect(frame.locator('h1')).toHaveText(JA_TITLE);
  await expect(page.locator('h1')).toHaveText('An article that embeds the explainer');
});

for (const width of [320, 768, 1280]) {
  test(`readable at ${width} px wide without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator('#lang-switch').boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `test-results/shell-${width}.png`, fullPage: true });
  });
}
