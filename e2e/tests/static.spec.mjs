// What works without the WebAssembly: the story printed in the HTML (shown at
// once, in the address's language, one beat at a time with the page's small
// script; every beat top to bottom without JavaScript), link-preview
// metadata, and the offline copy once loaded.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, withTimes } from './fixtures.mjs';

const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));
const ja = JSON.parse(readFileSync(new URL('../../locales/ja.json', import.meta.url), 'utf8'));

// A test that holds the wasm back blocks the service worker, which would
// otherwise fetch the wasm itself (a page's routes do not see its requests).
test.describe('with the wasm held back', () => {
test.use({ serviceWorkers: 'block' });
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

  for (const query of ['ch=11&beat=1', 'ch=4&beat=2x', 'ch=0&beat=3', 'ch=2&beat=99', 'beat=3', 'ch=%2B2', 'lang=en&ch=7&beat=4']) {
    test(`an odd link (${query}) opens the printed story where the app opens it`, async ({ page }) => {
      let release;
      const held = new Promise((r) => (release = r));
      await page.route('**/*.wasm', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`./?${query}`);
      const printed = page.locator('#prerender .pre-beat.current');
      await expect(printed).toHaveCount(1);
      await expect(printed).toBeVisible();
      const where = await printed.getAttribute('data-progress');
      release();
      await expect(page.locator('#lang-switch')).toBeVisible();
      await expect(page.locator('#progress')).toHaveText(where);
    });
  }
});

for (const [lang, words, page] of [['ja', ja, './'], ['en', en, './index.en.html']]) {
  test(`without JavaScript, the whole story reads top to bottom (${lang} page)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(page);
    await expect(tab.locator('html')).toHaveAttribute('lang', lang);
    await expect(tab).toHaveTitle(words['app.title']);
    const copy = tab.locator(`#prerender .pre-${lang}`);
    await expect(copy).toBeVisible();
    // One language a page: the other is a link away.
    await expect(tab.locator(`#prerender .pre-${lang === 'ja' ? 'en' : 'ja'}`)).toHaveCount(0);
    await expect(copy.locator('[data-pre="lang"]')).toBeVisible();
    // Every beat, each visible, its chapters in order.
    const beats = copy.locator('.pre-beat');
    expect(await beats.count()).toBe(47);
    const titles = await copy.locator('.pre-beat h2').allInnerTexts();
    const order = [...new Set(titles)];
    expect(order).toEqual(Array.from({ length: 10 }, (_, i) => words[`ch${i + 1}.title`]));
    await expect(beats.last()).toBeVisible();
    await expect(copy.locator('[data-key="ch1.lead"]')).toHaveText(withTimes(words['ch1.lead'], lang));
    // Every sentence carries its label; the pictures are there.
    const sentences = await copy.locator('.beat [data-key]').count();
    expect(await copy.locator('.beat [data-key] + .mark').count()).toBe(sentences);
    expect(await copy.locator('figure svg').count()).toBeGreaterThanOrEqual(30);
    // No stepper that would do nothing, no "loading" that never ends, answers folded.
    await expect(copy.locator('.story-nav')).toBeHidden();
    await expect(copy.locator('.pre-loading')).toBeHidden();
    await expect(copy.locator('.pre-answer .reveal').first()).toBeHidden();
    await context.close();
  });
}

