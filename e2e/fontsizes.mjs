// Measures the smallest rendered text on every beat (CSS px on screen:
// an SVG's font size times its scale). Usage: node fontsizes.mjs BASE LANG WIDTH
import { chromium } from 'playwright';
const [base, lang, width] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
const page0 = lang === 'en' ? 'index.en.html' : '';
await page.goto(`${base}${page0}?v=2&lang=${lang}&ch=1&beat=1`);
await page.waitForSelector('.beat', { timeout: 30000 });
await page.waitForFunction(() => !document.getElementById('prerender'));
const out = [];
for (let i = 0; i < 60; i++) {
  const r = await page.evaluate(() => {
    const where = `${document.documentElement.dataset.ch ?? ''}`;
    const small = [];
    const scope = document.querySelector('#story') || document.body;
    for (const t of scope.querySelectorAll('svg text, svg tspan')) {
      if (t.closest('[hidden]') || !t.getClientRects().length) continue;
      if (!t.textContent.trim()) continue;
      const svg = t.ownerSVGElement; const m = svg.getScreenCTM(); if (!m) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      if (px < 12) small.push(`${px.toFixed(1)} ${t.getAttribute('class') || ''} "${t.textContent.trim().slice(0, 24)}"`);
    }
    for (const el of scope.querySelectorAll('p, span, li, small, figcaption, button, a, label, dd, dt, td, th, summary, b, strong, em')) {
      if (!el.getClientRects().length || el.closest('svg')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 12) small.push(`${px.toFixed(1)} <${el.tagName.toLowerCase()} ${el.className}> "${el.textContent.trim().slice(0, 24)}"`);
    }
    const prog = document.querySelector('.progress')?.textContent ?? '';
    return { prog, small: [...new Set(small)] };
  });
  out.push(r);
  const next = page.locator('button.next, #next').first();
  if (!(await next.count()) || (await next.isDisabled())) break;
  await next.click();
  await page.waitForTimeout(150);
}
for (const r of out) if (r.small.length) console.log(r.prog, '\n  ' + r.small.slice(0, 12).join('\n  '));
await browser.close();
