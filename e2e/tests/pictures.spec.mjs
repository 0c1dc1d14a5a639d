// Pictures that say what their words say: on every race beat of the story,
// in both languages, each page of the address book shows the bundle its
// arrow names (or, blank, says that bundle is gone), the back-up arrow's
// bundle is drawn too, and the picture's words for screen readers carry the
// same labels. (The lab's dependency graph is tested in playground.spec.mjs.)
import { readFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

const locales = {
  ja: JSON.parse(readFileSync(new URL('../../locales/ja.json', import.meta.url), 'utf8')),
  en: JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8')),
};

/** A regular expression for a locale text with one `{plan}` slot. */
function withPlan(text) {
  const escaped = text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('\\{plan\\}', '(\\d+)').replace('{plan}', '(\\d+)')}$`);
}

/** Checks every page of the race picture on screen; returns how many. */
async function checkRacePicture(page, lang, where) {
  const t = locales[lang];
  const inUse = withPlan(t['scene.in_use']);
  const backUp = withPlan(t['scene.rollback']);
  const svg = page.locator('.race-scene svg.race-svg');
  const alt = await svg.getAttribute('aria-label');
  const pages = svg.locator('g.page');
  const n = await pages.count();
  // The other two pages are bit parts: while both still give addresses one
  // line says so (and the words for screen readers give each one's list);
  // a page gone blank is named, with its state.
  const fine = svg.locator('text.others-fine');
  if (n === 1) {
    await expect(fine, where).toHaveText(t['core.others_fine']);
  } else {
    expect(n, where).toBe(3);
    await expect(fine, where).toHaveCount(0);
  }
  for (let i = 1; i < n; i++) {
    const p = pages.nth(i);
    const main = (await p.locator('text.big-other').textContent()).trim();
    expect(alt, `${where}, page ${i}`).toContain(main);
    const blank = (await p.getAttribute('class')).split(' ').includes('blank');
    if (blank) expect(main).toBe(t['scene.blank']);
    else expect(main, `${where}, page ${i}`).toMatch(inUse);
  }
  // The regional page up close: its lists, and the arrows pointing at them.
  for (let i = 0; i < 1; i++) {
    const p = pages.nth(i);
    const at = `${where}, page ${i}`;
    const main = (await p.locator('text.big').textContent()).trim();
    expect(alt, at).toContain(main);
    const blank = (await p.getAttribute('class')).split(' ').includes('blank');
    const arrow = p.locator('g.chip.in-use');
    await expect(arrow, `${at}: the arrow's bundle is drawn once`).toHaveCount(1);
    const plan = await arrow.getAttribute('data-plan');
    if (blank) {
      expect(main, at).toBe(t['scene.blank']);
      await expect(arrow, `${at}: drawn as gone`).toHaveClass(/\bgone\b/);
      const gone = t['scene.gone'].replace('{plan}', plan);
      await expect(p.locator('.gone-note'), at).toHaveText(gone);
      expect(alt, at).toContain(gone);
    } else {
      const m = main.match(inUse);
      expect(m, `${at}: "${main}" names the list in use`).not.toBeNull();
      expect(plan, `${at}: the arrow's bundle is the one named`).toBe(m[1]);
      await expect(arrow, at).not.toHaveClass(/\bgone\b/);
      await expect(arrow, at).toHaveText(`#${plan}`);
      await expect(arrow.locator('rect'), `${at}: visible`).toBeVisible();
    }
    // The back-up arrow's bundle is drawn as well, kept or gone.
    const texts = await p.locator('text.small').allTextContents();
    const rollback = texts.map((s) => s.trim().match(backUp)).find(Boolean);
    if (rollback) {
      await expect(p.locator(`g.chip[data-plan="${rollback[1]}"]`), `${at}: back-up #${rollback[1]}`).toHaveCount(1);
    } else {
      expect(texts.map((s) => s.trim()), at).toContain(t['scene.no_rollback']);
    }
  }
  return n;
}

for (const lang of ['ja', 'en']) {
  test(`every race beat's picture shows the bundle each page uses, in ${lang}`, async ({ page }) => {
    await openApp(page, `./?lang=${lang}`);
    const next = page.locator('#next');
    let raceBeats = 0;
    const blankAt = [];
    for (let guard = 0; guard < 200; guard++) {
      const where = `${lang} ${await page.locator('#progress').innerText()} (${new URL(page.url()).search})`;
      if (await page.locator('.race-scene').count()) {
        await checkRacePicture(page, lang, where);
        raceBeats += 1;
        if (await page.locator('.race-scene g.page.blank').count()) blankAt.push(new URL(page.url()).search);
      }
      if (await next.isDisabled()) break;
      await next.click();
    }
    // Chapters 4 and 5 (chapters 2 and 3 draw one idea a beat instead, and
    // chapter 5's counts have pictures of their own).
    expect(raceBeats).toBeGreaterThanOrEqual(6);
    // Blank from chapter 5's first beat on (its repair is a quiet picture).
    expect(blankAt.length).toBeGreaterThanOrEqual(2);
  });
}

