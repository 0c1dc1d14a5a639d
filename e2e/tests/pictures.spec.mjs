// Pictures that say what their words say: on every race beat of the story,
// in both languages, each page of the address book shows the bundle its
// arrow names (or, blank, says that bundle is gone), the back-up arrow's
// bundle is drawn too, and the picture's words for screen readers carry the
// same labels. And the dependency graph's arcs end in arrowheads at the
// service that depends on the other.
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
  expect(n, where).toBe(3);
  // The other two pages are bit parts: one line each, their page's state.
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
    // Chapters 4 and 5 (chapters 2 and 3 draw one idea a beat instead).
    expect(raceBeats).toBeGreaterThanOrEqual(8);
    // Blank from chapter 5's first beat on (its repair is a quiet picture).
    expect(blankAt.length).toBeGreaterThanOrEqual(4);
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

test('the dependency graph\'s arcs end in an arrowhead at the dependent service', async ({ page }) => {
  await page.goto('./?view=playground&lang=en');
  await expect(page.locator('#play-title')).toHaveText(locales.en['play.title']);
  const svg = page.locator('.graph-svg');
  await expect(svg.locator('defs marker#dep-arrow')).toHaveCount(1);
  const edge = svg.locator('g.edge[data-edge="dynamodb>your-shop"]');
  const wire = edge.locator('path.wire');
  expect(await wire.evaluate((el) => getComputedStyle(el).markerEnd)).toContain('#dep-arrow');
  // The arc ends (where the marker sits) at the shop's dot, below DynamoDB.
  const ends = await wire.evaluate((el) => {
    const len = el.getTotalLength();
    return [el.getPointAtLength(0).y, el.getPointAtLength(len).y];
  });
  const dotY = async (label) => Number(await svg.locator('g.node', { hasText: label }).locator('circle').getAttribute('cy'));
  expect(ends[0]).toBeCloseTo(await dotY(locales.en['svc.dynamodb']), 0);
  expect(ends[1]).toBeCloseTo(await dotY(locales.en['svc.shop']), 0);
  // The caption says how to read the arrow.
  await expect(page.locator('.graph-scene figcaption')).toHaveText(locales.en['pc.graph_help']);
  // Loosened, the arc keeps its arrowhead in the loosened colour.
  await edge.focus();
  await page.keyboard.press('Enter');
  await expect(edge).toHaveClass(/loosened/);
  await page.locator('#play-title').click();
  expect(await wire.evaluate((el) => getComputedStyle(el).markerEnd)).toContain('#dep-arrow-loosened');
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
