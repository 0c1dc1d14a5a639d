// Shared test fixture: on every page, console errors, page errors, HTTP
// errors, Content-Security-Policy violations and requests to any other
// origin are collected and, at the end of each test, must be none.
import { readFileSync } from 'node:fs';
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

/**
 * The page's address once its last change is written: the app writes the
 * address at most five times a second, so a read right after a click can
 * see the one before. A timer set now fires after the app's pending write
 * (timers fire in order of their due time; the app's is due within 200 ms).
 */
export async function settledUrl(page) {
  return page.evaluate(() => new Promise((done) => setTimeout(() => done(location.href), 250)));
}

/** Opens an embedded scene and waits until it has rendered. */
export async function openEmbed(page, path) {
  await page.goto(path);
  await expect(page.locator('#open-full')).toBeVisible();
}

const localeWords = {
  ja: JSON.parse(readFileSync(new URL('../../locales/ja.json', import.meta.url), 'utf8')),
  en: JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8')),
};

/**
 * A record moment (minutes since 19 Oct 00:00 PDT) in words, as `{tw:…}`
 * shows it in a zone `offset` minutes east of UTC: the weekday and part of
 * the day there (`place` names the zone: `jst`, `pdt`, `utc` or `device`),
 * and Seattle's beside it unless the zone is Pacific time. An independent
 * re-implementation of `Clock::words_of`.
 */
export function inWords(pdtMinutes, lang, offset, place) {
  const w = localeWords[lang];
  const one = (off, where) => {
    const m = pdtMinutes + 7 * 60 + off;
    const day = Math.floor(m / 1440) + 19;
    const hour = Math.floor((((m % 1440) + 1440) % 1440) / 60);
    const days = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    const weekday = w[`time.${days[(((day - 19) % 7) + 7) % 7]}`];
    const part = hour <= 3 ? 'small_hours' : hour <= 6 ? 'early_morning' : hour <= 10 ? 'morning'
      : hour <= 12 ? 'midday' : hour <= 16 ? 'afternoon' : hour <= 18 ? 'evening' : hour <= 21 ? 'night' : 'late_night';
    return w['time.when']
      .replace('{part}', w[`time.${part}`].replace('{day}', weekday))
      .replace('{place}', w[`time.place_${where}`]);
  };
  const here = one(offset, place);
  if (offset === -7 * 60) return here;
  return w['time.when_beside'].replace('{here}', here).replace('{there}', one(-7 * 60, 'pdt'));
}

/**
 * A locale text as a reader sees it in the language's default zone (Japan
 * time for ja, US Pacific time for en): the record-time tokens `{t:DD-HH:MM}`,
 * `{tt:DD-HH:MM}` and `{tw:DD-HH:MM}` written out. An independent
 * re-implementation of `crate::time`, so a test compares two ways of getting
 * the same words.
 */
export function withTimes(text, lang) {
  const pad = (n) => String(n).padStart(2, '0');
  const at = (pdtMinutes, offsetFromPdt) => {
    const m = pdtMinutes + offsetFromPdt;
    return { day: Math.floor(m / 1440), hhmm: `${pad(Math.floor((m % 1440) / 60))}:${pad(m % 60)}` };
  };
  return text.replace(/\{(t[tw]?):(\d\d)-(\d\d):(\d\d)\}/g, (_, kind, d, h, mi) => {
    const pdt = Number(d) * 1440 + Number(h) * 60 + Number(mi);
    if (kind === 'tw') {
      const fromStart = pdt - 19 * 1440;
      return lang === 'ja' ? inWords(fromStart, 'ja', 9 * 60, 'jst') : inWords(fromStart, 'en', -7 * 60, 'pdt');
    }
    const [here, there, otherName] = lang === 'ja'
      ? [at(pdt, 16 * 60), at(pdt, 0), '米国太平洋時間']
      : [at(pdt, 0), at(pdt, 7 * 60), 'UTC'];
    const dayTime = (w) => (lang === 'ja' ? `${w.day}日${w.hhmm}` : `${w.hhmm} on ${w.day} Oct`);
    const main = dayTime(here);
    if (kind === 't') return main;
    const other = there.day === here.day ? there.hhmm : dayTime(there);
    return lang === 'ja' ? `${main}（${otherName}では${other}）` : `${main} (${other} ${otherName})`;
  });
}
