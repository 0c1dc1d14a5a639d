// Times follow the reader: Japan time for Japanese, US Pacific time for
// English, or UTC or this device's zone by choice (`tz=` in the link).
// One moment of the record, the DNS repair at 02:25 PDT on 20 October, is
// read on the timeline in each zone; the choice travels in the link,
// survives a reload and sticks across a language switch. The fixture fails
// the test on any console error.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, openEmbed, settledUrl, inWords, withTimes } from './fixtures.mjs';

const locales = {
  ja: JSON.parse(readFileSync(new URL('../../locales/ja.json', import.meta.url), 'utf8')),
  en: JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8')),
};
/** `{time}` on `{day}` as the locale writes a time with its day. */
const dayTime = (lang, day, time) =>
  locales[lang]['time.day_time'].replace('{day}', day).replace('{time}', time);

// Chapter 10, beat 1: the summary with the timeline.
const TIMELINE_BEAT = 'ch=10&beat=1';
const dnsEntry = (page) => page.locator('.timeline li', { has: page.locator('[data-key="tl.dns_back"]') });

test('the DNS repair reads 18:25 in Japan time, 02:25 Pacific and 09:25 UTC', async ({ page }) => {
  await openApp(page, `./?lang=ja&${TIMELINE_BEAT}`);
  const select = page.locator('#tz-select');
  const entry = dnsEntry(page);
  // Japanese: Japan time by default, with the record's Pacific time beside it.
  await expect(select).toHaveValue('jst');
  await expect(entry.locator('.tl-time')).toHaveText(dayTime('ja', '20', '18:25'));
  await expect(entry.locator('.tl-record')).toContainText('02:25');
  await expect(entry.locator('.tl-record')).toContainText(locales.ja['tz.short_pdt']);
  expect(new URL(page.url()).searchParams.get('tz')).toBeNull();
  // The chart's words and the footer follow the zone.
  await expect(page.locator('.cascade-svg')).toHaveAttribute('aria-label', /DynamoDB: \S+ 20日15:48–18:33, \S+ 18:33–18:40;/);
  await expect(page.locator('#footer-times')).toContainText(locales.ja['tz.jst']);

  await select.selectOption('pdt');
  await expect(entry.locator('.tl-time')).toHaveText(dayTime('ja', '20', '02:25'));
  await expect(entry.locator('.tl-record')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('tz')).toBe('pdt');

  await select.selectOption('utc');
  await expect(entry.locator('.tl-time')).toHaveText(dayTime('ja', '20', '09:25'));
  await expect.poll(() => new URL(page.url()).searchParams.get('tz')).toBe('utc');

  // The choice survives a reload ...
  await page.reload();
  await expect(page.locator('#lang-switch')).toBeVisible();
  await expect(page.locator('#tz-select')).toHaveValue('utc');
  await expect(dnsEntry(page).locator('.tl-time')).toHaveText(dayTime('ja', '20', '09:25'));
  // ... and a language switch: an explicit choice sticks.
  await page.locator('#lang-switch').click();
  await expect(dnsEntry(page).locator('.tl-time')).toHaveText(dayTime('en', '20', '09:25'));
  await expect(dnsEntry(page).locator('.tl-record')).toHaveText('(02:25 PDT)');
  await expect(page.locator('#tz-select')).toHaveValue('utc');
  expect(new URL(await settledUrl(page)).searchParams.get('tz')).toBe('utc');
});

test('without a choice, the zone follows the language', async ({ page }) => {
  await openApp(page, `./?lang=en&${TIMELINE_BEAT}`);
  const entry = dnsEntry(page);
  await expect(page.locator('#tz-select')).toHaveValue('pdt');
  await expect(entry.locator('.tl-time')).toHaveText(dayTime('en', '20', '02:25'));
  await expect(entry.locator('.tl-record')).toHaveCount(0);
  await expect(page.locator('.cascade-svg')).toHaveAttribute('aria-label', /DynamoDB: down 23:48 on 19 Oct–02:33 on 20 Oct, degraded 02:33–02:40;/);
  // The scrubber names the day of its time.
  await entry.locator('.tl-time').click();
  await expect(page.locator('#time-scrubber-value')).toHaveText(dayTime('en', '20', '02:25'));
  await page.locator('#lang-switch').click();
  await expect(page.locator('#tz-select')).toHaveValue('jst');
  await expect(dnsEntry(page).locator('.tl-time')).toHaveText(dayTime('ja', '20', '18:25'));
  await expect(page.locator('#time-scrubber-value')).toHaveText(dayTime('ja', '20', '18:25'));
  expect(new URL(await settledUrl(page)).searchParams.get('tz')).toBeNull();
});

