// Accessibility: axe-core finds no violations on any beat of the story, the
// playground, each embedded scene and the demo article, in both languages.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, openEmbed } from './fixtures.mjs';


async function expectNoViolations(page, what) {
  // Judge the settled page, not a frame of a fade.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const found = result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
  expect(found, what).toEqual([]);
}

for (const lang of ['ja', 'en']) {
  for (let ch = 1; ch <= 10; ch++) {
    test(`axe: chapter ${ch}, every beat (${lang})`, async ({ page }) => {
      // Up to eight axe runs: a busy machine must not fail the chapter.
      test.setTimeout(120_000);
      await openApp(page, `./?lang=${lang}&ch=${ch}&beat=1`);
      for (let beat = 1; ; beat++) {
        await expectNoViolations(page, `ch ${ch} beat ${beat} ${lang}`);
        if (!(await page.locator('#next').isEnabled())) break;
        await page.locator('#next').click();
        if (!(await page.locator('#chapter-select').inputValue()).startsWith(String(ch - 1))) break;
      }
    });
  }

  test(`axe: engineer detail, the embed panel and an answered quiz (${lang})`, async ({ page }) => {
    // Chapter 4, beat 4 asks a question.
    await openApp(page, `./?lang=${lang}&ch=4&beat=4&detail=engineer`);
    await page.locator('#embed-toggle').click();
    await page.locator('.choice').first().click();
    await expect(page.locator('.quiz .reveal')).toBeVisible();
    await expectNoViolations(page, `detail + panel ${lang}`);
  });

  test(`axe: the playground (${lang})`, async ({ page }) => {
    await openApp(page, `./?lang=${lang}&view=playground`);
    await expect(page.locator('#pc-end')).toBeVisible();
    await expectNoViolations(page, `playground ${lang}`);
  });

  for (const scene of ['race', 'cascade', 'timeline', 'playground', 'ch3']) {
    test(`axe: ?embed=${scene} (${lang})`, async ({ page }) => {
      await openEmbed(page, `./?lang=${lang}&embed=${scene}`);
      await expectNoViolations(page, `embed ${scene} ${lang}`);
    });
  }
}

test('axe: the demo article', async ({ page }) => {
  await page.goto('/public/demo.html');
  // The frame prints its story first (a caption per race beat); the app
  // replaces it with the one scene the embed shows.
  const frame = page.frameLocator('#demo-race');
  await expect(frame.locator('.event-line')).toHaveCount(1);
  await expect(frame.locator('.event-line')).toBeVisible();
  await expectNoViolations(page, 'demo');
});
