// Every link made so far keeps opening the same view. The address is the
// project's public API: links were shared, embedded in articles' iframes and
// printed on worksheets. A corpus of such links (every form the app has
// written, old ones without v=, and hand-edited ones) is opened here, and
// what each shows is reduced to a signature: the language, the view, where
// in the story, the lab's settings, the headings, the pictures' text
// equivalents and the address the app settles on. The signatures are kept
// in links-corpus.json; a change in the page's structure (a wasm split,
// islands) must leave them as they are.
//
// After a deliberate change of words or views: UPDATE_LINKS=1 npx playwright
// test tests/links.spec.mjs, and read the diff of links-corpus.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const CORPUS = new URL('../links-corpus.json', import.meta.url);
const UPDATE = !!process.env.UPDATE_LINKS;

export const LINKS = [
  // The story: the first form (no v=), the current one, each language's page.
  './',
  './?lang=en',
  './?lang=en&ch=2',
  './?v=2&lang=ja&ch=4&beat=4',
  './index.en.html?v=2&lang=en&ch=4&beat=4',
  './?v=2&lang=en&ch=7&beat=3&tz=pdt',
  './index.en.html?v=2&lang=en&ch=9&beat=2&tz=uk',
  './?v=2&lang=ja&ch=6&beat=1&tz=utc',
  './?v=2&lang=en&ch=3&beat=2&detail=engineer',
  './?v=2&lang=en&ch=4&beat=1&at=5',
  // Hand-edited and broken ones: a sensible view, never a blank page.
  './?lang=english&ch=99&beat=-1',
  './?v=9&lang=ja&ch=x&beat=2&tz=mars',
  './?ch=3&ch=5&lang=en',
  // The lab, as its share button writes it, old and new.
  './?v=2&lang=en&view=playground',
  './?lang=ja&view=playground',
  './index.en.html?v=2&lang=en&view=playground&slow=40&plan=3&seed=7',
  './?v=2&lang=en&view=playground&seed=43&cleanup=5',
  // The sources page, the handout, the engine check, the teacher's page.
  './?v=2&lang=en&view=sources',
  './?v=2&lang=ja&view=sources',
  './?v=2&lang=en&view=handout',
  './?check=race',
  './?v=2&lang=en&view=teach',
  // Embeds, as the embed panel writes them for articles' iframes.
  './index.en.html?v=2&lang=en&embed=race',
  './?v=2&lang=ja&embed=cascade',
  './index.en.html?v=2&lang=en&embed=timeline',
  './?v=2&lang=en&embed=ch5',
  './?v=2&lang=ja&embed=playground',
  // Presenter mode, as the teacher's page links it.
  './?v=2&lang=en&present=1&ch=4&beat=3',
  './?v=2&lang=ja&present=1&lesson=30',
];

/** What a reader sees, reduced to what a link decides. */
function signature() {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const short = (s) => (s.length > 90 ? `${s.slice(0, 90)}…` : s);
  const params = new URLSearchParams(location.search);
  const query = [...params].map(([k, v]) => `${k}=${v}`).sort().join('&');
  const html = document.documentElement;
  return {
    page: location.pathname.replace(/^.*\//, '') || '(the folder)',
    query,
    lang: html.lang,
    title: document.title,
    classes: ['embed', 'present', 'other-view', 'app-failed'].filter((c) => html.classList.contains(c)),
    progress: text(document.getElementById('progress')) || null,
    headings: [...document.querySelectorAll('h1, h2')].filter(visible).map((h) => short(text(h))).slice(0, 6),
    pictures: [...document.querySelectorAll('svg[role="img"], [role="img"][aria-label]')]
      .filter(visible)
      .map((s) => short(s.getAttribute('aria-label') ?? text(s.querySelector('title'))))
      .slice(0, 4),
    controls: [...document.querySelectorAll('input[id], select[id]')]
      .filter(visible)
      .map((el) => `${el.id}=${el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value}`),
  };
}

const saved = existsSync(CORPUS) ? JSON.parse(readFileSync(CORPUS, 'utf8')) : {};
const seen = {};

test.describe.configure({ mode: UPDATE ? 'serial' : 'parallel' });

for (const link of LINKS) {
  test(`${link} opens the view it opened before`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(link);
    if (link.includes('view=teach')) {
      await page.waitForURL(/teach\.(ja|en)\.html/);
      await page.waitForLoadState('load');
    } else {
      // The app has mounted once the printed story is gone.
      await page.waitForFunction(() => document.readyState === 'complete' && !document.getElementById('prerender'), null, { timeout: 20_000 });
    }
    // Parts drawn a task later, the lab's estimate (it arrives in slices,
    // busy until the last), and the address's last write (five a second).
    await page.waitForTimeout(300);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 20_000 });
    await page.waitForTimeout(400);
    const got = await page.evaluate(signature);
    seen[link] = got;
    if (UPDATE) return;
    expect(saved[link], `${link} is in links-corpus.json (UPDATE_LINKS=1 to add it)`).toBeTruthy();
    expect(got).toEqual(saved[link]);
  });
}

test.afterAll(() => {
  if (!UPDATE) return;
  const ordered = Object.fromEntries(LINKS.filter((l) => seen[l]).map((l) => [l, seen[l]]));
  writeFileSync(CORPUS, `${JSON.stringify(ordered, null, 2)}\n`);
});