for (const lang of ['ja', 'en']) {
  test(`chapters 2 and 3 draw one idea a beat, its words for screen readers from the locale, in ${lang}`, async ({ page }) => {
    const t = locales[lang];
    const seen = [];
    for (const [ch, beats] of [[2, 3], [3, 7]]) {
      for (let beat = 1; beat <= beats; beat++) {
        await openApp(page, `./?ch=${ch}&beat=${beat}&lang=${lang}`);
        const scene = page.locator('.idea-scene');
        await expect(scene, `${ch}.${beat}`).toHaveCount(1);
        await expect(page.locator('.race-scene'), `${ch}.${beat}: no race yet`).toHaveCount(0);
        const idea = await scene.getAttribute('data-idea');
        seen.push(idea);
        const key = `idea.alt_${idea.replaceAll('-', '_')}`;
        await expect(scene.locator('svg'), `${ch}.${beat}`).toHaveAttribute('aria-label', t[key]);
        // The part the beat explains is lit.
        expect(await scene.locator('svg .focus').count(), `${ch}.${beat}`).toBeGreaterThan(0);
      }
    }
    expect(new Set(seen).size, seen.join()).toBe(10);
    // The DNS chapter introduces no planner or clerk.
    await openApp(page, `./?ch=2&beat=1&lang=${lang}`);
    await expect(page.locator('.idea-scene')).not.toContainText(t['scene.planner']);
    // The first race beat draws the race.
    await openApp(page, `./?ch=4&beat=1&lang=${lang}`);
    await expect(page.locator('.race-scene svg.race-svg')).toBeVisible();
  });
}

test('the core moment: A\'s old list is drawn in use, then drawn gone', async ({ page }) => {
  // While B runs ahead, A's list #103 still sits on the page, the oldest kept.
  await openApp(page, './?ch=4&beat=3&lang=en');
  const regional = page.locator('.race-scene g.page[data-page="0"]');
  await expect(regional.locator('g.chip').first()).toHaveAttribute('data-plan', '103');
  await expect(regional.locator('g.chip').first()).not.toHaveClass(/in-use|gone/);
  await page.locator('#next').click();
  await expect(page).toHaveURL(/ch=4&beat=4/);
  // The old list, older than the newest bundles, first in the row, before "…".
  const old = regional.locator('g.chip.in-use');
  await expect(old).toHaveAttribute('data-plan', '103');
  await expect(regional.locator('.row-gap')).toHaveText('…');
  await expect(regional.locator('g.chip').first()).toHaveAttribute('data-plan', '103');
  // Past the game (chapter 4's last beat) to chapter 5.
  await page.locator('#next').click();
  await page.locator('#next').click();
  await expect(regional).toHaveClass(/\bblank\b/);
  await expect(regional.locator('g.chip.in-use.gone')).toHaveAttribute('data-plan', '103');
  await expect(regional.locator('.gone-note')).toHaveText('#103 is gone');
  // Stuck: the write fails for want of the list the blank page still names.
  await page.locator('#next').click();
  await page.locator('#next').click();
  await expect(page.locator('.race-scene .event-line')).toContainText('the back-up arrow must point at #103, where the arrow still points, and that list is gone');
  await expect(regional.locator('g.chip.in-use.gone')).toHaveAttribute('data-plan', '103');
});

test('the address book, the noticeboard, the highway and the help desk are drawn beside their analogies, in both languages', async ({ page }) => {
  for (const lang of ['ja', 'en']) {
    const t = locales[lang];
    for (const [query, alt] of [['ch=2&beat=2', 'art.book_alt'], ['ch=5&beat=1', 'art.board_alt'], ['ch=6&beat=1', 'art.highway_alt'], ['ch=7&beat=2', 'art.desk_alt']]) {
      await openApp(page, `./?${query}&lang=${lang}`);
      const art = page.locator('.analogy .analogy-art svg');
      await expect(art, `${lang} ${query}`).toHaveAttribute('aria-label', t[alt]);
      await expect(art).toBeVisible();
    }
  }
});

