// Lesson mode and the projected screen (issue 26): presenter mode following
// a lesson's route from the teacher's page, the speaker's window showing
// each stop's prompt and taking a class vote before each reveal, every beat
// fitting a 1280×720 projector, old `?present=` links opening as before,
// and the teacher's page saying the hook's time in the class's own zone.
import { readFileSync } from 'node:fs';
import { test, expect, settledUrl } from './fixtures.mjs';

const lessonTexts = (lang) => JSON.parse(readFileSync(new URL(`../../public/lesson.${lang}.json`, import.meta.url), 'utf8'));
const where = (page) => {
  const u = new URL(page.url());
  return `${u.searchParams.get('ch') ?? '1'}.${u.searchParams.get('beat') ?? '1'}`;
};
// The words of a prompt up to its first slot (the class's time is filled in).
const stem = (text) => text.split('{')[0].slice(0, 40);

/// The route of a plan as the teacher's page lists it: each screen, and the
/// prompt key of each screen stop, in order.
async function routeOf(page, planId) {
  return page.locator(`#${planId} tr.step-screen .beat-link`).evaluateAll((links) =>
    links.map((a) => `${a.dataset.ch}.${a.dataset.beat}`));
}

for (const lang of ['ja', 'en']) {
  test(`lesson mode steps only through the 45-minute route, and the speaker's window shows each stop's prompt and takes a class vote (${lang})`, async ({ page, context }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const texts = lessonTexts(lang);
    await page.goto(`./public/teach.${lang}.html`);
    const screens = await routeOf(page, 'plan-45');
    expect(screens.length).toBeGreaterThanOrEqual(12);
    const prompts = await page.locator('#plan-45 tr.step-screen td.do').allInnerTexts();
    expect(prompts).toHaveLength(screens.length);
    const speakerHref = await page.locator('#speaker-plan-45').getAttribute('href');
    const audienceHref = await page.locator('#present-plan-45').getAttribute('href');
    const speakerUrl = new URL(speakerHref, page.url());
    expect(speakerUrl.searchParams.get('present')).toBe('notes');
    expect(speakerUrl.searchParams.get('lesson')).toBe('45');
    expect(new URL(audienceHref, page.url()).searchParams.get('present')).toBe('1');
    await page.goto(speakerUrl.href);
    const speaker = page;
    await expect(speaker.locator('#speaker-notes')).toBeVisible();
    const audience = await context.newPage();
    await audience.setViewportSize({ width: 1280, height: 720 });
    await audience.goto(new URL(audienceHref, page.url()).href);
    await expect(audience.locator('html')).toHaveAttribute('data-lesson', '45');
    await speaker.bringToFront();
    const name = texts['teach.lesson.name_45'];
    for (let i = 0; i < screens.length; i++) {
      await expect.poll(() => where(speaker)).toBe(screens[i]);
      // "45-minute lesson: screen 4 of 17", and that stop's prompt.
      const count = texts['teach.lesson.where'].replace('{lesson}', name).replace('{n}', String(i + 1)).replace('{total}', String(screens.length));
      await expect(speaker.locator('#speaker-where')).toHaveText(count);
      await expect(speaker.locator('#speaker-prompt-heading')).toHaveText(texts['teach.lesson.prompt']);
      // The same words as the teacher's page prints for that stop.
      await expect(speaker.locator('#speaker-prompt')).toContainText(stem(prompts[i]));
      await expect(speaker.locator('#speaker-prompt')).not.toContainText('{');
      await expect.poll(() => where(audience)).toBe(screens[i]);
      if (await speaker.locator('.quiz').count()) {
        // The answer before the class sees it, and a class vote.
        await expect(speaker.locator('#speaker-answer')).toContainText(texts['teach.lesson.answer_first']);
        await expect(speaker.locator('#speaker-vote h2')).toHaveText(texts['teach.lesson.vote']);
        const fields = speaker.locator('#speaker-vote input');
        await expect(fields).toHaveCount(3);
        await fields.nth(0).fill('4');
        await fields.nth(1).fill('11');
        await fields.nth(2).fill('2');
        await expect(speaker.locator('.vote-total')).toHaveText(texts['teach.lesson.vote_total'].replace('{count}', '17'));
        // Not on the class's screen before the answer.
        await expect(audience.locator('#class-vote')).toBeHidden();
        await expect(audience.locator('.quiz .reveal')).toHaveCount(0);
        await speaker.locator('#speaker-where').click();
        await speaker.keyboard.press('PageDown');
        await expect(audience.locator('.quiz .reveal')).toBeVisible();
        await expect(audience.locator('#class-vote')).toBeVisible();
        await expect(audience.locator('#class-vote h2')).toHaveText(texts['teach.lesson.class_vote']);
        await expect(audience.locator('#class-vote .vote-count')).toHaveText(['4', '11', '2']);
        await expect(speaker.locator('#speaker-answer')).not.toContainText(texts['teach.lesson.answer_first']);
      }
      await speaker.keyboard.press('PageDown');
    }
    // At the end, forward stays; back walks the route, not the story.
    await page.waitForTimeout(200);
    expect(where(speaker)).toBe(screens.at(-1));
    await speaker.keyboard.press('PageUp');
    await expect.poll(() => where(speaker)).toBe(screens.at(-2));
    await expect.poll(() => where(audience)).toBe(screens.at(-2));
    // A lab stop follows a screen: the speaker's window says what to do then.
    await speaker.keyboard.press('Home');
    await expect.poll(() => where(speaker)).toBe(screens[0]);
    for (let i = 0; i < screens.length && !(await speaker.locator('#speaker-then').innerText()); i++) {
      await speaker.keyboard.press('PageDown');
      if (await speaker.locator('.quiz').count()) await speaker.keyboard.press('PageDown');
    }
    await expect(speaker.locator('#speaker-then h2')).toHaveText(texts['teach.lesson.then']);
    await expect(speaker.locator('#speaker-then')).toContainText(texts['teach.lab.recheck']);
    await audience.close();
  });
}

