// The published site as a static host serves it (serve-published.mjs):
// only under a sub-path, with its _headers (the Content-Security-Policy as
// a header), pre-compressed files, and embedded in an article on another
// site with the very snippet the embed panel gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest, createServer } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test as bare } from '@playwright/test';
import { test, expect, openApp, openEmbed } from '../tests/fixtures.mjs';
import { HASHED, IMMUTABLE, REVALIDATE, NOT_CONTENT, listFiles, metaCsp } from '../../scripts/pack-site.mjs';

const SITE = process.env.E2E_SITE;
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));

/** A raw GET (no automatic decompression): status, headers and the bytes on the wire. */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('the host serves the site only under its sub-path', async ({ baseURL }) => {
  const base = new URL(baseURL);
  const origin = base.origin;
  expect((await rawGet(`${origin}/`)).status).toBe(404);
  expect((await rawGet(`${origin}/index.html`)).status).toBe(404);
  expect((await rawGet(`${origin}/public/embed.js`)).status).toBe(404);
  const noSlash = await rawGet(`${origin}${base.pathname.slice(0, -1)}?lang=en`);
  expect(noSlash.status).toBe(301);
  expect(noSlash.headers.location).toBe(`${base.pathname}?lang=en`);
  expect((await rawGet(baseURL)).status).toBe(200);
  // The headers file is for the host, not for readers.
  expect((await rawGet(`${baseURL}_headers`)).status).toBe(404);
});

test('every file carries its _headers rules: the CSP header equals the meta tag, hashed files are immutable', async ({ baseURL }) => {
  const files = listFiles(SITE).filter((f) => !NOT_CONTENT(f));
  expect(files.length).toBeGreaterThan(10);
  for (const rel of [...files, '']) {
    const res = await rawGet(baseURL + rel, { 'accept-encoding': 'identity' });
    expect(res.status, rel).toBe(200);
    const file = rel === '' ? 'index.html' : rel;
    expect(res.headers['cache-control'], rel).toBe(HASHED.test(file) ? IMMUTABLE : REVALIDATE);
    expect(res.headers['x-content-type-options'], rel).toBe('nosniff');
    expect(res.headers['referrer-policy'], rel).toBe('strict-origin-when-cross-origin');
    // Embedding is a feature: nothing forbids framing.
    expect(res.headers['x-frame-options'], rel).toBeUndefined();
    expect(res.headers['content-security-policy'] ?? '', rel).not.toContain('frame-ancestors');
    if (file.endsWith('.html')) {
      const meta = metaCsp(res.body.toString('utf8'));
      expect(meta, rel).not.toBeNull();
      expect(res.headers['content-security-policy'], rel).toBe(meta);
    }
  }
  const wasm = files.find((f) => f.endsWith('.wasm'));
  expect((await rawGet(baseURL + wasm)).headers['content-type']).toBe('application/wasm');
});

test('pre-compressed copies go to clients that accept them, the file itself to those that do not', async ({ baseURL }) => {
  const wasm = listFiles(SITE).find((f) => f.endsWith('.wasm'));
  const original = readFileSync(join(SITE, wasm));
  const br = await rawGet(baseURL + wasm, { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers.vary).toBe('Accept-Encoding');
  expect(br.body.length).toBeLessThan(original.length / 2);
  expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
  const gz = await rawGet(baseURL + wasm, { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).equals(original)).toBe(true);
  const plain = await rawGet(baseURL + wasm, { 'accept-encoding': 'identity, br;q=0' });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.equals(original)).toBe(true);
  // index.html too: "no-cache" revalidates against the validator.
  const page = await rawGet(baseURL, { 'accept-encoding': 'br' });
  expect(page.headers['content-encoding']).toBe('br');
  expect((await rawGet(baseURL, { 'accept-encoding': 'br', 'if-none-match': page.headers.etag })).status).toBe(304);
});

test('in the browser the wasm arrives as brotli and the app runs under the header CSP', async ({ page, baseURL }) => {
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await openApp(page, './?lang=en');
  const doc = responses.find((r) => r.url() === `${baseURL}?lang=en`);
  expect((await doc.allHeaders())['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  expect((await wasm.allHeaders())['content-encoding']).toBe('br');
  await page.locator('#next').click();
  await expect(page.locator('#progress')).toContainText('Chapter 2');
  await expect(page.locator('#chapter-title')).toHaveText(en['ch2.title']);
});

bare('the CSP header alone allows the loader and refuses any other inline script', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The page without its meta tag: only the header's policy is left.
  await page.route(`${baseURL}?lang=en`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/, '');
    expect(html).not.toContain('http-equiv="Content-Security-Policy"');
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    expect(headers['content-security-policy']).toBeTruthy();
    await route.fulfill({ response, body: html, headers });
  });
  await page.goto(`${baseURL}?lang=en`);
  await expect(page.locator('#lang-switch')).toBeVisible();
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.head.append(s);
    setTimeout(() => resolve(window.__ran === true ? 'ran' : 'silent'), 1000);
  }));
  expect(blocked).toMatch(/^script-src/);
  expect(errors).toEqual([]);
  await context.close();
});