// The core moment moves, driven by Next: from 4.3 to 4.4 the "in use"
// arrow swings back from B's list to A's; from 4.4 to 5.1 A's list sinks
// off the page and a lookup comes back empty. With reduced motion, the end
// state at once.
for (const motion of ['no-preference', 'reduce']) {
  test(`the overwrite and the blanking move on Next (motion: ${motion})`, async ({ browser }) => {
    const context = await browser.newContext({ reducedMotion: motion, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openApp(page, './?ch=4&beat=3&lang=en');
    // The picture's own animations, paused and set to moments of their
    // timeline (so a busy machine cannot skip a frame): how many different
    // pictures they make.
    const frames = async () => {
      const svg = page.locator('.race-scene .race-picture svg');
      await expect(svg).toBeVisible();
      const shots = [];
      for (const ms of [0, 900, 2500, 6000]) {
        await svg.evaluate((el, t) => {
          for (const a of el.getAnimations({ subtree: true })) {
            a.pause();
            a.currentTime = t;
          }
        }, ms);
        shots.push((await svg.screenshot()).toString('base64'));
      }
      return new Set(shots).size;
    };
    await page.locator('#next').click();
    await expect(page).toHaveURL(/ch=4&beat=4/);
    const overwrite = await frames();
    await page.locator('#next').click();
    await page.locator('#next').click();
    await expect(page).toHaveURL(/ch=5&beat=1/);
    const blanking = await frames();
    if (motion === 'reduce') {
      expect(overwrite, 'the end state at once').toBe(1);
      expect(blanking, 'the end state at once').toBe(1);
    } else {
      expect(overwrite, 'the arrow swings').toBeGreaterThanOrEqual(3);
      expect(blanking, 'the list sinks away, the lookup travels').toBeGreaterThanOrEqual(3);
    }
    // Either way the end state names the blank page and the empty answer.
    const alt = await page.locator('.race-scene .race-picture svg').getAttribute('aria-label');
    expect(alt).toContain('BLANK (no addresses)');
    expect(alt).toContain('answer: no addresses');
    await context.close();
  });
}

// Chapter 5's third beat draws the write the program turned back: the
// clerk's new list at the blank page, the back-up arrow it would need,
// dashed, ending under the gone list's empty outline, crosses; its words for
// screen readers say so. With motion on the sheet comes and is turned back;
// with reduced motion, the end state at once.
for (const lang of ['ja', 'en']) {
  for (const motion of ['no-preference', 'reduce']) {
    test(`5.3 draws the refused write, in ${lang} (motion: ${motion})`, async ({ browser }) => {
      const t = locales[lang];
      const context = await browser.newContext({ reducedMotion: motion, viewport: { width: 375, height: 667 } });
      const page = await context.newPage();
      await openApp(page, `./?ch=5&beat=3&lang=${lang}`);
      const svg = page.locator('.race-scene .race-picture svg');
      const refused = svg.locator('g.refused');
      await expect(refused).toHaveCount(1);
      const [plan, missing] = [await refused.getAttribute('data-plan'), await refused.getAttribute('data-missing')];
      // Motion: frames at moments of the picture's own animations.
      const shots = new Set();
      for (const ms of [0, 500, 1000, 3000]) {
        await svg.evaluate((el, at) => {
          for (const a of el.getAnimations({ subtree: true })) { a.pause(); a.currentTime = at; }
        }, ms);
        shots.add((await svg.screenshot()).toString('base64'));
      }
      if (motion === 'reduce') expect(shots.size, 'the end state at once').toBe(1);
      else expect(shots.size, 'the sheet comes and is turned back').toBeGreaterThanOrEqual(3);
      // The end state (every animation paused past its end): what it shows.
      await expect(refused.locator('.new-sheet')).toHaveText(`#${plan}`);
      // The dashed arrow ends under the gone list's outline, in its middle.
      const gone = svg.locator(`g.chip.gone.in-use[data-plan="${missing}"] rect`).first();
      const line = refused.locator('line.would-back-up');
      const [g, l] = [await gone.boundingBox(), await line.boundingBox()];
      expect(Math.abs(l.x + l.width / 2 - (g.x + g.width / 2))).toBeLessThan(1.5);
      expect(l.y).toBeGreaterThan(g.y + g.height - 1);
      expect(l.y - (g.y + g.height)).toBeLessThan(8);
      await expect(refused.locator('path.cross')).toHaveCount(2);
      const alt = await svg.getAttribute('aria-label');
      const who = (await refused.locator('.refused-word').textContent()).trim();
      expect(who).toBe(t['core.refused_face'].replace('{who}', who.slice(0, 1)));
      const words = t['core.refused'].replace('{who}', who.slice(0, 1)).replace('{plan}', plan).replace('{missing}', missing);
      expect(alt).toContain(words);
      await context.close();
    });
  }
}

// Chapters 6 and 7: the cascade as a chain of services. Each box says the
// state the engine gives its service at the beat's minute; the index under
// it (the impact bars) draws nothing past that minute, and the bar still
// going at the cursor in each box's row is the box's state: two drawings of
// the engine's night that must agree.
const CHAIN_BEATS = [[6, 1], [6, 2], [6, 3], [7, 1], [7, 2], [7, 3], [7, 4], [7, 5], [7, 6], [7, 7]];

/** The words a box may say for each state. */
function stateWords(t) {
  return {
    down: [t['scene.down'], t['scene.blank']],
    degraded: [t['scene.degraded']],
    fine: [t['scene.no_impact'], t['chain.page_ok'], t['chain.recovered']],
  };
}

/** A locale text up to its first `{placeholder}`. */
const lead = (text) => text.slice(0, text.indexOf('{'));

for (const lang of ['ja', 'en']) {
  test(`chapters 6 and 7 draw the chain in the engine's state at each beat's minute and nothing after it, in ${lang}`, async ({ page }) => {
    const t = locales[lang];
    const words = stateWords(t);
    const noted = [];
    const mechanisms = {};
    for (const [ch, beat] of CHAIN_BEATS) {
      const where = `${lang} ${ch}.${beat}`;
      await openApp(page, `./?ch=${ch}&beat=${beat}&lang=${lang}`);
      const scene = page.locator('.chain-scene');
      await expect(scene, where).toHaveCount(1);
      await expect(page.locator('.chapter > .scene.cascade-scene'), `${where}: the chart is no longer the picture`).toHaveCount(0);
      const svg = scene.locator('svg.chain-svg');
      await expect(svg, where).toBeVisible();
      const alt = await svg.getAttribute('aria-label');
      const nodes = svg.locator('g.node');
      await expect(nodes, where).toHaveCount(7);
      const told = {};
      const [recovered, untouched] = [[], []];
      for (let i = 0; i < 7; i++) {
        const node = nodes.nth(i);
        const state = await node.getAttribute('data-state');
        const service = await node.getAttribute('data-service');
        const texts = (await node.locator('text').allTextContents()).map((s) => s.trim());
        if (state === 'untold') {
          expect(texts.length, `${where} ${service}: a part not yet told says no state`).toBe(1);
          expect(alt, `${where} ${service}`).not.toContain(`${texts[0]}: `);
          continue;
        }
        expect(words[state], `${where} ${service}: "${texts[1]}"`).toContain(texts[1]);
        expect(alt, `${where} ${service}`).toContain(`${texts[0]}: ${texts[1]}`);
        told[service] = state;
        if (texts[1] === t['chain.recovered']) recovered.push(service);
        if (texts[1] === t['scene.no_impact']) untouched.push(service);
      }
      expect(await svg.locator('.lit').count(), `${where}: the part the words explain is lit`).toBeGreaterThan(0);
      // The index: no bar and no time past the cursor.
      const index = scene.locator('.cascade-index svg');
      await expect(index, where).toBeVisible();
      const cursorX = Number(await index.locator('line.cursor').getAttribute('x1'));
      for (const bar of await index.locator('rect.bar').all()) {
        const right = Number(await bar.getAttribute('x')) + Number(await bar.getAttribute('width'));
        expect(right, `${where}: a bar past "now"`).toBeLessThanOrEqual(cursorX + 1);
      }
      for (const label of await index.locator('text.axis').all()) {
        expect(Number(await label.getAttribute('x')), `${where}: a time past "now"`).toBeLessThanOrEqual(cursorX);
      }
      // Each box's state is its row's bar at the cursor.
      for (const [service, state] of Object.entries(told)) {
        if (service === 'dns') continue;
        const going = index.locator(`rect.bar.ongoing[data-service="${service}"]`);
        if (state === 'fine') {
          await expect(going, `${where} ${service}`).toHaveCount(0);
        } else {
          await expect(going, `${where} ${service}`).toHaveCount(1);
          await expect(going, `${where} ${service}`).toHaveClass(new RegExp(`\\b${state}\\b`));
        }
      }
      // A box working again says "recovered" exactly when its row has a bar
      // before the cursor; one never hit says "no impact".
      for (const service of recovered) {
        expect(await index.locator(`rect.bar[data-service="${service}"]`).count(), `${where} ${service}: recovered from what?`).toBeGreaterThan(0);
      }
      for (const service of untouched) {
        await expect(index.locator(`rect.bar[data-service="${service}"]`), `${where} ${service}: hit before, so not "no impact"`).toHaveCount(0);
      }
      expect(await index.locator('text.lit').count(), `${where}: the rows the words speak of`).toBeGreaterThan(0);
      if (await scene.locator('.cascade-index .scene-note').count()) noted.push(`${ch}.${beat}`);
      for (const m of ['collapse', 'throttle', 'servers']) {
        if (await svg.locator(`g.mech.${m}`).count()) mechanisms[m] = [`${ch}.${beat}`, alt];
      }
    }
    // The chart's note once, where the words reach the network's trouble,
    // naming the row as the row's label does.
    expect(noted).toEqual(['7.4']);
    await openApp(page, `./?ch=7&beat=4&lang=${lang}`);
    const note = page.locator('.chain-scene .cascade-index .scene-note');
    await expect(note).toContainText(lang === 'ja' ? `「${t['svc.network']}」` : `The ${t['svc.network']} bar`);
    // The mechanisms, each on its beat, said in words.
    expect(mechanisms.collapse[0]).toBe('7.2');
    expect(mechanisms.collapse[1]).toContain(lead(t['chain.collapse_alt']));
    expect(mechanisms.throttle[0]).toBe('7.3');
    expect(mechanisms.throttle[1]).toContain(lead(t['chain.throttle_alt']));
    expect(mechanisms.servers[0]).toBe('7.5');
    expect(mechanisms.servers[1]).toContain(lead(t['chain.flapping_alt']));
  });
}

test('the 6.3 question: before the reader chooses, nothing on screen is after 02:20', async ({ page }) => {
  await openApp(page, './?ch=6&beat=3&lang=en&tz=pdt');
  await expect(page.locator('.chain-svg text.now')).toHaveText('now 02:20 on 20 Oct');
  await expect(page.locator('.reveal')).toHaveCount(0);
  // Every time the picture and its index write is at or before 02:20.
  const times = await page.locator('.chain-scene svg text').allTextContents();
  const clock = times.join(' ').match(/\b\d{2}:\d{2}\b/g);
  expect(clock.length).toBeGreaterThan(0);
  for (const hhmm of clock) {
    const [h, m] = hhmm.split(':').map(Number);
    // 19 Oct evening times are before midnight; 20 Oct times must be ≤ 02:20.
    if (h < 12) expect(h * 60 + m, hhmm).toBeLessThanOrEqual(140);
  }
  // DynamoDB's page is still blank in the picture, and the lease clerk down.
  await expect(page.locator('.chain-svg g.node[data-service="dns"]')).toHaveAttribute('data-state', 'down');
  await expect(page.locator('.chain-svg g.node[data-service="ec2-dwfm"]')).toHaveAttribute('data-state', 'down');
  await page.locator('.choices .choice').first().click();
  await expect(page.locator('.reveal')).toHaveCount(1);
});

test('the cascade\'s mechanisms move with motion on and show their end state at once without it', async ({ page }) => {
  const animation = (loc) => loc.evaluate((el) => getComputedStyle(el).animationName);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await openApp(page, './?ch=7&beat=3&lang=en');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'full');
  expect(await animation(page.locator('.chain-svg .throttle .job').first())).toBe('chain-drain');
  await openApp(page, './?ch=7&beat=5&lang=en');
  expect(await animation(page.locator('.chain-svg .server.new .check').first())).toBe('chain-flip');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, './?ch=7&beat=3&lang=en');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
  // The queue drained: no job in it, the lane's outline kept.
  for (const job of await page.locator('.chain-svg .throttle .job').all()) await expect(job).toBeHidden();
  await expect(page.locator('.chain-svg .throttle .lane')).toBeVisible();
  await openApp(page, './?ch=7&beat=5&lang=en');
  expect(await animation(page.locator('.chain-svg .server.new .check').first())).toBe('none');
  expect(await animation(page.locator('.chain-svg .server.pulled').first())).toBe('none');
  await expect(page.locator('.chain-svg .server.pulled').first()).toBeVisible();
});

