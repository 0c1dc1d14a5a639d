// The classroom on paper (issue 26): the pupil's worksheet and its
// teacher's copy (public/worksheet.<lang>.html, worksheet-key.<lang>.html,
// crates/sitegen/src/worksheet.rs) and the handout (?view=handout), printed
// to PDF by the browser as a teacher would print them. The worksheet takes
// at most two pages of A4 or US Letter, holds no answer (compared with the
// teacher's copy) and tells nothing by colour alone; the handout has no
// near-empty page, asks each question before its answer, prints the chart
// once a chapter and asks nobody to press anything.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { pageFill } from './pdf-pages.mjs';

const worksheetTexts = (lang) => JSON.parse(readFileSync(new URL(`../../crates/sitegen/texts/worksheet.${lang}.json`, import.meta.url), 'utf8'));
const teachTexts = (lang) => JSON.parse(readFileSync(new URL(`../../crates/sitegen/texts/teach.${lang}.json`, import.meta.url), 'utf8'));
const CHAPTERS = 10;
/** Words that ask a reader of paper to press, click or tap something ("press reports" are the news). */
const SCREEN_WORDS = {
  en: /\b(press(?! reports)|presses|click|clicks|tap|button|buttons|drag|slider)\b/i,
  ja: /押す|押して|押すと|ボタン|クリック|タップ|ドラッグ|スライダー/,
};
const squash = (s) => s.replace(/\s+/g, '');