test('the 15-minute lesson counts its own screens in the speaker window', async ({ page }) => {
  await page.goto('./public/teach.en.html');
  const screens = await routeOf(page, 'plan-15');
  await page.goto(new URL(await page.locator('#speaker-plan-15').getAttribute('href'), page.url()).href);
  await expect(page.locator('#speaker-where')).toHaveText(`15-minute lesson: screen 1 of ${screens.length}`);
  await page.keyboard.press('PageDown');
  await expect.poll(() => where(page)).toBe(screens[1]);
  await expect(page.locator('#speaker-where')).toHaveText(`15-minute lesson: screen 2 of ${screens.length}`);
});

for (const lang of ['ja', 'en']) {
  test(`presenter mode at 1280×720: every beat fits without scrolling, its picture and its choices in view (${lang})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./?v=2&lang=${lang}&present=1`);
    await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
    const problems = [];
    const check = async (when) => {
      await page.waitForTimeout(1000);
      const m = await page.evaluate(() => {
        const root = document.documentElement;
        const main = document.querySelector('main');
        const inView = (el) => {
          const r = el.getBoundingClientRect();
          return r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.left >= -1 && r.right <= window.innerWidth + 1;
        };
        const pictures = [...document.querySelectorAll('main .scene svg, main .timeline-scene svg, main .game svg')].filter((s) => s.getBoundingClientRect().height > 0);
        const choices = [...document.querySelectorAll('main .quiz .choice')];
        return {
          page: [root.scrollHeight, root.clientHeight],
          stage: [main.scrollHeight, main.clientHeight],
          wide: root.scrollWidth - root.clientWidth,
          pictures: pictures.map(inView),
          choices: choices.map(inView),
          font: parseFloat(getComputedStyle(document.body).fontSize),
        };
      });
      const [sh, ch] = m.page;
      if (sh > ch) problems.push(`${when}: the page scrolls (${sh} > ${ch})`);
      if (m.stage[0] > Math.max(m.stage[1], ch)) problems.push(`${when}: the stage scrolls (${m.stage})`);
      if (m.wide > 0) problems.push(`${when}: ${m.wide}px too wide`);
      if (m.pictures.includes(false)) problems.push(`${when}: the picture is cut off`);
      if (m.choices.includes(false)) problems.push(`${when}: a choice is cut off`);
      if (m.font < 14) problems.push(`${when}: type of ${m.font}px`);
    };
    let seen = 0;
    for (let presses = 0; presses < 120; presses++) {
      const before = where(page);
      await check(before);
      seen += 1;
      if (await page.locator('.quiz').count()) {
        await page.keyboard.press('PageDown');
        await expect(page.locator('.quiz .reveal')).toBeVisible();
        await check(`${before} with its answer`);
      }
      await page.keyboard.press('PageDown');
      // The last beat stays where it is.
      const moved = await expect.poll(() => where(page), { timeout: 4000 }).not.toBe(before).then(() => true, () => false);
      if (!moved) break;
    }
    expect(seen).toBeGreaterThanOrEqual(40);
    expect(problems).toEqual([]);
  });
}

