// Lighthouse (mobile configuration, its default: simulated slow 4G and a 4x
// slower CPU) against the release build served on loopback the way a static
// host serves it (gzip, long-lived hashed assets), beside a plain-JavaScript
// reference page (hosts/reference/) measured the same way in the same run.
// Runs each page three times and prints, as a Markdown table, the median
// score per category, LCP, TBT and bytes transferred; then three runs more
// with the slow network and CPU applied to the browser instead of simulated
// ("devtools" throttling), whose LCP is what the page really paints: the
// simulation counts a file that finished before the largest paint on
// loopback (the preloaded wasm) as needed for that paint.
// Usage: node e2e/lighthouse.mjs <dist-dir>   (CHROME_PATH defaults to /usr/bin/chromium)
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? join(here, '..', 'dist');
const RUNS = 3;
const PAGES = ['./', './index.en.html', './?lang=en', './?view=playground', './?embed=race', './__hosts__/reference/'];

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const server = spawn('node', [join(here, 'serve-dist.mjs'), dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' };

const lighthouse = (url, file, extra = []) =>
  execFileSync(join(here, 'node_modules', '.bin', 'lighthouse'), [
    url,
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--output=json',
    `--output-path=${file}`,
    ...extra,
  ], { env, stdio: 'ignore' });

try {
  console.log('| page | performance | accessibility | best practices | SEO | LCP | TBT | transfer | LCP, applied throttling | TBT, applied |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const page of PAGES) {
    const url = new URL(page, `http://127.0.0.1:${port}/`).href;
    const runs = [];
    const applied = [];
    for (let i = 0; i < RUNS; i++) {
      const file = join(out, `run-${runs.length}.json`);
      lighthouse(url, file);
      runs.push(JSON.parse(readFileSync(file, 'utf8')));
      const fileApplied = join(out, `applied-${applied.length}.json`);
      lighthouse(url, fileApplied, ['--throttling-method=devtools']);
      applied.push(JSON.parse(readFileSync(fileApplied, 'utf8')));
    }
    const score = (id) => Math.round(100 * median(runs.map((r) => r.categories[id].score)));
    const ms = (rs, id) => Math.round(median(rs.map((r) => r.audits[id].numericValue)));
    const s = (v) => `${(v / 1000).toFixed(2)} s`;
    const kib = Math.round(median(runs.map((r) => r.audits['total-byte-weight'].numericValue)) / 1024);
    const name = page === './' ? '`/`' : page.startsWith('./__hosts__') ? 'plain-JS reference page' : `\`/${page.slice(2)}\``;
    console.log(`| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ` +
      `${s(ms(runs, 'largest-contentful-paint'))} | ${ms(runs, 'total-blocking-time')} ms | ${kib} KiB | ` +
      `${s(ms(applied, 'largest-contentful-paint'))} | ${ms(applied, 'total-blocking-time')} ms |`);
  }
} finally {
  server.kill();
}