for (const lang of ['ja', 'en']) {
  test(`the worksheet prints on at most two pages of A4 and of Letter, with no answer on it (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    // What the teacher's copy gives as answers.
    await page.goto(`./public/worksheet-key.${lang}.html`);
    await expect(page.locator('h1')).toHaveText(worksheetTexts(lang)['ws.key_title']);
    const key = await page.evaluate(() => ({
      order: [...document.querySelectorAll('#key-cards ol .ws-letter')].map((el) => el.textContent.trim()),
      orderLine: document.querySelector('.ws-answer-order').textContent,
      reveals: [...document.querySelectorAll('#key-questions .reveal [data-key]')].map((el) => el.textContent.trim()),
      right: [...document.querySelectorAll('#key-questions li.right')].map((el) => el.dataset.key),
      // The picture's labels as drawn, and the words the pupils write.
      labels: [...document.querySelectorAll('#key-picture li')].map((el) => el.dataset.drawn),
      exit: [...document.querySelectorAll('#key-exit .ws-exit-a [data-key]')].map((el) => el.textContent.trim()),
    }));
    expect(key.order).toHaveLength(6);
    expect(key.reveals.length).toBeGreaterThanOrEqual(3);
    expect(key.right.length).toBeGreaterThanOrEqual(3);
    expect(key.labels).toHaveLength(4);
    expect(key.exit.length).toBeGreaterThanOrEqual(2);

    await page.goto(`./public/worksheet.${lang}.html`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('h1')).toHaveText(worksheetTexts(lang)['ws.title']);
    // Its parts: key words, six cards and six boxes, the questions, a
    // picture with four numbered boxes and four lines, an exit ticket.
    await expect(page.locator('#ws-words dt')).not.toHaveCount(0);
    await expect(page.locator('.ws-card')).toHaveCount(6);
    await expect(page.locator('.ws-order .ws-box')).toHaveCount(6);
    await expect(page.locator('.ws-question')).toHaveCount(key.right.length);
    await expect(page.locator('.ws-question .ws-line')).not.toHaveCount(0);
    await expect(page.locator('#ws-picture svg[role="img"] .ws-blank')).toHaveCount(4);
    await expect(page.locator('#ws-picture .ws-labels li')).toHaveCount(4);
    await expect(page.locator('#ws-exit li')).toHaveCount(3);
    await expect(page.locator('a', { hasText: worksheetTexts(lang)['ws.nav_key'] })).toHaveAttribute('href', `worksheet-key.${lang}.html`);

    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const main = document.querySelector('main');
      return {
        text: main.innerText,
        svgText: [...main.querySelectorAll('svg text')].map((t) => t.textContent).join('\n'),
        cards: [...document.querySelectorAll('.ws-card .ws-letter')].map((el) => el.textContent.trim()),
        marked: main.querySelectorAll('.right, .answer-label, .reveal, .ws-exit-a').length,
        // Ink outside the picture: text, borders and lines in greys only.
        colours: [...main.querySelectorAll('*')].filter((el) => !el.closest('svg')).flatMap((el) => {
          const s = getComputedStyle(el);
          return [s.color, s.borderTopColor, s.borderBottomColor];
        }),
      };
    });
    const text = squash(printed.text + printed.svgText);
    expect(printed.marked, 'nothing marked right').toBe(0);
    // The cards are not printed in the right order, nor is the order.
    expect(printed.cards).not.toEqual(key.order);
    expect(text).not.toContain(squash(key.orderLine));
    expect(text).not.toContain(key.order.join(''));
    for (const reveal of key.reveals) expect(text, 'an answer on the worksheet').not.toContain(squash(reveal));
    for (const answer of key.exit) expect(text, 'an exit-ticket answer on the worksheet').not.toContain(squash(answer));
    // The picture's four labels are boxes: none of its words is printed.
    for (const label of key.labels) expect(squash(printed.svgText), `label ${label}`).not.toContain(squash(label));
    await expect(page.locator('.ws-bank li')).toHaveCount(4);
    const grey = (c) => {
      const m = c.match(/rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/);
      if (!m || m[4] === '0') return true;
      const [r, g, b] = [m[1], m[2], m[3]].map(Number);
      return Math.max(r, g, b) - Math.min(r, g, b) <= 24;
    };
    expect(printed.colours.filter((c) => !grey(c)), 'colours on the printed worksheet').toEqual([]);

    for (const format of ['A4', 'Letter']) {
      const pages = pageFill(await page.pdf({ format }));
      expect(pages.length, `${format} pages`).toBeGreaterThanOrEqual(1);
      expect(pages.length, `${format} pages`).toBeLessThanOrEqual(2);
      // The second page is no stray line either.
      for (const p of pages) expect(p.fill, `${format} page fill`).toBeGreaterThan(0.2);
    }
  });

  test(`the teacher's page and the handout link to the worksheet and its answers (${lang})`, async ({ page }) => {
    for (const from of [`./public/teach.${lang}.html`, `./public/handout.${lang}.html`]) {
      await page.goto(from);
      await expect(page.locator('.classroom-nav .to-worksheet')).toHaveAttribute('href', `worksheet.${lang}.html`);
      await expect(page.locator('.classroom-nav .to-worksheet-key')).toHaveAttribute('href', `worksheet-key.${lang}.html`);
    }
    await page.locator('.classroom-nav .to-worksheet').click();
    await expect(page.locator('h1')).toHaveText(worksheetTexts(lang)['ws.title']);
    await page.locator('.classroom-nav a', { hasText: worksheetTexts(lang)['ws.nav_key'] }).click();
    await expect(page.locator('h1')).toHaveText(worksheetTexts(lang)['ws.key_title']);
  });

  test(`the handout on paper: no near-empty page, each question before its answer, one chart a chapter, nothing to press (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`./?v=2&lang=${lang}&view=handout`);
    await expect(page.locator('#handout[data-ready]')).toHaveCount(1);
    // Every picture drawn, the game's board among them.
    await expect(page.locator('.h-place[data-game] svg.race-svg')).toHaveCount(1);
    await expect(page.locator('[data-scene="game"] figcaption')).toContainText(teachTexts(lang)['handout.game_board'].slice(0, 12));
    await page.emulateMedia({ media: 'print' });
    const paper = await page.evaluate(() => {
      const main = document.querySelector('#handout');
      const chapters = [...main.querySelectorAll('.h-chapter')];
      const answers = main.querySelector('#h-answers');
      return {
        text: main.innerText,
        charts: chapters.map((c) => c.querySelectorAll('[data-scene="cascade"]').length),
        // Each question's place, and its answer's, in the page's order.
        order: [...main.querySelectorAll('.h-chapter .h-quiz')].map((q) => {
          const answer = answers.querySelector(`.quiz-answer[data-key="${q.dataset.key}"]`);
          return { key: q.dataset.key, before: !!answer && !!(q.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING) };
        }),
        // Nothing in the chapters gives an answer away: no reveal, no right choice, no figure keyed to a question's beat.
        revealsInChapters: chapters.reduce((n, c) => n + c.querySelectorAll('.reveal, li.right, .quiz-answer').length, 0),
        reveals: [...answers.querySelectorAll('.reveal [data-key]')].map((el) => el.textContent.trim()),
        chapterText: chapters.map((c) => c.innerText).join('\n'),
        questionFigures: [...main.querySelectorAll('.h-chapter .h-beat')].filter((b) => b.querySelector('.h-quiz') && b.querySelector('.figure')).length,
      };
    });
    expect(paper.charts.every((n) => n <= 1), `charts per chapter: ${paper.charts}`).toBe(true);
    expect(paper.order.length).toBeGreaterThanOrEqual(3);
    for (const q of paper.order) expect(q.before, `${q.key} comes before its answer`).toBe(true);
    expect(paper.revealsInChapters).toBe(0);
    expect(paper.questionFigures).toBe(0);
    for (const reveal of paper.reveals) expect(squash(paper.chapterText)).not.toContain(squash(reveal));
    const pressing = paper.text.split('\n').filter((line) => SCREEN_WORDS[lang].test(line));
    expect(pressing, 'sentences asking to press on paper').toEqual([]);

    for (const format of ['A4', 'Letter']) {
      const pages = pageFill(await page.pdf({ format }));
      expect(pages.length, format).toBeGreaterThanOrEqual(CHAPTERS);
      const thin = pages.map((p, i) => ({ page: i + 1, fill: Number(p.fill.toFixed(2)) })).filter((p) => p.fill <= 0.2);
      expect(thin, `${format}: pages a fifth full or less`).toEqual([]);
    }
  });
}
