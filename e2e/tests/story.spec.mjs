// The story: every beat, forward and back, in both languages, by button and
// keyboard; each sentence is the locale's text, nothing untranslated shows.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, settledUrl, withTimes } from './fixtures.mjs';

const locales = {
  ja: JSON.parse(readFileSync(new URL('../../locales/ja.json', import.meta.url), 'utf8')),
  en: JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8')),
};

async function checkBeat(page, lang) {
  const keyed = page.locator('#story [data-key]');
  const n = await keyed.count();
  for (let i = 0; i < n; i++) {
    const key = await keyed.nth(i).getAttribute('data-key');
    expect(locales[lang][key], `key ${key} exists`).toBeTruthy();
    await expect(keyed.nth(i)).toHaveText(withTimes(locales[lang][key], lang));
  }
  const text = await page.locator('#story').innerText();
  expect(text).not.toMatch(/\{[a-z_]+\}/); // no unfilled placeholder
  expect(text).not.toMatch(/\{tt?:/); // no unexpanded time token
  expect(text).not.toMatch(/\b(ch\d+|nav|scene|svc|ev|mark)\.[a-z0-9_]+\b/); // no raw key
  return n;
}

for (const lang of ['ja', 'en']) {
  test(`walk the whole story forward and back in ${lang}`, async ({ page }) => {
    await openApp(page, `./?lang=${lang}`);
    const next = page.locator('#next');
    const seen = [];
    let keyed = 0;
    for (let guard = 0; guard < 200; guard++) {
      keyed += await checkBeat(page, lang);
      seen.push(await page.locator('#progress').innerText());
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(seen.length).toBeGreaterThanOrEqual(35);
    expect(new Set(seen).size).toBe(seen.length);
    expect(keyed).toBeGreaterThanOrEqual(30);
    const url = new URL(await settledUrl(page));
    expect(url.searchParams.get('ch')).toBe('10');
    // Back to the start with the keyboard.
    for (let i = 1; i < seen.length; i++) await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#progress')).toHaveText(seen[0]);
    await expect(page.locator('#prev')).toBeDisabled();
    await page.keyboard.press('End');
    await expect(page.locator('#progress')).toHaveText(seen[seen.length - 1]);
    await page.keyboard.press('Home');
    await expect(page.locator('#progress')).toHaveText(seen[0]);
  });
}

test('a link opens the same beat, and switching language keeps it', async ({ page }) => {
  await openApp(page, './?ch=5&beat=1');
  await expect(page.locator('#chapter-title')).toHaveText(locales.ja['ch5.title']);
  await expect(page.locator('.race-scene .page.blank')).toHaveCount(1);
  await expect(page.locator('.race-scene')).toContainText('白紙（住所0件）');
  await page.locator('#lang-switch').click();
  await expect(page.locator('#chapter-title')).toHaveText(locales.en['ch5.title']);
  await expect(page.locator('.race-scene')).toContainText(locales.en['scene.blank']);
  const url = new URL(await settledUrl(page));
  expect([url.searchParams.get('ch'), url.searchParams.get('beat'), url.searchParams.get('lang')]).toEqual(['5', '1', 'en']);
});

test('the race scenes follow the engine: overwrite, then blank, then stuck', async ({ page }) => {
  await openApp(page, './?ch=4&beat=4&lang=en');
  const scene = page.locator('.race-scene');
  await expect(scene.locator('.page.blank')).toHaveCount(0);
  await expect(scene.locator('.event-line')).toContainText('writes old #103 onto dynamodb.us-east-1.amazonaws.com');
  // Past the reader's own try at the order (the game) to chapter 5.
  await page.locator('#next').click();
  await expect(page.locator('.chapter .game')).toBeVisible();
  await page.locator('#next').click();
  await expect(scene.locator('.page.blank')).toHaveCount(1);
  await expect(scene.locator('.event-line')).toContainText('#103, is gone: the page is blank');
  await page.locator('#next').click();
  await page.locator('#next').click();
  await expect(scene.locator('.event-line')).toContainText("fails: the back-up arrow must point at #103, where the arrow still points, and that list is gone");
  // How it was found and repaired, then the census.
  await page.locator('#next').click();
  await expect(page.locator('#beat')).toContainText(withTimes(locales.en['ch5.found'], 'en'));
  await page.locator('#next').click();
  await expect(page.locator('#beat')).toContainText(/\d{1,3}(,\d{3})* of \d{1,3}(,\d{3})* orderings end with a blank page/);
});

test('the cascade scene draws impact bars with a moving cursor', async ({ page }) => {
  await openApp(page, './?ch=7&beat=1');
  const svg = page.locator('.cascade-svg');
  await expect(svg.locator('.bar.down').first()).toBeVisible();
  // Drawn up to the beat's minute only (02:40 PDT): the bars so far.
  expect(await svg.locator('.bar').count()).toBeGreaterThan(10);
  const x1 = await svg.locator('.cursor').getAttribute('x1');
  await page.locator('#next').click();
  const x2 = await svg.locator('.cursor').getAttribute('x1');
  expect(Number(x2)).toBeGreaterThan(Number(x1));
  await expect(page.locator('.cascade-scene')).toContainText('いま20日19:30');
  // As it happened, the chart's windows are fitted to the record.
  await expect(page.locator('.cascade-scene .kind')).toHaveAttribute('data-kind', 'fitted');
});

test('a hand-edited position is clamped, not an error', async ({ page }) => {
  for (const q of ['ch=99&beat=99', 'ch=-3&beat=x', 'ch=5&beat=0', 'beat=999']) {
    await openApp(page, `./?${q}`);
    await expect(page.locator('#progress')).toBeVisible();
  }
  await openApp(page, './?ch=99&beat=99');
  await expect(page.locator('#next')).toBeDisabled();
});

test('chapter menu jumps to a chapter', async ({ page }) => {
  await openApp(page, './?lang=en');
  await page.locator('#chapter-select').selectOption('6');
  await expect(page.locator('#chapter-title')).toHaveText(locales.en['ch7.title']);
  expect(new URL(await settledUrl(page)).searchParams.get('ch')).toBe('7');
});

for (const width of [375, 1280]) {
  for (const lang of ['ja', 'en']) {
    test(`screenshots of every chapter at ${width} px in ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (let ch = 1; ch <= 10; ch++) {
        await openApp(page, `./?lang=${lang}&ch=${ch}&beat=${ch === 5 ? 1 : ch === 7 ? 2 : 1}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `chapter ${ch}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `test-results/chapters/${lang}-${width}-ch${ch}.png`, fullPage: true });
      }
    });
  }
}

test('predict what happens next, then the reveal', async ({ page }) => {
  await openApp(page, './?ch=4&beat=4&lang=en');
  const quiz = page.locator('.quiz');
  await expect(quiz).toContainText(locales.en['quiz.overwrite_q']);
  await expect(quiz.locator('.reveal')).toHaveCount(0);
  await quiz.getByRole('button', { name: locales.en['quiz.overwrite_a1'] }).click();
  await expect(quiz.locator('.reveal')).toContainText(locales.en['quiz.wrong']);
  await expect(quiz.locator('.choice.right')).toContainText('✓');
  await quiz.getByRole('button', { name: locales.en['quiz.overwrite_a2'] }).click();
  await expect(quiz.locator('.reveal')).toContainText(locales.en['quiz.right']);
  await expect(quiz.locator('.reveal')).toContainText(locales.en['quiz.overwrite_reveal']);
});

test('the reader\'s first answers are kept in this tab and summed up at the end', async ({ page }) => {
  await openApp(page, './?ch=10&beat=2&lang=en');
  const n = await page.locator('#prediction-tally').innerText();
  expect(n).toContain('“What happens next?” questions along the way');
  // A wrong first choice, then the right one: the first is the prediction.
  // (openApp: the printed story has its own copy of each question until the app takes over.)
  await openApp(page, './?ch=4&beat=4&lang=en');
  const quiz = page.locator('.quiz');
  await quiz.getByRole('button', { name: locales.en['quiz.overwrite_a1'] }).click();
  await quiz.getByRole('button', { name: locales.en['quiz.overwrite_a2'] }).click();
  // Coming back, the answer shows again.
  await openApp(page, './?ch=4&beat=4&lang=en');
  await expect(page.locator('.quiz .reveal')).toBeVisible();
  await openApp(page, './?ch=10&beat=2&lang=en');
  await expect(page.locator('#prediction-tally')).toContainText('you answered 1 of the');
  await expect(page.locator('#prediction-tally')).toContainText('got 0 right');
  // In Japanese too.
  await page.locator('#lang-switch').click();
  await expect(page.locator('#prediction-tally')).toContainText('1問に答え');
});

test('the Japanese story shows no English sentence outside names, on every beat and race event', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, './?lang=ja');
  // Three or more Latin-script words in a row is an English phrase; names
  // (dynamodb.us-east-1.amazonaws.com, AWS, EC2, Route 53) are shorter runs.
  const english = /[A-Za-z][A-Za-z'’,\-]*(?:\s+[A-Za-z][A-Za-z'’,\-]*){2,}/g;
  const found = [];
  const look = async () => {
    const text = await page.evaluate(() => {
      const main = document.querySelector('main').cloneNode(true);
      // The engineer's detail is off in story mode; a language's own name in the other language is marked lang="en".
      main.querySelectorAll('.engineer-note, .engine-line, [lang=en]').forEach((e) => e.remove());
      return main.innerText;
    });
    const where = await page.locator('#progress').innerText();
    for (const m of text.matchAll(english)) found.push(`${where}: ${m[0]}`);
  };
  for (let guard = 0; guard < 80; guard++) {
    await look();
    // A race beat: a few of its events, told in words.
    const step = page.locator('.event-next');
    for (let i = 0; i < 3 && (await step.count()) && (await step.isEnabled()); i++) {
      await step.click();
      await look();
    }
    if (await page.locator('#next').isDisabled()) break;
    await page.locator('#next').click();
  }
  expect(found).toEqual([]);
});

test('the keyboard hint shows with a mouse and keyboard, not on a touch screen', async ({ page, browser }) => {
  await openApp(page, './?lang=en');
  await expect(page.locator('.keys-hint')).toBeVisible();
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  const touch = await phone.newPage();
  await touch.goto(new URL('./?lang=en', page.url()).href);
  await expect(touch.locator('#lang-switch')).toBeVisible();
  await expect(touch.locator('.keys-hint')).toBeHidden();
  await phone.close();
});

for (const lang of ['ja', 'en']) {
  test(`on a 375 x 667 phone every beat's first sentence starts in the top half (${lang})`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
    const page = await phone.newPage();
    await page.goto(new URL(`./?lang=${lang}`, baseURL).href);
    await expect(page.locator('#lang-switch')).toBeVisible();
    // The masthead's tools fold behind one button; it opens them.
    await expect(page.locator('#tz-select')).toBeHidden();
    await page.locator('#menu-toggle').click();
    await expect(page.locator('#tz-select')).toBeVisible();
    await expect(page.locator('#menu-toggle')).toHaveAttribute('aria-expanded', 'true');
    await page.locator('#menu-toggle').click();
    await expect(page.locator('#tz-select')).toBeHidden();
    const late = [];
    for (let i = 0; i < 60; i++) {
      // The beat's first sentence (the beat's box is dissolved on a phone,
      // so its picture can follow that sentence), or what follows the title.
      const sentences = page.locator('main .chapter .beat > *');
      const first = (await sentences.count()) ? sentences.first() : page.locator('main .chapter h2 ~ *').first();
      await expect(first).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      const top = (await first.boundingBox()).y;
      if (top > 667 / 2) late.push(`${await page.locator('#progress').innerText()}: ${Math.round(top)} px`);
      if (await page.locator('#next').isDisabled()) break;
      await page.locator('#next').click();
    }
    expect(late).toEqual([]);
    await phone.close();
  });
}

test('glossary terms open a definition in the current language', async ({ page }) => {
  await openApp(page, './?ch=2&beat=2');
  const term = page.locator('.term').filter({ hasText: 'TTL' });
  await expect(term.locator('p')).toBeHidden();
  await term.locator('summary').click();
  await expect(term.locator('p')).toHaveText(locales.ja['term.ttl_def']);
  await page.locator('#lang-switch').click();
  await expect(page.locator('.term').filter({ hasText: 'TTL' }).locator('p')).toHaveText(locales.en['term.ttl_def']);
});

test('engineer detail adds record names and the engine line, and stays in the link', async ({ page }) => {
  await openApp(page, './?ch=5&beat=2&lang=en');
  await expect(page.locator('.engineer-note')).toHaveCount(0);
  await page.locator('#detail-toggle').click();
  await expect(page.locator('#detail-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.engineer-note')).toContainText('NODATA');
  // The race picture's engine line is on the beat before (this one draws the
  // cached empty answer).
  await page.locator('#prev').click();
  await expect(page.locator('.engine-line')).toContainText('EMPTY e0: active tree 103 deleted by B');
  await page.locator('#next').click();
  expect(new URL(await settledUrl(page)).searchParams.get('detail')).toBe('engineer');
  await page.reload();
  await expect(page.locator('.engineer-note')).toContainText('NXDOMAIN');
  await page.locator('#lang-switch').click();
  await expect(page.locator('.engineer-note')).toContainText('NODATA');
  await expect(page.locator('#chapter-title')).toHaveText(locales.ja['ch5.title']);
});

test('the timeline and the chart share one clock', async ({ page }) => {
  await openApp(page, './?ch=7&beat=8&lang=en');
  const scene = page.locator('.timeline-scene');
  const cursor = scene.locator('.cursor');
  await scene.getByRole('button', { name: '09:36 on 20 Oct' }).click();
  await expect(scene.locator('li.current')).toContainText(locales.en['tl.nlb_off']);
  // The record's times are from the record; the chart beside them is fitted.
  await expect(scene.locator('.tl-heading .kind')).toHaveAttribute('data-kind', 'record');
  await expect(scene.locator('.cascade-scene .kind')).toHaveAttribute('data-kind', 'fitted');
  await expect(scene.locator('output')).toHaveText('09:36 on 20 Oct');
  const x1 = Number(await cursor.getAttribute('x1'));
  const slider = page.locator('#time-scrubber');
  await slider.focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
  await expect(scene.locator('output')).toHaveText('10:36 on 20 Oct');
  await expect(scene.locator('li.current')).toContainText(locales.en['tl.network_ok']);
  expect(Number(await cursor.getAttribute('x1'))).toBeGreaterThan(x1);
  // Arrow keys on the slider move time, not the story.
  await expect(page.locator('#progress')).toHaveText('Chapter 7, 8 of 8');
});

test('play advances by itself, faster at a higher speed, and pauses', async ({ page }) => {
  await openApp(page, './?ch=2&beat=1&lang=en');
  await page.locator('#speed').fill('2'); // ×4: a beat every 1.75 s
  await expect(page.locator('.speed output')).toHaveText('×4');
  await page.locator('#play').click();
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#progress')).toHaveText('Chapter 2, 2 of 3', { timeout: 5000 });
  await page.locator('#play').click();
  const stopped = await page.locator('#progress').innerText();
  await page.waitForTimeout(2500);
  await expect(page.locator('#progress')).toHaveText(stopped);
  // Space toggles play when focus is not on a control.
  await page.locator('#chapter-title').click();
  await page.keyboard.press(' ');
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'false');
});

test('the progress bar seeks anywhere in the story', async ({ page }) => {
  await openApp(page, './?lang=en');
  const seek = page.locator('#seek');
  const max = Number(await seek.getAttribute('max'));
  await seek.fill(String(max));
  await expect(page.locator('#chapter-title')).toHaveText(locales.en['ch10.title']);
  await seek.fill('1');
  await expect(page.locator('#chapter-title')).toHaveText(locales.en['ch2.title']);
});

test('the race can be followed event by event from the engine trace', async ({ page }) => {
  await openApp(page, './?ch=4&beat=1&lang=en');
  const scene = page.locator('.race-scene');
  const line = scene.locator('.event-line');
  await expect(line).toContainText('Clerk A checks list #103');
  const seen = new Set();
  for (let i = 0; i < 80 && !seen.has('blank'); i++) {
    await scene.locator('.event-next').click();
    const text = await line.innerText();
    expect(text).not.toMatch(/^[A-C]: /); // narrated in words, not the engine's form
    if (text.includes('the page is blank')) seen.add('blank');
    if (text.includes('could not hang its busy tag')) seen.add('lost');
  }
  expect([...seen].sort()).toEqual(['blank', 'lost']);
  await expect(scene.locator('.page.blank')).toHaveCount(1);
  // One step back is B's clean-up itself (same transaction: still blank);
  // a few more reach A's overwrite, before the deletion.
  await scene.locator('.event-prev').click();
  await expect(line).toContainText('throws away');
  for (let i = 0; i < 5 && !(await line.innerText()).includes('writes old #103'); i++) {
    await scene.locator('.event-prev').click();
  }
  await expect(line).toContainText('writes old #103');
  await expect(scene.locator('.page.blank')).toHaveCount(0);
});

test('every event a reader can land on is told in words, in Japanese too', async ({ page }) => {
  // Event 44 is clerk C finishing a run: it once showed the engine's English
  // line ("C: run of plan 102 finished") inside the Japanese story.
  await openApp(page, './?ch=4&beat=1&lang=ja&ev=44');
  const line = page.locator('.race-scene .event-line');
  await expect(line).toHaveText(/第102版/);
  await expect(line).not.toHaveText(/^[A-C]: /);
  await expect(line).not.toHaveText(/[a-z]{4,}/);
  // The engine's form stays in the engineer's detail line only.
  await expect(page.locator('.race-scene .engine-line')).toHaveCount(0);
});

test('chapter 9 compares the shop deployed in different ways', async ({ page }) => {
  await openApp(page, './?ch=9&beat=1&lang=en');
  // Durations are written as a reader says them: "4 h 23 min", "5 min".
  const minutes = async () => {
    const m = (await page.locator('.figure').innerText()).match(/affected for (?:just those )?(?:(\d+) h)? ?(?:(\d+) min)?/);
    return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  };
  const single = await minutes();
  await expect(page.locator('.figure')).not.toContainText(/\d{3} min/);
  await page.locator('#next').click(); // where to look when things break
  await page.locator('#next').click(); // a second way to reach customers
  const fallback = await minutes();
  await page.locator('#next').click();
  // Here the figure answers the question: it shows once the reader guesses.
  await expect(page.locator('.figure')).toHaveCount(0);
  await page.locator('.quiz .choice').first().click();
  const multiRegion = await minutes();
  await page.locator('#next').click();
  const unmonitored = await minutes();
  // Still affected about as long (the fallback takes a minute to switch); down for less.
  expect(Math.abs(fallback - single)).toBeLessThanOrEqual(5);
  await expect(page.locator('.figure .kind')).toHaveAttribute('data-kind', 'model');
  // The shop needs DynamoDB and a load balancer only: hours, not all day.
  expect(single).toBeGreaterThan(120);
  expect(multiRegion).toBeLessThanOrEqual(10);
  expect(unmonitored).toBeGreaterThan(multiRegion);
  expect(unmonitored).toBeLessThan(single);
});

test('the summary links back into the interactive moments', async ({ page }) => {
  await openApp(page, './?ch=10&beat=2&lang=en');
  const links = page.locator('.revisit a');
  await expect(links).toHaveCount(4);
  await links.nth(2).click();
  await expect(page.locator('#chapter-title')).toHaveText(locales.en['ch7.title']);
  await expect(page.locator('.timeline-scene')).toBeVisible();
  expect(new URL(await settledUrl(page)).searchParams.get('lang')).toBe('en');
});

for (const lang of ['en', 'ja']) {
  test(`the end of chapter 3 lets the reader decide who moves: the buttons say what a clerk does, not what comes of it, in ${lang}`, async ({ page }) => {
    const t = locales[lang];
    await openApp(page, `./?ch=3&beat=8&lang=${lang}`);
    const game = page.locator('.chapter .game');
    await expect(game).toBeVisible();
    await expect(game.locator('.gallery')).toHaveCount(0);
    const a = page.locator('#move-a');
    const b = page.locator('#move-b');
    // The story's own list numbers.
    await expect(game.locator('.game-board')).toContainText('#103');
    await expect(game.locator('.game-board')).toContainText('#114');
    // The board and both buttons on one screen.
    for (const el of [game.locator('.game-board svg'), a, b]) await expect(el).toBeInViewport();
    // The shortest way to blank the page. No button names the outcome;
    // after each press the board and the last line say what happened.
    const blank = lang === 'ja' ? '白紙' : 'blank';
    for (const who of [a, b, b, b, a, a, b, b, b, b, b]) {
      const label = (await who.innerText()).trim();
      expect(label, 'a button names its clerk').toMatch(/^[AB][:：]/);
      expect(label.toLowerCase(), 'a button never gives the result away').not.toContain(blank);
      await who.click();
      await expect(page.locator('#game-last')).not.toHaveText('');
    }
    await expect(game.locator('.page.blank')).toHaveCount(1);
    await expect(game.locator('.game-board svg')).toHaveAttribute('aria-label', new RegExp(t['scene.blank'].replace(/[()（）]/g, '.')));
    if (lang === 'ja') {
      await expect(page.locator('#game-status')).toHaveText('白紙にできました！11回の動きでした（いちばん少ないのは11回）。');
    }
    await expect(a).toBeDisabled();
    await page.locator('#undo').click();
    await page.locator('#undo').click();
    // Two moves back, B is at its clean-up and A waits for nothing.
    await expect(b).toBeEnabled();
    await expect(game.locator('.page.blank')).toHaveCount(0);
  });

  test(`chapter 4's second round checks again before writing, and no order blanks the page, in ${lang}`, async ({ page }) => {
    await openApp(page, `./?ch=4&beat=5&lang=${lang}`);
    const game = page.locator('.chapter .game');
    const a = page.locator('#move-a');
    const b = page.locator('#move-b');
    // The order that blanked the page in round one, then whoever can move.
    for (const who of [a, b, b, b, a, a, b, b, b, b, b]) {
      if (await who.isEnabled()) await who.click();
    }
    for (let guard = 0; guard < 60; guard++) {
      if (await a.isEnabled()) await a.click();
      else if (await b.isEnabled()) await b.click();
      else break;
    }
    await expect(game.locator('.page.blank')).toHaveCount(0);
    await expect(page.locator('#game-status')).toContainText(lang === 'ja' ? '44,080通り' : 'none of the 44,080 possible orderings');
  });
}
