// Size report of the built site: raw and gzipped bytes per file and in total,
// checked against the budget file. Exits non-zero when over budget.
// Usage: node e2e/size-report.mjs <dist-dir> <budget.json>
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist, budgetPath] = process.argv.slice(2);
if (!dist || !budgetPath) {
  console.error('usage: node e2e/size-report.mjs <dist-dir> <budget.json>');
  process.exit(2);
}
const budget = JSON.parse(readFileSync(budgetPath, 'utf8'));
const FIRST_LOAD = new Set(['.html', '.css', '.js', '.wasm']);

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const rows = [];
for (const path of walk(dist)) {
  const bytes = readFileSync(path);
  rows.push({
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    // Pages under public/ (demo hosts) are not part of the app's first load.
    firstLoad: FIRST_LOAD.has(extname(path)) && !relative(dist, path).startsWith('public'),
  });
}
rows.sort((a, b) => b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
console.log('  ' + 'file'.padEnd(48) + 'raw'.padStart(11) + 'gzip'.padStart(11) + '  first load');
for (const r of rows) {
  console.log('  ' + r.file.padEnd(48) + kb(r.raw) + kb(r.gzip) + (r.firstLoad ? '  yes' : ''));
}
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const first = rows.filter((r) => r.firstLoad);
console.log('  ' + 'all files'.padEnd(48) + kb(sum(rows, 'raw')) + kb(sum(rows, 'gzip')));
console.log('  ' + 'first load (html+css+js+wasm)'.padEnd(48) + kb(sum(first, 'raw')) + kb(sum(first, 'gzip')));

const limit = budget.first_load_gzip_bytes;
const used = sum(first, 'gzip');
const pct = ((100 * used) / limit).toFixed(0);
if (used > limit) {
  console.error(`  OVER BUDGET: first load is ${used} B gzipped; the budget (${budgetPath}) allows ${limit} B.`);
  process.exit(1);
}
console.log(`  within budget: ${used} of ${limit} B gzipped (${pct}%), budget in ${budgetPath}`);