test('each language has its own page: a link asking for the other goes there, keeping its query', async ({ page }) => {
  await page.goto('./?lang=en&ch=4&beat=2#story');
  await expect(page).toHaveURL(/\/index\.en\.html\?lang=en&ch=4&beat=2#story$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#lang-switch')).toBeVisible();
  await expect(page.locator('#chapter-title')).toHaveText(en['ch4.title']);
  await page.goto('./index.en.html?lang=ja&ch=2');
  await expect(page).toHaveURL(/\/\?lang=ja&ch=2$/);
  await expect(page.locator('#chapter-title')).toHaveText(ja['ch2.title']);
  // The English page opened bare opens in English.
  await page.goto('./index.en.html');
  await expect(page.locator('#lang-switch')).toBeVisible();
  await expect(page.locator('h1')).toHaveText(en['app.title']);
});

for (const lang of ['ja', 'en']) {
  test(`with the wasm blocked, every beat in ${lang} is reached with Next and shows its words and picture`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const wasm = [];
    await page.route('**/*.wasm', (route) => {
      wasm.push(route.request().url());
      return route.abort();
    });
    await page.goto(`./?lang=${lang}`);
    const copy = page.locator(`#prerender .pre-${lang}`);
    const next = copy.locator('[data-pre="next"]');
    const progress = copy.locator('[data-pre="progress"]');
    let pictures = 0;
    for (let i = 0; i < 47; i++) {
      const beat = copy.locator('.pre-beat.current');
      await expect(beat).toHaveCount(1);
      await expect(beat.locator('h2')).toBeVisible();
      expect((await beat.innerText()).length).toBeGreaterThan(40);
      if ((await beat.locator('figure svg, .analogy-art svg').count()) > 0) {
        await expect(beat.locator('figure svg, .analogy-art svg').first()).toBeVisible();
        pictures += 1;
      }
      const [ch, b] = [await beat.getAttribute('data-ch'), await beat.getAttribute('data-beat')];
      await expect(progress).toHaveText(await beat.getAttribute('data-progress'));
      if (i > 0) {
        const q = new URL(page.url()).searchParams;
        expect([q.get('ch'), q.get('beat'), q.get('lang')]).toEqual([ch, b, lang]);
      }
      if (i < 46) await next.click();
    }
    await expect(next).toBeDisabled();
    expect(pictures).toBeGreaterThanOrEqual(30);
    // The wasm never came: the page says so instead of "Loading…" for ever.
    await expect(copy.locator('.pre-failed')).toHaveText(({ ja, en })[lang]['app.failed']);
    await expect(copy.locator('.pre-loading')).toBeHidden();
    await context.close();
  });
}

test('the lab, its wasm blocked, says it could not load instead of loading for ever', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./index.en.html?view=playground');
  await expect(page.locator('#prerender .pre-en .pre-failed')).toHaveText(en['app.failed']);
  await expect(page.locator('#prerender .pre-en .pre-loading')).toBeHidden();
  await expect(page.locator('#prerender .pre-en .pre-beat').first()).toBeHidden();
  await context.close();
});

test('an embed, its wasm blocked, says it could not load instead of showing a blank frame', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  for (const [url, copy, words] of [['./?embed=race', '.pre-ja', ja], ['./index.en.html?embed=timeline', '.pre-en', en]]) {
    await page.goto(url);
    await expect(page.locator(`#prerender ${copy} .pre-failed`)).toHaveText(words['app.failed']);
    await expect(page.locator(`#prerender ${copy} .pre-loading`)).toBeHidden();
    // Nothing of the story's page: no masthead, no beat.
    await expect(page.locator(`#prerender ${copy} .masthead`)).toBeHidden();
    await expect(page.locator(`#prerender ${copy} .pre-beat`).first()).toBeHidden();
  }
  await context.close();
});

test('before the wasm: keys, the chapter menu and a question work, and the app opens where the reader is', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?lang=en&ch=4&beat=3');
  const copy = page.locator('#prerender .pre-en');
  await expect(copy.locator('.pre-beat.current')).toHaveAttribute('data-beat', '3');
  await page.keyboard.press('ArrowRight');
  await expect(copy.locator('.pre-beat.current')).toHaveAttribute('data-beat', '4');
  // The question: no answer before a choice, the answer after it.
  const quiz = copy.locator('.pre-beat.current .quiz');
  await expect(quiz.locator('.reveal')).toBeHidden();
  await quiz.locator('.choice').nth(1).click();
  await expect(quiz.locator('.reveal')).toBeVisible();
  await expect(quiz.locator('.reveal')).toContainText(withTimes(en['quiz.overwrite_reveal'], 'en').slice(0, 40));
  await copy.locator('[data-pre="chapters"]').selectOption('6');
  await expect(copy.locator('.pre-beat.current')).toHaveAttribute('data-ch', '7');
  await page.keyboard.press('ArrowLeft');
  await expect(copy.locator('.pre-beat.current')).toHaveAttribute('data-ch', '6');
  const beat = await copy.locator('.pre-beat.current').getAttribute('data-beat');
  release();
  await expect(page.locator('#lang-switch')).toBeVisible();
  await expect(page.locator('#chapter-title')).toHaveText(en['ch6.title']);
  await expect(page.locator('#progress')).toContainText(`${beat} of`);
  await context.close();
});