for (const [w, h] of [[375, 667], [1280, 800]]) {
  test(`the timeline's times fit their buttons at ${w} px, in both languages`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const lang of ['ja', 'en']) {
      for (const q of ['ch=7&beat=8', 'ch=10&beat=1']) {
        await openApp(page, `./?${q}&lang=${lang}`);
        const over = await page.locator('.timeline .tl-time').evaluateAll((buttons) =>
          buttons.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent));
        expect(over, `${lang} ${q}`).toEqual([]);
      }
    }
  });
}

// Issue 24, item 5: a picture on every beat. The pictures of chapters 5, 8
// and 9 are drawn from the same engine figures the words give.

/** A duration as the app writes it (`format::duration`). */
function duration(t, minutes) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (minutes === 0) return t['pc.zero'];
  if (h === 0) return t['pc.minutes'].replace('{value}', m);
  if (m === 0) return t['pc.hours'].replace('{h}', h);
  return t['pc.duration'].replace('{h}', h).replace('{m}', m);
}

for (const lang of ['ja', 'en']) {
  test(`chapter 5's counts are drawn from the figures the words give, in ${lang}`, async ({ page }) => {
    const t = locales[lang];
    await openApp(page, `./?ch=5&beat=5&lang=${lang}`);
    const census = page.locator('.counts-scene[data-scene="census"] svg');
    await expect(census).toBeVisible();
    const sentence = await page.locator('.beat .figure').innerText();
    // The larger count is every order; the smaller, those that blank it.
    const [empty, orderings] = [...sentence.matchAll(/\d{1,3}(?:,\d{3})+/g)]
      .map((m) => m[0])
      .sort((a, b) => Number(a.replaceAll(',', '')) - Number(b.replaceAll(',', '')));
    const alt = await census.getAttribute('aria-label');
    expect(alt).toContain(orderings);
    expect(alt).toContain(empty);
    const share = ((Number(empty.replaceAll(',', '')) * 100) / Number(orderings.replaceAll(',', ''))).toFixed(1);
    expect(alt).toContain(`${share}%`);
    await expect(census.locator('text').nth(1)).toContainText(empty);
    await expect(page.locator('.counts-scene .kind')).toHaveText(t['kind.model']);

    await page.locator('#next').click();
    const days = page.locator('.counts-scene[data-scene="days"] svg');
    await expect(days).toBeVisible();
    const percent = (await page.locator('.beat .figure').innerText()).match(/(\d+(?:\.\d)?)%/)[1];
    const daysAlt = await days.getAttribute('aria-label');
    expect(daysAlt).toContain(`${percent}%`);
    expect(daysAlt).toContain(`${share}%`);
    // One lit square per made-up delay that blanked the page.
    const lit = await days.locator('.days-lit rect').count();
    const trials = Number(daysAlt.match(/\d{1,3}(?:,\d{3})+/)[0].replaceAll(',', ''));
    expect(((lit * 100) / trials).toFixed(1)).toBe(percent);
    expect(daysAlt).toContain(String(lit));
  });

  test(`chapter 9's chart gains a bar a beat, each the engine's figure in the words, in ${lang}`, async ({ page }) => {
    const t = locales[lang];
    // Beat 2 draws when the shop hears of trouble instead (below).
    const rows = [1, 0, 2, 3, 4, 5, 6];
    for (let beat = 1; beat <= 7; beat++) {
      if (beat === 2) continue;
      await openApp(page, `./?ch=9&beat=${beat}&lang=${lang}`);
      const scene = page.locator('.shop-scene');
      const svg = scene.locator('svg');
      await expect(svg).toBeVisible();
      await expect(svg.locator('g.shop-row')).toHaveCount(rows[beat - 1]);
      // The record's windows above the shop, with their marks.
      const alt = await svg.getAttribute('aria-label');
      expect(alt).toContain(t['shop.ddb']);
      expect(alt).toContain(t['shop.nlb']);
      expect(alt).toContain(t['mark.d']);
      await expect(scene.locator('.kind')).toHaveText(t['kind.model']);
      if (beat === 4) {
        // The question's bar waits for a choice.
        const answer = svg.locator('g.shop-answer');
        await expect(answer).toBeHidden();
        await expect(svg.locator('g.shop-pending')).toBeVisible();
        expect(alt).not.toContain(t['shop.multi_region']);
        await page.locator('.quiz .choice').first().click();
        await expect(answer).toBeVisible();
        await expect(svg.locator('g.shop-pending')).toBeHidden();
      }
      // The newest bar is the beat's figure.
      const row = svg.locator('g.shop-row').last();
      const affected = duration(t, Number(await row.getAttribute('data-affected')));
      const down = duration(t, Number(await row.getAttribute('data-down')));
      if (beat !== 2) {
        const figure = page.locator('.figure').last();
        await expect(figure).toContainText(affected);
        await expect(figure).toContainText(down);
      }
      await expect(row).toContainText(affected);
      // Why the shop's figure is not the record's: its own first bar.
      const first = svg.locator('g.shop-row').first();
      const usEast = duration(t, Number(await first.getAttribute('data-affected')));
      await expect(scene.locator('.shop-why')).toContainText(usEast);
    }
  });

  test(`chapter 8's lessons and chapter 1's hook are drawn, their words from the locale, in ${lang}`, async ({ page }) => {
    const t = locales[lang];
    // Chapter 9's second beat: a shop's own alarm against AWS's status page.
    await openApp(page, `./?ch=9&beat=2&lang=${lang}`);
    const alarms = page.locator('.lesson-scene[data-lesson="alarms"] svg');
    await expect(alarms).toHaveAttribute('aria-label', t['lesson.alt_alarms']);
    await expect(alarms).toContainText(t['lesson.alarm_status']);
    const lessons = ['recheck', 'fallback', 'guard', 'promises'];
    for (let beat = 1; beat <= 4; beat++) {
      await openApp(page, `./?ch=8&beat=${beat}&lang=${lang}`);
      const scene = page.locator(`.lesson-scene[data-lesson="${lessons[beat - 1]}"]`);
      await expect(scene.locator('svg')).toHaveAttribute('aria-label', t[`lesson.alt_${lessons[beat - 1]}`]);
      await expect(scene.locator('svg .focus, svg .promise').first()).toBeVisible();
    }
    // AWS's remedies: the promises drawn apart from the deeds.
    await expect(page.locator('.lesson-svg g.promise')).toHaveCount(4);
    await expect(page.locator('.lesson-svg g.deed')).toHaveCount(2);
    await openApp(page, `./?lang=${lang}`);
    const hook = page.locator('.hook-scene svg');
    await expect(hook).toBeVisible();
    const time = (await hook.locator('text').first().textContent()).trim();
    await expect(hook).toHaveAttribute('aria-label', t['hook.alt'].replace('{time}', time));
    // The summary's links show where they lead.
    await openApp(page, `./?ch=10&beat=2&lang=${lang}`);
    await expect(page.locator('.revisit a .thumb svg')).toHaveCount(4);
  });
}

