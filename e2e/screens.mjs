// Screenshots for reading the screens as a reader would (not a test):
//   node e2e/screens.mjs OUT_DIR [BASE_URL] [--all]
// Serves nothing itself: point it at a running server of dist/ (for example
// `node e2e/serve-dist.mjs dist 4199`). Without --all it takes the first beat
// of every chapter, the playground and the sources page; with --all, every
// beat. Each at 375 and 1280 px wide, in Japanese and English.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [out = '/tmp/screens', base = 'http://127.0.0.1:4199/', flag] = process.argv.slice(2);
const all = flag === '--all';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const widths = [375, 1280];
const langs = ['ja', 'en'];

async function shoot(page, query, name) {
  await page.goto(`${base}?${query}`);
  await page.locator('#lang-switch').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
}

for (const width of widths) {
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 667 : 800 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  for (const lang of langs) {
    // Walk the story with the Next button, shooting as we go.
    await page.goto(`${base}?lang=${lang}`);
    await page.locator('#lang-switch').waitFor();
    let previous = '';
    for (let i = 0; i < 80; i += 1) {
      const progress = (await page.locator('#progress').textContent().catch(() => '')) ?? '';
      const first = /[:：]1\/|, 1 of /.test(progress) || i === 0;
      if (all || first) {
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${out}/${lang}-${width}-beat${String(i + 1).padStart(2, '0')}.png`, fullPage: true });
      }
      const next = page.locator('#next');
      if (!(await next.isEnabled().catch(() => false))) break;
      await next.click();
      const now = page.url();
      if (now === previous) break;
      previous = now;
    }
    await shoot(page, `lang=${lang}&view=playground`, `${lang}-${width}-playground`);
    await shoot(page, `lang=${lang}&view=sources`, `${lang}-${width}-sources`);
  }
  await context.close();
}
await browser.close();
console.log(`screens in ${out}`);