test('before the wasm: the printed zone menu, the settings button on a phone and the seek bar work', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./index.en.html?ch=1&beat=1');
  const copy = page.locator('#prerender .pre-en');
  // On a phone the zone menu and the page-wide switches fold behind one button.
  const menu = copy.locator('[data-pre="menu"]');
  const zone = copy.locator('[data-pre="zone"]');
  await expect(zone).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(zone).toBeVisible();
  await expect(zone).toHaveValue('pdt');
  // A zone chosen reloads the page in it; the printed times follow.
  await zone.selectOption('utc');
  await expect.poll(() => new URL(page.url()).searchParams.get('tz')).toBe('utc');
  await expect(copy.locator('[data-pre="zone"]')).toHaveValue('utc');
  await expect(copy.locator('.pre-beat.current [data-key="ch1.lead"]')).toContainText('At 06:48');
  // The seek bar (on a wider screen: a phone has Back and Next) steps
  // through the printed beats.
  await page.setViewportSize({ width: 1280, height: 800 });
  await copy.locator('[data-pre="seek"]').fill('5');
  await expect(copy.locator('.pre-beat').nth(5)).toHaveClass(/current/);
  const sixth = await copy.locator('.pre-beat').nth(5).getAttribute('data-progress');
  await expect(copy.locator('[data-pre="progress"]')).toHaveText(sixth);
  await expect(copy.locator('[data-pre="play"]')).toBeDisabled();
  await context.close();
});