test('chapter 9\'s question: the printed page keeps the new bar folded with the answer', async ({ page }) => {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?ch=9&beat=4&lang=en');
  const beat = page.locator('#prerender .pre-en .pre-beat[data-ch="9"][data-beat="4"]');
  await expect(beat).toBeVisible();
  await expect(beat.locator('g.shop-answer')).toBeHidden();
  await beat.locator('.quiz .choice').first().click();
  await expect(beat.locator('g.shop-answer')).toBeVisible();
  release();
});

// Every beat of chapters 1, 5, 8, 9 and 10 has a picture near its first
// sentence: with that sentence at the top of the window, part of the beat's
// picture is in view, on a phone and on a laptop.
// Every beat of the story, from the chapters' beat counts (data-beats on <html>).
const BEAT_COUNTS = [1, 3, 8, 5, 6, 3, 8, 4, 7, 2];
const BEATS = BEAT_COUNTS.flatMap((n, c) => Array.from({ length: n }, (_, b) => [c + 1, b + 1]));
for (const [width, height] of [[375, 667], [1280, 800]]) {
  test(`every beat has a picture by its first sentence at ${width}×${height}`, async ({ page }) => {
    test.setTimeout(420_000);
    // The beat counts this test walks are the page's own.
    await openApp(page, './');
    expect(await page.locator('html').getAttribute('data-beats')).toBe(BEAT_COUNTS.join(','));
    await page.setViewportSize({ width, height });
    const misses = [];
    for (const lang of ['ja', 'en']) {
      for (const [ch, beat] of BEATS) {
        const where = `${lang} ${ch}.${beat}`;
        await openApp(page, `./?ch=${ch}&beat=${beat}&lang=${lang}`);
        const first = page.locator('main#story section.chapter :is(.lead, .beat > p)').first();
        await expect(first, where).toBeVisible();
        const picture = page.locator('main#story section.chapter > :is(.scene, .chain-scene, .timeline-scene, .revisit, .game)').first();
        await expect(picture.locator('svg').first(), where).toBeVisible();
        // The first sentence just under the top controls.
        await first.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 140));
        const seen = await picture.evaluate((el) => {
          const r = el.getBoundingClientRect();
          // What fixed or sticky bars cover at the bottom (the phone's stepper).
          const bottomBar = [...document.querySelectorAll('.story-nav, .stepper')]
            .map((b) => b.getBoundingClientRect())
            .filter((b) => b.top > window.innerHeight / 2 && b.bottom >= window.innerHeight - 2)
            .reduce((top, b) => Math.min(top, b.top), window.innerHeight);
          return Math.min(r.bottom, bottomBar) - Math.max(r.top, 0);
        });
        if (seen <= 60) {
          misses.push(`${where}: ${Math.round(seen)} px of the picture in view`);
        }
      }
    }
    expect(misses).toEqual([]);
  });
}