test('story prose shows its record times in the reader\'s zone', async ({ page }) => {
  await openApp(page, './?lang=ja');
  // The opening's first sentence: the race at 23:48 PDT = 15:48 JST on the 20th.
  const lead = page.locator('#story [data-key="ch1.lead"]');
  await expect(lead).toContainText('20日15:48');
  await expect(lead).toContainText('23:48');
  await expect(page.locator('#story')).not.toContainText('{t:');
  await page.locator('#tz-select').selectOption('utc');
  await expect(lead).toContainText('20日06:48');
});

// The first screen's hook: its time in the reader's zone, and the words
// around it true there too (the weekday and part of the day where the
// reader's clock is, with Seattle's beside it), in either language.
const RACE = 23 * 60 + 48; // 19 Oct 23:48 PDT, minutes since 19 Oct 00:00 PDT
const hookCases = [
  // [device zone, its offset at the event (minutes east), its time of the race]
  ['Asia/Tokyo', 9 * 60, { ja: '20日15:48', en: '15:48 on 20 Oct' }],
  ['Europe/London', 60, { ja: '20日07:48', en: '07:48 on 20 Oct' }],
  ['America/Los_Angeles', -7 * 60, { ja: '19日23:48', en: '23:48 on 19 Oct' }],
];
for (const [timezoneId, offset, shown] of hookCases) {
  test.describe(`the hook on a device in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('reads right in both languages', async ({ page }) => {
      for (const lang of ['ja', 'en']) {
        await openApp(page, `./?lang=${lang}&tz=local`);
        const lead = page.locator('#story [data-key="ch1.lead"]');
        await expect(lead).toContainText(shown[lang]);
        await expect(lead).toContainText(inWords(RACE, lang, offset, 'device'));
        // Where, on the first screen.
        await expect(page.locator('#story [data-key="ch1.where"]')).toContainText('us-east-1');
        // English speaks of Japan only when the reader reads Japan time.
        if (lang === 'en') await expect(page.locator('#story .chapter')).not.toContainText('Japan');
      }
    });
  });
}

test.describe('the hook in London', () => {
  test.use({ timezoneId: 'Europe/London' });

  test('its words, written out, in each zone the reader can choose', async ({ page }) => {
    await openApp(page, './?lang=en&tz=local');
    const lead = page.locator('#story [data-key="ch1.lead"]');
    // Not "late on a Sunday night in Seattle" beside a London morning: both, named.
    await expect(lead).toContainText(
      "It was Monday morning by this device's clock, and late Sunday night in Seattle. At 07:48 on 20 Oct (23:48 on 19 Oct PDT)",
    );
    await page.locator('#tz-select').selectOption('jst');
    await expect(lead).toContainText('Monday afternoon in Japan, and late Sunday night in Seattle. At 15:48 on 20 Oct');
    await page.locator('#tz-select').selectOption('pdt');
    await expect(lead).toHaveText(withTimes(locales.en['ch1.lead'], 'en'));
    await expect(lead).toContainText('It was late Sunday night in Seattle. At 23:48 on 19 Oct (06:48 on 20 Oct UTC)');
    await page.locator('#lang-switch').click();
    await page.locator('#tz-select').selectOption('utc');
    await expect(page.locator('#story [data-key="ch1.lead"]')).toContainText(
      '20日06:48（米国太平洋時間では19日23:48）',
    );
    await expect(page.locator('#story [data-key="ch1.lead"]')).toContainText(
      '協定世界時（UTC）では月曜日の早朝、米国シアトルでは日曜日の深夜のことです。',
    );
  });
});

test('a bad tz value falls back to the language with a note, not an error', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await openApp(page, `./?v=2&lang=en&tz=mars&${TIMELINE_BEAT}`);
  await expect(page.locator('#tz-select')).toHaveValue('pdt');
  await expect(dnsEntry(page).locator('.tl-time')).toHaveText(dayTime('en', '20', '02:25'));
  expect(warnings.join('\n')).toContain('tz=');
});

test('an embedded timeline honours tz and offers the choice', async ({ page }) => {
  await openEmbed(page, './?v=2&lang=en&tz=utc&embed=timeline');
  await expect(page.locator('#tz-select')).toHaveValue('utc');
  await expect(dnsEntry(page).locator('.tl-time')).toHaveText(dayTime('en', '20', '09:25'));
  await page.locator('#tz-select').selectOption('jst');
  await expect(dnsEntry(page).locator('.tl-time')).toHaveText(dayTime('en', '20', '18:25'));
  await expect(page.locator('#open-full')).toHaveAttribute('href', /tz=jst/);
});

test.describe('this device\'s zone', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('reads the device\'s offset at the event (UTC−4 in New York)', async ({ page }) => {
    await openApp(page, `./?lang=en&tz=local&${TIMELINE_BEAT}`);
    await expect(page.locator('#tz-select')).toHaveValue('local');
    await expect(page.locator('#tz-select option[value="local"]')).toHaveText(
      locales.en['tz.local'].replace('{zone}', 'UTC\u22124'),
    );
    await expect(dnsEntry(page).locator('.tl-time')).toHaveText(dayTime('en', '20', '05:25'));
    await expect(dnsEntry(page).locator('.tl-record')).toHaveText('(02:25 PDT)');
  });
});

test('the zone control in the masthead at 375 and 1280 px', async ({ page }, info) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page, './?lang=ja');
    // On a phone the zone sits behind the masthead's one button.
    if (await page.locator('#menu-toggle').isVisible()) await page.locator('#menu-toggle').click();
    const select = page.locator('#tz-select');
    const box = await select.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    // Keyboard: focus the select and move to the next choice.
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue('pdt');
    await page.locator('.masthead').screenshot({ path: info.outputPath(`masthead-${width}.png`) });
    await page.locator('.masthead').screenshot({ path: `test-results/masthead-${width}.png` });
  }
});

test('the chart and the list at 375 px in Japan time and in UTC', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 900 });
  for (const [query, name] of [['lang=ja', 'ja-jst'], ['lang=en&tz=utc', 'en-utc']]) {
    await openApp(page, `./?${query}&${TIMELINE_BEAT}`);
    const scene = page.locator('.timeline-scene');
    await expect(dnsEntry(page)).toBeVisible();
    // No sideways scrolling with the longer times.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('.cascade-scene').screenshot({ path: `test-results/chart-${name}.png` });
    await scene.locator('.timeline').screenshot({ path: `test-results/list-${name}.png` });
  }
});

// Before and without the WebAssembly: the printed story's times are written
// in the zone the link asks for by the page's small script (public/zone.js),
// the way the app writes them, so nothing changes when the app takes over.
test.describe('the printed story in the link\'s zone', () => {
  // The service worker would fetch the wasm past the page's block.
  test.use({ serviceWorkers: 'block' });

  /** Opens `query` with the wasm blocked; the printed zone written. */
  async function openPrinted(page, query) {
    await page.route('**/*.wasm', () => new Promise(() => {})); // held: never arrives
    await page.goto(`./?${query}`);
    await expect(page.locator('html[data-zone-shown]')).toHaveCount(1);
    await expect(page.locator('#prerender .pre-beat.current')).toBeVisible();
  }
  /** The current printed beat's words (pictures aside) and its pictures' labels that hold a time. */
  const printedBeat = (page) =>
    page.locator('#prerender .pre-beat.current > section.chapter').evaluate((section) => {
      const copy = section.cloneNode(true);
      for (const el of copy.querySelectorAll('.pre-answer, svg')) el.remove();
      const labels = [...section.querySelectorAll('svg text')].filter((t) => t.querySelector('[data-f]'));
      return { words: copy.textContent.replace(/\s+/g, ''), labels: labels.map((t) => t.textContent) };
    });
  /** The live beat's, the same way: its pictures' labels with a time (the axes' hours aside). */
  const liveBeat = (page) =>
    page.locator('main#story section.chapter').evaluate((section) => {
      const copy = section.cloneNode(true);
      for (const el of copy.querySelectorAll('svg')) el.remove();
      const labels = [...section.querySelectorAll('svg text:not(.axis)')]
        .map((t) => t.textContent)
        .filter((s) => /\d\d:\d\d/.test(s) && !/^\d\d:\d\d$/.test(s));
      return { words: copy.textContent.replace(/\s+/g, ''), labels };
    });

  // What a reader of each language sees at chapter 1's first beat (the
  // hook), 6.1 and 7.6, with times from the record (docs/RECORD.md): the
  // race at 23:48 PDT on the 19th, the impact's end 14:20 PDT on the 20th;
  // "now" in the pictures at 00:05 and 09:45 PDT on the 20th.
  const cases = [
    ['ja', 'utc', 'ch=1&beat=1', ['2025年10月20日06:48（米国太平洋時間では19日23:48）', '20日21:20'], ['20日06:48（UTC）']],
    ['ja', 'uk', 'ch=1&beat=1', ['2025年10月20日07:48（米国太平洋時間では19日23:48）', 'イギリスでは月曜日の朝'], ['20日07:48（イギリス時間）']],
    ['en', 'utc', 'ch=1&beat=1', ['06:48 on 20 Oct (23:48 on 19 Oct PDT)', 'early Monday morning UTC'], ['06:48 on 20 Oct (UTC)']],
    ['en', 'uk', 'ch=1&beat=1', ['07:48 on 20 Oct (23:48 on 19 Oct PDT)'], ['07:48 on 20 Oct (BST)']],
    ['ja', 'utc', 'ch=6&beat=1', ['20日06:48'], ['いま20日07:05']],
    ['en', 'uk', 'ch=6&beat=1', ['07:48 on 20 Oct'], ['now 08:05 on 20 Oct']],
    ['ja', 'uk', 'ch=7&beat=6', ['20日15:04', '20日17:36'], ['いま20日17:45']],
    ['en', 'utc', 'ch=7&beat=6', ['14:04 on 20 Oct', '16:36 on 20 Oct'], ['now 16:45 on 20 Oct']],
  ];
  for (const [lang, tz, where, words, labels] of cases) {
    test(`with the wasm blocked, ${lang} ${where} reads its times in tz=${tz}`, async ({ page }) => {
      await openPrinted(page, `lang=${lang}&${where}&tz=${tz}`);
      const beat = page.locator('#prerender .pre-beat.current');
      for (const w of words) await expect(beat).toContainText(w);
      const shown = await printedBeat(page);
      for (const l of labels) expect(shown.labels).toContain(l);
      // No time left in the language's zone.
      const zone = locales[lang][`tz.short_${lang === 'ja' ? 'jst' : 'pdt'}`];
      if (where === 'ch=1&beat=1') expect(shown.labels.join(' ')).not.toContain(zone);
    });
  }

  test('a bad tz keeps the language\'s zone, as the app does', async ({ page }) => {
    await page.route('**/*.wasm', () => new Promise(() => {})); // held: never arrives
    await page.goto('./?lang=ja&ch=1&beat=1&tz=est');
    await expect(page.locator('#prerender .pre-beat.current')).toContainText('2025年10月20日15:48（米国太平洋時間では19日23:48）');
    await expect(page.locator('html[data-zone-shown]')).toHaveCount(0);
  });

  // Every beat with a time, printed then live: the same words, and the same
  // labels in the pictures (the axes' hours and the aria-labels are drawn
  // by the app alone; see README).
  const beatsWithTimes = ['1&beat=1', '5&beat=4', '6&beat=1', '6&beat=3', '7&beat=3', '7&beat=6', '7&beat=8', '9&beat=1', '9&beat=2', '10&beat=1'];
  for (const [lang, tz, timezoneId] of [
    ['ja', 'utc'], ['ja', 'pdt'], ['en', 'uk'], ['en', 'jst'], ['en', 'local', 'Asia/Kolkata'], ['ja', 'local', 'America/Los_Angeles'],
  ]) {
    test.describe(`${lang}, tz=${tz}${timezoneId ? ` in ${timezoneId}` : ''}`, () => {
      if (timezoneId) test.use({ timezoneId });
      test('nothing changes when the app takes over', async ({ page }) => {
        test.setTimeout(120_000);
        let release;
        const held = new Promise((r) => (release = r));
        await page.route('**/*.wasm', async (route) => {
          await held;
          await route.continue();
        });
        const printed = [];
        await page.goto(`./?lang=${lang}&ch=${beatsWithTimes[0]}&tz=${tz}`);
        await expect(page.locator('html[data-zone-shown]')).toHaveCount(1);
        for (const b of beatsWithTimes) {
          // Walk the printed stepper: its chapter menu, then Next.
          const [ch, beat] = b.split('&beat=').map(Number);
          await page.locator('#prerender [data-pre="chapters"]').selectOption(String(ch - 1));
          for (let i = 1; i < beat; i++) await page.locator('#prerender [data-pre="next"]').click();
          printed.push(await printedBeat(page));
        }
        release();
        await expect(page.locator('#lang-switch')).toBeVisible();
        for (const [i, b] of beatsWithTimes.entries()) {
          await page.goto(`./?lang=${lang}&ch=${b}&tz=${tz}`);
          await expect(page.locator('#lang-switch')).toBeVisible();
          const live = await liveBeat(page);
          expect(printed[i].words, `${lang} ch=${b} tz=${tz}: words`).toBe(live.words);
          expect(printed[i].labels, `${lang} ch=${b} tz=${tz}: pictures`).toEqual(live.labels);
        }
      });
    });
  }
});