test('link previews name the address the site is served at', async ({ page, baseURL, request }) => {
  await openApp(page);
  const meta = (sel) => page.locator(sel).getAttribute('content');
  expect(await meta('meta[property="og:url"]')).toBe(baseURL);
  for (const sel of ['meta[property="og:image"]', 'meta[name="twitter:image"]']) {
    const image = await meta(sel);
    expect(image.startsWith(baseURL)).toBe(true);
    const res = await request.get(image);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
});

test('the demo article under the sub-path embeds three scenes that render and size their frames', async ({ page }) => {
  await page.goto('public/demo.html');
  for (const [id, text] of [['#demo-race', '.event-line'], ['#demo-cascade', '#time-scrubber'], ['#demo-chapter', '#chapter-title']]) {
    const frame = page.locator(id);
    await frame.scrollIntoViewIfNeeded();
    await expect(page.frameLocator(id).locator(text)).toBeVisible();
    await expect(frame).toHaveAttribute('data-sized', 'true');
  }
  await expect(page.frameLocator('#demo-chapter').locator('html')).toHaveAttribute('lang', 'en');
});

test('once loaded, the site works offline under the sub-path', async ({ page, context, baseURL }) => {
  await openApp(page, './?lang=en');
  const scope = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
    return reg.scope;
  });
  expect(scope).toBe(baseURL);
  await context.setOffline(true);
  const response = await page.goto('./?lang=en&ch=4&beat=1');
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.locator('#chapter-title')).toHaveText(en['ch4.title']);
  await page.locator('#next').click();
  await expect(page.locator('#progress')).toContainText('Chapter 4');
  await context.setOffline(false);
});

test('no request leaves the sub-path, across the story, playground, embeds and demo', async ({ page, baseURL }) => {
  const outside = [];
  page.on('request', (req) => {
    if (!/^(data|blob):/.test(req.url()) && !req.url().startsWith(baseURL)) outside.push(req.url());
  });
  await openApp(page, './?lang=en');
  await page.locator('#chapter-select').selectOption('7');
  await openApp(page, './?view=playground');
  await expect(page.locator('#pc-end')).toBeVisible();
  await openEmbed(page, './?embed=timeline&lang=en');
  await page.goto('public/demo.html');
  await expect(page.frameLocator('#demo-race').locator('.event-line')).toBeVisible();
  expect(outside).toEqual([]);
});

bare('an article on another site embeds the scene with the snippet the embed panel gives', async ({ browser, baseURL }) => {
  bare.setTimeout(60_000);
  const context = await browser.newContext();
  const problems = [];
  const watch = (page, allowed) => {
    page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    page.on('request', (r) => {
      const origin = new URL(r.url()).origin;
      if (!/^(data|blob):/.test(r.url()) && !allowed.includes(origin)) problems.push(`request to ${r.url()}`);
    });
  };
  const site = new URL(baseURL).origin;

  // The editor copies the code for the race scene from the published site.
  const app = await context.newPage();
  watch(app, [site]);
  await openApp(app, './?lang=en');
  await app.locator('#embed-toggle').click();
  await app.locator('#embed-scene').selectOption('race');
  const snippet = await app.locator('#embed-code').inputValue();
  expect(snippet).toContain(`<iframe src="${baseURL}index.en.html?v=2&amp;lang=en&amp;embed=race"`);
  expect(snippet).toContain(`<script src="${baseURL}public/embed.js" defer></script>`);
  await app.close();

  // ...and pastes it into a post on their own site: another origin, here a
  // second loopback server (a page on a public address could not frame a
  // loopback one: Chromium's local-network-access checks).
  const article = createServer((req, res) => {
    res.writeHead(req.url === '/2025/10/outage.html' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head>
      <body><h1>A post about the outage</h1><p>Here is how the race went:</p>\n${snippet}\n<p>After the frame.</p></body></html>`);
  });
  await new Promise((r) => article.listen(0, '127.0.0.1', r));
  const ARTICLE = `http://127.0.0.1:${article.address().port}`;
  expect(ARTICLE).not.toBe(site);
  const post = await context.newPage();
  watch(post, [site, ARTICLE]);
  try {
    await post.goto(`${ARTICLE}/2025/10/outage.html`);
    const frame = post.locator('iframe');
    await expect(post.frameLocator('iframe').locator('.event-line')).toBeVisible();
    await expect(post.frameLocator('iframe').locator('#open-full')).toBeVisible();
    // embed.js, loaded from the site, sized the frame from its height message.
    await expect(frame).toHaveAttribute('data-sized', 'true');
    const [outer, inner] = await Promise.all([
      frame.evaluate((f) => f.getBoundingClientRect().height),
      post.frameLocator('iframe').locator('body').evaluate((b) => b.getBoundingClientRect().height),
    ]);
    expect(Math.abs(outer - inner)).toBeLessThan(4);
  } finally {
    await context.close();
    article.close();
  }
  expect(problems).toEqual([]);
});
