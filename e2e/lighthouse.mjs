// Lighthouse (mobile configuration, its default: simulated slow 4G and a 4x
// slower CPU) against the release build served on loopback the way a static
// host serves it (gzip, long-lived hashed assets). Runs each page three times
// and prints the median score per category, and the median LCP and TBT.
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
const PAGES = ['./', './?lang=en', './?view=playground', './?embed=race'];

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

try {
  console.log('page'.padEnd(24) + 'perf  a11y  best  seo   LCP     TBT');
  for (const page of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const file = join(out, `run-${runs.length}.json`);
      execFileSync(join(here, 'node_modules', '.bin', 'lighthouse'), [
        new URL(page, `http://127.0.0.1:${port}/`).href,
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
        '--only-categories=performance,accessibility,best-practices,seo',
        '--output=json',
        `--output-path=${file}`,
      ], { env, stdio: 'ignore' });
      runs.push(JSON.parse(readFileSync(file, 'utf8')));
    }
    const score = (id) => Math.round(100 * median(runs.map((r) => r.categories[id].score)));
    const ms = (id) => Math.round(median(runs.map((r) => r.audits[id].numericValue)));
    console.log(
      page.padEnd(24) +
        [score('performance'), score('accessibility'), score('best-practices'), score('seo')]
          .map((s) => String(s).padEnd(6))
          .join('') +
        `${(ms('largest-contentful-paint') / 1000).toFixed(1)} s   ${ms('total-blocking-time')} ms`,
    );
  }
} finally {
  server.kill();
}
