// Every screen at 320 px: no sideways scrolling, and every control a finger
// can hit (44 px, the bar; text links inside sentences are exempt).
import { test, expect, openApp, openEmbed } from './fixtures.mjs';

const CONTROLS = 'button:visible, select:visible, input[type=range]:visible, label.toggle:visible, summary:visible, .embed-footer a, a.to-playground, a.to-story';

async function smallControls(page) {
  return page.evaluate((sel) => {
    const all = [...document.querySelectorAll(sel.replaceAll(':visible', ''))];
    return all
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { el: el.id || el.className || el.tagName, text: el.textContent.trim().slice(0, 20), h: Math.round(r.height), w: Math.round(r.width) };
      })
      .filter((c) => c.h < 44 || c.w < 44);
  }, CONTROLS);
}

async function expectFits(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what}: sideways scroll`).toBeLessThanOrEqual(0);
  expect(await smallControls(page), `${what}: controls under 44 px`).toEqual([]);
}

test.use({ viewport: { width: 320, height: 720 } });

test('every beat fits 320 px, with 44 px controls', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, './?lang=en');
  for (let i = 0; i < 60; i++) {
    await expectFits(page, await page.locator('#progress').innerText());
    if (!(await page.locator('#next').isEnabled())) break;
    await page.locator('#next').click();
  }
});

test('the playground and the embed panel fit 320 px, with 44 px controls', async ({ page }) => {
  await openApp(page, './?lang=ja&view=playground');
  await expectFits(page, 'playground');
  // On a phone the share and embed buttons sit behind the masthead's one button.
  await page.locator('#menu-toggle').click();
  await expectFits(page, 'masthead menu');
  await page.locator('#embed-toggle').click();
  await expectFits(page, 'embed panel');
});

for (const scene of ['race', 'cascade', 'timeline', 'playground', 'ch5']) {
  test(`?embed=${scene} fits 320 px, with 44 px controls`, async ({ page }) => {
    await openEmbed(page, `./?lang=en&embed=${scene}`);
    await expectFits(page, scene);
  });
}