// Links to presenter mode from before lesson mode: each opens what it opened.
const PRESENT_LINKS = [
  ['?v=2&lang=en&present=1', { present: true, speaker: false, at: '1.1' }],
  ['?v=2&lang=ja&present=1', { present: true, speaker: false, at: '1.1' }],
  ['?v=2&lang=en&present=notes', { present: true, speaker: true, at: '1.1' }],
  ['?v=2&lang=en&present=1&ch=4&beat=4', { present: true, speaker: false, at: '4.4' }],
  ['?v=2&lang=ja&present=notes&ch=6&beat=2', { present: true, speaker: true, at: '6.2' }],
  ['?v=2&lang=en&tz=utc&present=1&ch=7&beat=2', { present: true, speaker: false, at: '7.2' }],
  ['?lang=en&present=1&ch=5&beat=3', { present: true, speaker: false, at: '5.3' }],
  ['?v=2&lang=en&present=0', { present: false, speaker: false, at: '1.1' }],
  ['?v=2&lang=en&present=1&lesson=30', { present: true, speaker: false, at: '1.1' }],
];

test.describe('?present= links open as before', () => {
  for (const [query, want] of PRESENT_LINKS) {
    test(query, async ({ page }) => {
      await page.goto(`./${query}`);
      await expect(page.locator('#lang-switch')).toBeAttached();
      const html = page.locator('html');
      if (want.present) await expect(html).toHaveClass(/\bpresent\b/);
      else await expect(html).not.toHaveClass(/\bpresent\b/);
      // No lesson: the whole story, beat by beat.
      await expect(html).not.toHaveAttribute('data-lesson', /.+/);
      expect(where(page)).toBe(want.at);
      await expect(page.locator('#speaker-notes')).toHaveCount(want.speaker ? 1 : 0);
      if (want.speaker) {
        const [ch, beat] = want.at.split('.').map(Number);
        await expect(page.locator('#speaker-where')).toHaveText(/\d+/);
        await expect(page.locator('#speaker-prompt')).toBeEmpty();
        expect(ch + beat).toBeGreaterThan(0);
      }
      if (want.present) {
        // One press forward goes to the story's next beat (or the answer).
        const quiz = await page.locator('.quiz').count();
        await page.keyboard.press('PageDown');
        if (quiz) await expect(page.locator('.quiz .reveal')).toBeVisible();
        else await expect.poll(() => where(page)).not.toBe(want.at);
      }
    });
  }
});

test.describe('the class\'s own time on the teacher\'s page', () => {
  for (const [zone, lang, text] of [
    ['Europe/London', 'en', 'at about 07:48 on Monday where you are, as pupils were getting ready for school'],
    ['America/New_York', 'en', 'at about 02:48 on Monday where you are, while most pupils were asleep'],
    ['Asia/Tokyo', 'ja', '日本では月曜日の15:48ごろ、放課後の時間'],
    ['Asia/Kolkata', 'ja', 'この地域では月曜日の12:18ごろ、授業の最中'],
  ]) {
    test.describe(zone, () => {
      test.use({ timezoneId: zone });
      test(`${zone} (${lang})`, async ({ page }) => {
        await page.goto(`./public/teach.${lang}.html`);
        const hooks = page.locator('.class-time');
        await expect(hooks).toHaveCount(3);
        for (const hook of await hooks.all()) await expect(hook).toHaveText(text);
        await expect(page.locator('body')).not.toContainText('Monday afternoon in Japan');
      });
    });
  }

  test('a zone chosen in the explainer (?tz=) wins, and the lesson links carry it', async ({ page }) => {
    await page.goto('./public/teach.en.html?tz=jst');
    await expect(page.locator('.class-time').first()).toHaveText('at about 15:48 on Monday in Japan, just after school');
    const href = await page.locator('#present-plan-45').getAttribute('href');
    expect(new URL(href, page.url()).searchParams.get('tz')).toBe('jst');
  });
});

test('the embedding sample reads in the reader\'s language, frames and all', async ({ page }) => {
  await page.goto('./public/demo.html');
  await page.locator('#demo-other-lang').click();
  await expect(page).toHaveURL(/demo\.en\.html$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // No Japanese on the English page but the link back to Japanese.
  const text = await page.locator('article').evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelector('#demo-other-lang').remove();
    copy.querySelectorAll('iframe').forEach((f) => f.remove());
    return copy.textContent;
  });
  expect(text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  for (const [id, inside] of [['#demo-race', '.event-line'], ['#demo-cascade', '#time-scrubber'], ['#demo-chapter', '#chapter-title']]) {
    const frame = page.frameLocator(id);
    // Once the app has replaced the frame's printed story: one of each.
    await expect(frame.locator(inside)).toHaveCount(1);
    await expect(frame.locator(inside)).toBeVisible();
    await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
    await expect(frame.locator('#open-full')).toHaveText(/Open the full explainer/);
  }
  // The Japanese page is in Japanese (its third frame shows the English edition on purpose).
  await page.locator('#demo-other-lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('article [lang="en"]:not(#demo-other-lang)')).toHaveCount(0);
  await expect(page.frameLocator('#demo-race').locator('html')).toHaveAttribute('lang', 'ja');
});