/**
 * Walks every beat of the story in `lang` on a 375 px phone with motion off
 * (every label in its place), runs `probe` in the page at each, and returns
 * what it found, each line with its language and beat.
 */
async function eachBeatAt375(page, lang, probe) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 375, height: 667 });
  const problems = [];
  for (const [ch, beat] of BEATS) {
    await openApp(page, `./?ch=${ch}&beat=${beat}&lang=${lang}`);
    const found = await page.evaluate(probe);
    problems.push(...found.map((f) => `${lang} ${ch}.${beat}: ${f}`));
  }
  return problems;
}

// Every label in every beat's pictures is legible on a phone: at least 12 px
// on screen (its font size times the picture's scale), no two labels on top
// of each other, none cut by the picture's edge. Motion off, so that every
// label is in its place. (Chapter 1's hook lays "no addresses" over the
// addresses it strikes out: those are the one overlap allowed.)
for (const lang of ['ja', 'en']) {
  test(`every picture's labels are at least 12 px, apart and inside it at 375 px, in ${lang}`, async ({ page }) => {
    test.setTimeout(300_000);
    const problems = await eachBeatAt375(page, lang, () => {
        const out = [];
        const said = (t) => `"${t.textContent.trim().slice(0, 30)}"`;
        for (const svg of document.querySelectorAll('#story svg')) {
          if (!svg.getClientRects().length) continue;
          const box = svg.getBoundingClientRect();
          const scale = Math.hypot(svg.getScreenCTM().a, svg.getScreenCTM().b);
          const texts = [...svg.querySelectorAll('text')]
            .filter((t) => t.textContent.trim() && t.getClientRects().length)
            .filter((t) => !t.closest('.swept, .hook-svg .addr'))
            .map((t) => ({ t, r: t.getBoundingClientRect(), px: parseFloat(getComputedStyle(t).fontSize) * scale }));
          for (const { t, r, px } of texts) {
            if (px < 11.95) out.push(`${px.toFixed(1)} px: ${said(t)}`);
            if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
              out.push(`outside the picture: ${said(t)}`);
            }
          }
          for (let i = 0; i < texts.length; i++) {
            for (let j = i + 1; j < texts.length; j++) {
              const [a, b] = [texts[i].r, texts[j].r];
              const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (across > 1 && down > 2) out.push(`${said(texts[i].t)} on ${said(texts[j].t)}`);
            }
          }
        }
        return out;
      });
    expect(problems).toEqual([]);
  });
}

