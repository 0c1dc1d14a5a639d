// One renderer: the story printed in the page at build time (crates/sitegen)
// says and draws what the app shows live, beat by beat, in both languages.
// The printed copy is read with the wasm held back; then the app takes over
// and the same beats are read from it. Text and the pictures' text
// equivalents (aria-label) must be equal (white space aside); the only printed extra is each
// question's folded answer, which the app shows once the reader chooses.
import { test, expect } from './fixtures.mjs';

/** Every beat's words and picture labels inside `root`, in order. */
function read(root) {
  // Without white space: the server renderer writes an empty text as a
  // space the browser collapses, so the two differ only there.
  const norm = (s) => s.replace(/\s+/g, '');
  const sections = [...root];
  return sections.map((section) => {
    const copy = section.cloneNode(true);
    for (const el of copy.querySelectorAll('.pre-answer')) el.remove();
    const labels = [...copy.querySelectorAll('[aria-label]')].map((el) => norm(el.getAttribute('aria-label')));
    return { text: norm(copy.textContent), labels };
  });
}

// The service worker would fetch the wasm past the page's hold.
test.use({ serviceWorkers: 'block' });

for (const lang of ['ja', 'en']) {
  test(`the printed story equals the app's, beat by beat (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`./?lang=${lang}`);
    const printed = await page
      .locator(`#prerender .pre-${lang} .pre-beat > section.chapter`)
      .evaluateAll((sections, src) => new Function(`return (${src})`)()(sections), read.toString());
    expect(printed.length).toBe(47);
    release();
    await expect(page.locator('#lang-switch')).toBeVisible();
    const live = [];
    for (let i = 0; i < 47; i++) {
      const [one] = await page
        .locator('main#story section.chapter')
        .evaluateAll((sections, src) => new Function(`return (${src})`)()(sections), read.toString());
      live.push(one);
      if (i < 46) {
        const progress = await page.locator('#progress').innerText();
        await page.locator('#next').click();
        await expect(page.locator('#progress')).not.toHaveText(progress);
      }
    }
    for (let i = 0; i < 47; i++) {
      expect(printed[i].text, `${lang} beat ${i + 1}: words`).toBe(live[i].text);
      expect(printed[i].labels, `${lang} beat ${i + 1}: pictures' labels`).toEqual(live[i].labels);
    }
  });
}
