// Every playground control, moved the way a reader moves it: after each
// move, the address alone must reopen exactly what the reader sees (the
// same words, the same control positions, the same picture descriptions),
// and a slider taken to both ends and back must return to the record's own
// value and the record's own address.
import { test, expect, settledUrl } from './fixtures.mjs';

test.describe.configure({ timeout: 240_000 });

/**
 * Everything a reader of the playground perceives, as one string: the
 * visible text, each control's value, and the descriptions the pictures
 * give (labels, titles, value texts). The scheduler game is the reader's
 * scratch pad and is not in the link.
 */
async function perceived(page) {
  return page.evaluate(() => {
    const root = document.querySelector('main');
    const clone = root.cloneNode(true);
    clone.querySelectorAll('.game').forEach((g) => g.remove());
    // The search's report tells of a search just made, not of the state:
    // a reopened page has made none.
    clone.querySelectorAll('.failing-note').forEach((n) => n.remove());
    const parts = [clone.innerText];
    for (const el of root.querySelectorAll('input, select')) {
      if (el.closest('.game')) continue;
      parts.push(`${el.id}=${el.type === 'checkbox' ? el.checked : el.value}`);
    }
    for (const el of root.querySelectorAll('[aria-label], [aria-valuetext], [aria-pressed], title, [data-kind]')) {
      if (el.closest('.game')) continue;
      parts.push(
        [el.getAttribute('aria-label'), el.getAttribute('aria-valuetext'), el.getAttribute('aria-pressed'),
          el.tagName === 'title' ? el.textContent : null, el.getAttribute('data-kind')]
          .filter((x) => x !== null).join(' | '),
      );
    }
    return parts.join('\n');
  });
}

/** The perceived page once the debounced estimate has caught up. */
async function settled(page) {
  // The estimate runs in slices after a pause; it says when it is current.
  await expect(page.locator('#play-estimate')).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  await expect(page.locator('#play-estimate')).not.toHaveText(/^\s*$/);
  await expect(page.locator('#chart-whatif')).toBeVisible();
  let before = await perceived(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const now = await perceived(page);
    if (now === before) return now;
    before = now;
  }
  return before;
}

/** After a move: a fresh page at the same address perceives the same. */
async function reopensTheSame(page, context, what) {
  const shown = await settled(page);
  const again = await context.newPage();
  await again.goto(await settledUrl(page));
  const reopened = await settled(again);
  await again.close();
  expect(reopened, `reloading after ${what} shows the same page`).toBe(shown);
}

async function open(page, lang) {
  // The canonical address, as the page writes it.
  await page.goto(`./?v=2&lang=${lang}&view=playground`);
  await expect(page.locator('#pc-title')).toBeVisible();
  await settled(page);
}

for (const lang of ['en', 'ja']) {
  test(`[${lang}] each slider, to both ends and back, reopens as shown`, async ({ page, context }) => {
    await open(page, lang);
    const record = page.url();
    const sliders = await page.locator('main input[type=range]').evaluateAll((els) =>
      els.filter((e) => !e.closest('.game')).map((e) => ({ id: e.id, min: e.min, max: e.max, value: e.value })));
    // Every slider the page draws from the controls table (a new one is
    // moved here with no edit to this test).
    expect(sliders.map((s) => s.id)).toEqual(expect.arrayContaining(
      ['dns-at', 'negative-ttl', 'planner', 'positive-ttl', 'slow-extra', 'slow-for', 'threshold'],
    ));
    for (const s of sliders) {
      for (const v of [s.min, s.max, s.value]) {
        await page.locator(`#${s.id}`).fill(v);
        await expect(page.locator(`#${s.id}`)).toHaveValue(v);
        await reopensTheSame(page, context, `#${s.id} = ${v}`);
      }
      // Back at the record's value: the record's own address.
      expect(await settledUrl(page), `#${s.id} back at ${s.value}`).toBe(record);
    }
  });
}

test('each switch and the dependency graph, on and off, reopen as shown', async ({ page, context }) => {
  await open(page, 'en');
  const record = page.url();
  const boxes = await page.locator('main input[type=checkbox]').evaluateAll((els) =>
    els.filter((e) => !e.closest('.game')).map((e) => e.id));
  // At least five fixes, four levers, four couplings, two flags for each of
  // three services; every one found is moved.
  expect(boxes.length).toBeGreaterThanOrEqual(5 + 4 + 4 + 6);
  for (const id of boxes) {
    const box = page.locator(`#${id}`);
    const was = await box.isChecked();
    await box.setChecked(!was);
    await reopensTheSame(page, context, `#${id} ${was ? 'off' : 'on'}`);
    await box.setChecked(was);
  }
  expect(await settledUrl(page), 'every switch back where it was').toBe(record);
  // A coupling only the graph offers (no checkbox), by keyboard.
  const edge = page.locator('.graph-svg g.edge[data-edge="dynamodb>your-shop"]');
  await edge.focus();
  await page.keyboard.press('Enter');
  await expect(edge).toHaveAttribute('aria-pressed', 'true');
  await reopensTheSame(page, context, 'a loosened coupling in the graph');
  await edge.focus();
  await page.keyboard.press('Enter');
  expect(await settledUrl(page)).toBe(record);
});

test('placements, presets, counterexamples and another day reopen as shown', async ({ page, context }) => {
  await open(page, 'ja');
  for (const service of ['shop', 'app', 'biz']) {
    for (const placement of ['region', 'cloud', 'us']) {
      await page.locator(`#${service}-placement`).selectOption(placement);
      await reopensTheSame(page, context, `${service} in ${placement}`);
    }
  }
  for (const id of ['#pc-fixes', '#pc-resilient', '#pc-actual']) {
    await page.locator(id).click();
    await reopensTheSame(page, context, `preset ${id}`);
  }
  for (const id of ['#fix-fewer-failing', '#fix-fair-failing']) {
    await page.locator(id).click();
    // The search has put the setting it found on the sliders: that fix alone, on.
    await expect(page.locator(id.replace('-failing', ''))).toBeChecked();
    await expect(page.locator(id)).toBeEnabled();
    await reopensTheSame(page, context, id);
  }
  await page.locator('#another-day').click();
  await reopensTheSame(page, context, 'another day');
});