// Every label written in a box stays in it, with room to breathe: a label
// whose anchor point (its x and y) lies inside a drawn rectangle of the same
// picture has what a reader sees of it (its rendered width, its ink's
// height) inside that rectangle (the one on top, if several), at least 2 px
// inside its outline, on a phone, motion off; it crosses into no other
// rectangle it is not written in, and no guide line crosses it. (Chapter
// 1's hook lays "no addresses" across the addresses it strikes out: the
// same one exception as above.)
for (const lang of ['ja', 'en']) {
  test(`every label written in a box stays inside it, 2 px clear, at 375 px, in ${lang}`, async ({ page }) => {
    test.setTimeout(300_000);
    const problems = await eachBeatAt375(page, lang, () => {
        const out = [];
        const said = (t) => `"${t.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
        const PAD = 2;
        // A rectangle a reader sees: drawn, not a clip or a pattern, with a
        // fill or an outline that is not see-through.
        const seen = (r) => {
          if (r.closest('defs, clipPath, mask, pattern, symbol, marker')) return false;
          if (!r.getClientRects().length) return false;
          const s = getComputedStyle(r);
          if (s.visibility === 'hidden' || s.display === 'none') return false;
          // Faded out, itself or with its group (a list swept away).
          for (let e = r; e && e.tagName !== 'svg'; e = e.parentElement) {
            if (parseFloat(getComputedStyle(e).opacity) === 0) return false;
          }
          const paint = (p, o) => p !== 'none' && !/rgba\(.*,\s*0\)$/.test(p) && p !== 'transparent' && parseFloat(o) > 0;
          return paint(s.fill, s.fillOpacity) || (paint(s.stroke, s.strokeOpacity) && parseFloat(s.strokeWidth) > 0);
        };
        const anchorOf = (t) => {
          const carrier = t.x.baseVal.numberOfItems ? t : t.querySelector('tspan');
          if (!carrier) return null;
          const x = carrier.x.baseVal.numberOfItems ? carrier.x.baseVal.getItem(0).value : 0;
          const y = carrier.y.baseVal.numberOfItems ? carrier.y.baseVal.getItem(0).value : 0;
          return new DOMPoint(x, y).matrixTransform(carrier.getScreenCTM());
        };
        // What a reader sees of a label: across, its rendered box (the
        // glyphs' advances); up and down, its ink (the rendered box counts
        // the font's whole line height, which digits and Latin letters do
        // not fill), measured with the same font on a canvas.
        const pen = document.createElement('canvas').getContext('2d');
        const inkOf = (t) => {
          const b = t.getBoundingClientRect();
          const s = getComputedStyle(t);
          const scale = Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b);
          pen.font = `${s.fontStyle} ${s.fontWeight} ${parseFloat(s.fontSize) * scale}px ${s.fontFamily}`;
          const lines = [...t.querySelectorAll('tspan')].map((l) => l.textContent).filter((l) => l.trim());
          const first = pen.measureText(lines[0] ?? t.textContent);
          const last = pen.measureText(lines[lines.length - 1] ?? t.textContent);
          const top = b.top + Math.max(0, first.fontBoundingBoxAscent - first.actualBoundingBoxAscent);
          const bottom = b.bottom - Math.max(0, last.fontBoundingBoxDescent - last.actualBoundingBoxDescent);
          return { left: b.left, right: b.right, top, bottom: Math.max(bottom, top) };
        };
        for (const svg of document.querySelectorAll('#story svg')) {
          if (!svg.getClientRects().length) continue;
          // A box's inside: inside its outline, however thick.
          const inside = (r) => {
            const b = r.getBoundingClientRect();
            const s = getComputedStyle(r);
            const edge = s.stroke === 'none' ? 0 : (parseFloat(s.strokeWidth) / 2) * Math.hypot(r.getScreenCTM().a, r.getScreenCTM().b);
            return { left: b.left + edge, right: b.right - edge, top: b.top + edge, bottom: b.bottom - edge, width: b.width, height: b.height };
          };
          const rects = [...svg.querySelectorAll('rect')].filter(seen)
            .map((r) => ({ r, b: inside(r) }))
            .filter(({ b }) => b.width > 0 && b.height > 0);
          const texts = [...svg.querySelectorAll('text')]
            .filter((t) => t.textContent.trim() && t.getClientRects().length)
            .filter((t) => !t.closest('.swept, .hook-svg .addr'));
          // Guide lines (chapter 9's, carried down from the record's
          // windows) stop short of words: each vertical run "Mx yVy2".
          const runs = [...svg.querySelectorAll('path.guide')].flatMap((g) => {
            const m = g.getScreenCTM();
            return [...(g.getAttribute('d') ?? '').matchAll(/M([\d.]+) ([\d.]+)V([\d.]+)/g)].map(([, x, y1, y2]) => {
              const [p, q] = [new DOMPoint(+x, +y1).matrixTransform(m), new DOMPoint(+x, +y2).matrixTransform(m)];
              return { x: p.x, top: Math.min(p.y, q.y), bottom: Math.max(p.y, q.y) };
            });
          });
          for (const t of texts) {
            const ink = inkOf(t);
            for (const g of runs) {
              if (g.x > ink.left && g.x < ink.right && Math.min(g.bottom, ink.bottom) - Math.max(g.top, ink.top) > 0.5) {
                out.push(`a guide line crosses ${said(t)}`);
                break;
              }
            }
          }
          for (const t of texts) {
            const a = anchorOf(t);
            if (!a) continue;
            // The boxes drawn under the anchor before the label, the last
            // of them (the one on top) the box it is written in.
            const holding = rects
              .filter(({ b }) => a.x >= b.left && a.x <= b.right && a.y >= b.top && a.y <= b.bottom)
              .filter(({ r }) => r.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
            const tb = inkOf(t);
            // Nor does it cross into a box it is not written in.
            for (const { r: other, b: o } of rects) {
              if (holding.some(({ r }) => r === other)) continue;
              const across = Math.min(tb.right, o.right) - Math.max(tb.left, o.left);
              const down = Math.min(tb.bottom, o.bottom) - Math.max(tb.top, o.top);
              if (across > 0.5 && down > 0.5) {
                const name = other.getAttribute('class') || other.parentElement.getAttribute('class') || 'rect';
                out.push(`${said(t)} runs into <rect ${name}> (${Math.round(o.width)}×${Math.round(o.height)}) by ${across.toFixed(1)}×${down.toFixed(1)} px`);
              }
            }
            if (!holding.length) continue;
            const { r: rect, b } = holding[holding.length - 1];
            const gaps = {
              left: tb.left - b.left, right: b.right - tb.right, top: tb.top - b.top, bottom: b.bottom - tb.bottom,
            };
            const tight = Object.entries(gaps).filter(([, g]) => g < PAD - 0.01);
            if (tight.length) {
              const name = rect.getAttribute('class') || rect.parentElement.getAttribute('class') || 'rect';
              out.push(`${said(t)} in <rect ${name}> (${Math.round(b.width)}×${Math.round(b.height)}): ${tight.map(([s, g]) => `${s} ${g.toFixed(1)} px`).join(', ')}`);
            }
          }
        }
        return out;
      });
    expect(problems).toEqual([]);
  });
}
