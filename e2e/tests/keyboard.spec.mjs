// Keyboard only: the whole story from the first beat to the last, and every
// playground control, with a visible focus ring on whatever has focus.
// Also: the reduced-motion switch, and the words a screen reader hears.
import { readFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));

/** What has focus, and whether it shows a ring (outline or a drawn stroke). */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    let ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    // SVG arcs draw their focus as a thicker, coloured wire instead.
    const wire = el.querySelector && el.querySelector('.wire');
    if (!ring && wire) ring = parseFloat(getComputedStyle(wire).strokeWidth) >= 3;
    return {
      id: el.id,
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      role: el.getAttribute('role') ?? '',
      ring,
      inMain: !!el.closest('main'),
    };
  });
}

async function tabTo(page, id, limit = 30) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f?.ring, `focus ring on ${f?.tag}#${f?.id}`).toBe(true);
    if (f?.id === id) return;
  }
  throw new Error(`#${id} not reached by Tab`);
}

test('the whole story, first beat to last, by keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, './?lang=en');
  await tabTo(page, 'next');
  const seen = [await page.locator('#progress').innerText()];
  while (await page.locator('#next').isEnabled()) {
    await page.keyboard.press('Enter');
    const now = await page.locator('#progress').innerText();
    expect(now).not.toBe(seen[seen.length - 1]);
    seen.push(now);
    const f = await focused(page);
    if (await page.locator('#next').isEnabled()) expect(f).toMatchObject({ id: 'next', ring: true });
  }
  expect(seen.length).toBe(Number(await page.locator('#seek').getAttribute('max')) + 1);
  expect(seen[seen.length - 1]).toBe('Chapter 10, 2 of 2');
});

test('every playground control works from the keyboard, with a visible ring', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, './?lang=en&view=playground');
  await page.locator('.to-story').focus();
  const operated = new Map();
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f || !f.inMain) break;
    expect(f.ring, `focus ring on ${f.tag}#${f.id}`).toBe(true);
    const before = page.url();
    const text = await page.locator('main').innerText();
    if (f.type === 'checkbox') {
      await page.keyboard.press('Space');
      await expect.poll(() => page.url(), `${f.id} changes the link`).not.toBe(before);
    } else if (f.type === 'range') {
      const [value, max] = await page.evaluate(() => [document.activeElement.value, document.activeElement.max]);
      await page.keyboard.press(value === max ? 'ArrowLeft' : 'ArrowRight');
      await expect.poll(() => page.url(), `${f.id} changes the link`).not.toBe(before);
    } else if (f.tag === 'select') {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.url(), `${f.id} changes the link`).not.toBe(before);
    } else if (f.role === 'button') {
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url(), `arc ${f.id} changes the link`).not.toBe(before);
    } else if (f.tag === 'button') {
      await page.keyboard.press('Enter');
      // Presets may already be in force; anything else changes what is shown.
      if (!f.id.startsWith('pc-')) {
        await expect.poll(() => page.locator('main').innerText(), `${f.id} does something`).not.toBe(text);
      }
    }
    const kind = f.tag === 'input' ? f.type : f.role || f.tag;
    operated.set(kind, (operated.get(kind) ?? 0) + 1);
  }
  // The fixes, the sliders, the placements, the game and the graph's arcs.
  const counts = Object.fromEntries(operated);
  expect(counts.checkbox, JSON.stringify(counts)).toBeGreaterThanOrEqual(15);
  expect(counts.range, JSON.stringify(counts)).toBeGreaterThanOrEqual(7);
  expect(counts.select, JSON.stringify(counts)).toBe(3);
  expect(counts.button, JSON.stringify(counts)).toBeGreaterThanOrEqual(15);
});

test('reduced motion: from the system, from the switch, remembered; changes are outlined', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, './?lang=en&ch=4&beat=1');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
  await expect(page.locator('#motion-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.event-next').click();
  await expect(page.locator('.close-up .clerk.actor, .close-up .arrived, .close-up [class*="swing"]').first()).toBeVisible();
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);

  await page.locator('#motion-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'full');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'full');
  await expect(page.locator('#lang-switch')).toBeVisible();
  await page.locator('.event-next').click();
  await expect(page.locator('.close-up .clerk.actor, .close-up .arrived, .close-up [class*="swing"]').first()).toBeVisible();
  expect(await page.evaluate(() => document.getAnimations().length)).toBeGreaterThan(0);
});

test('a screen reader hears each step: polite live regions and described pictures', async ({ page }) => {
  await openApp(page, './?lang=en&ch=5&beat=1');
  const line = page.locator('.event-line');
  await expect(line).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('#beat')).toHaveAttribute('aria-live', 'polite');
  const heard = new Set([await line.innerText()]);
  for (let i = 0; i < 5; i++) {
    await page.locator('.event-next').click();
    heard.add(await line.innerText());
  }
  expect(heard.size).toBeGreaterThanOrEqual(5);
  // The picture's own words name the blank page once it is blank.
  await openApp(page, './?lang=en&ch=5&beat=1');
  const label = await page.locator('.race-svg').getAttribute('aria-label');
  expect(label).toContain('dynamodb.us-east-1.amazonaws.com');
  // Chapter 6 opens on the cascade chart: its words name each service's windows.
  await openApp(page, './?lang=en&ch=6&beat=1');
  const chart = page.locator('.cascade-svg');
  await expect(chart).toHaveAttribute('aria-label', new RegExp(`^Impact by service \\(model\\): ${en['svc.dynamodb']}: down from 23:48 on 19 Oct`));
});