test('the page fetches no wasm before its first paint', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push([r.url(), Date.now()]));
  await page.goto('./?lang=ja', { waitUntil: 'commit' });
  const painted = await page.evaluate(() => new Promise((done) => {
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      done(performance.timeOrigin + last.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  await expect(page.locator('#lang-switch')).toBeVisible();
  const wasm = requested.filter(([u]) => u.endsWith('.wasm'));
  expect(wasm.length).toBe(1);
  expect(wasm[0][1]).toBeGreaterThan(painted);
});

// The app comes alive over the printed page: the printed masthead and
// player are the app's own, laid out as live, so when the app replaces the
// printed story nothing on screen moves and nothing larger is painted (the
// largest paint stays the printed one). The wasm is held until the printed
// beat is measured, then let through.
for (const [lang, page0] of [['ja', './'], ['en', './index.en.html']]) {
  for (const width of [1280, 375]) {
    test(`the app takes over the printed page without a larger paint or a jump (${lang}, ${width} px)`, async ({ browser }) => {
      for (const [ch, beat] of [[1, 1], [4, 3], [6, 1], [9, 2]]) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.addInitScript(() => {
          window.__paints = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__paints.push({ at: e.startTime, size: e.size, what: e.element ? e.element.outerHTML.slice(0, 120) : '' });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          window.__mounted = null;
          new MutationObserver(() => {
            if (window.__mounted === null && document.getElementById('lang-switch')) window.__mounted = performance.now();
          }).observe(document, { childList: true, subtree: true });
        });
        let release;
        const held = new Promise((r) => (release = r));
        await page.route('**/*.wasm', async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(`${page0}?ch=${ch}&beat=${beat}`);
        // What a reader sees first: the beat's first sentence and picture.
        const where = () => page.evaluate(() => {
          const visible = (el) => el && el.getBoundingClientRect().height > 0;
          const words = [...document.querySelectorAll('[data-key]')].find(visible);
          const picture = [...document.querySelectorAll('svg[role="img"]')].find(visible);
          const box = (el) => (el ? [el.getAttribute('data-key') ?? el.getAttribute('aria-label'), Math.round(el.getBoundingClientRect().y)] : null);
          return { words: box(words), picture: box(picture) };
        });
        await expect(page.locator(`#prerender .pre-beat.current[data-ch="${ch}"][data-beat="${beat}"]`)).toBeVisible();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const printed = await where();
        release();
        await expect(page.locator('#lang-switch')).toBeVisible();
        await expect(page.locator('#prerender')).toHaveCount(0);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
        const live = await where();
        const at = `${lang} ${ch}.${beat} at ${width} px`;
        expect(live.words?.[0], `${at}: the same first sentence`).toBe(printed.words?.[0]);
        expect(Math.abs(live.words[1] - printed.words[1]), `${at}: the first sentence stays put (${printed.words[1]} → ${live.words[1]} px)`).toBeLessThanOrEqual(2);
        if (printed.picture) {
          expect(Math.abs(live.picture[1] - printed.picture[1]), `${at}: the picture stays put (${printed.picture[1]} → ${live.picture[1]} px)`).toBeLessThanOrEqual(2);
        }
        const { paints, mounted } = await page.evaluate(() => ({ paints: window.__paints, mounted: window.__mounted }));
        expect(paints.length, `${at}: a largest paint before the app`).toBeGreaterThan(0);
        expect(paints.filter((p) => p.at >= mounted), `${at}: no larger paint once the app is in (it mounted at ${Math.round(mounted)} ms)`).toEqual([]);
        await context.close();
      }
    });
  }
}

// The lab has a wasm of its own (src/bin/lab.rs): each address fetches the
// one wasm its view needs, and a reader of the story never the lab's, not
// even through the offline copy. (The offline copy made on a visit to the
// lab keeps the story's wasm too: the story then works offline as well.)
const wasmOf = (url) => (/\/dns-race-lab-[0-9a-f]+_bg\.wasm$/.test(url) ? 'lab' : /\/dns-race-explainer-[0-9a-f]+_bg\.wasm$/.test(url) ? 'story' : null);
for (const [address, expected, shows] of [
  ['./?lang=ja', 'story', '#progress'],
  ['./index.en.html?ch=4&beat=4', 'story', '#progress'],
  ['./index.en.html?view=sources', 'story', '.to-story'],
  ['./index.en.html?embed=race', 'story', '.embedded-scene'],
  ['./index.en.html?view=playground', 'lab', '#play-title'],
  ['./?view=%20playground%20&lang=en', 'lab', '#play-title'],
  ['./index.en.html?embed=PLAYGROUND', 'lab', '#play-title'],
]) {
  test(`${address} fetches the ${expected}'s wasm and no other`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = [];
    // Requests from the page and from its service worker alike.
    context.on('request', (r) => {
      const which = wasmOf(r.url());
      if (which && !(which === 'story' && r.serviceWorker())) fetched.push(which);
    });
    await page.goto(address);
    await expect(page.locator(shows).first()).toBeVisible();
    if (expected === 'story') {
      // The offline copy is made once the page has loaded: wait for it.
      await page.evaluate(() => navigator.serviceWorker?.ready);
      await page.waitForTimeout(500);
    }
    expect(fetched).toContain(expected);
    expect(fetched.filter((w) => w !== expected)).toEqual([]);
    await expect(page.locator('.lab-missing')).toHaveCount(0);
    await context.close();
  });
}

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

test('once the lab has been opened, it works offline too', async ({ page, context }) => {
  await page.goto('./index.en.html?view=playground');
  await expect(page.locator('#play-title')).toHaveText(en['play.title']);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await context.setOffline(true);
  const response = await page.goto('./index.en.html?view=playground&seed=7');
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.locator('#play-title')).toHaveText(en['play.title']);
  // The lab's engine runs: the day's result is there.
  await expect(page.locator('#play-run')).toContainText('went blank');
  await context.setOffline(false);
});
