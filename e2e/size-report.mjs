// Size report of the built site: raw and gzipped bytes per file, the first
// load (index.html and every script, style sheet and wasm it names), checked
// against the budget file; with a named wasm (the pre-wasm-opt build), the
// biggest contributors by crate and by function, from twiggy, so that a
// regression has a name. Exits non-zero when over budget.
// Usage: node e2e/size-report.mjs <dist-dir> <budget.json> [named.wasm]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';

const [dist, budgetPath, namedWasm] = process.argv.slice(2);
if (!dist || !budgetPath) {
  console.error('usage: node e2e/size-report.mjs <dist-dir> <budget.json> [named.wasm]');
  process.exit(2);
}
const budget = JSON.parse(readFileSync(budgetPath, 'utf8'));

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

// What the page itself loads: the files index.html names as scripts,
// style sheets, preloads and the loader's imports.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const named = new Set(['index.html']);
for (const m of html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*["']\.?\/?([^"':]+\.(?:js|wasm|css))["']/g)) {
  named.add(m[1]);
}

const rows = [];
for (const path of walk(dist)) {
  const bytes = readFileSync(path);
  const file = relative(dist, path);
  rows.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, firstLoad: named.has(file) });
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
console.log('  ' + `first load (${first.length} files)`.padEnd(48) + kb(sum(first, 'raw')) + kb(sum(first, 'gzip')));

if (namedWasm && existsSync(namedWasm)) {
  try {
    const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', namedWasm], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const byCrate = new Map();
    const functions = [];
    for (const line of csv.split('\n').slice(1)) {
      const m = line.match(/^(.*),(\d+),[\d.]+,[^,]*,[^,]*$/);
      if (!m) continue;
      const [name, size] = [m[1].replace(/^"|"$/g, ''), Number(m[2])];
      // Sections the browser never gets: names, bindgen metadata, describe shims.
      if (/section|subsection|__wbindgen_describe|describe::|^export |^import /.test(name)) continue;
      let group;
      if (name.startsWith('data segment')) group = 'static data (texts, tables)';
      else {
        const ours = name.match(/dns_race_explainer::(\w+)::(\w+)/);
        const crate = name.replace(/^<+/, '').match(/^([a-z_][a-z0-9_]*)/);
        group = ours ? `ours: ${ours[1]}::${ours[2]}` : crate ? crate[1] : 'generic glue (<T as ...>)';
        functions.push({ name, size });
      }
      byCrate.set(group, (byCrate.get(group) ?? 0) + size);
    }
    const total = [...byCrate.values()].reduce((a, b) => a + b, 0);
    console.log(`\n  Biggest contributors to the wasm (twiggy, before wasm-opt: ${kb(total).trim()} of code and data)`);
    for (const [group, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      console.log('  ' + group.padEnd(48) + kb(size) + `${((100 * size) / total).toFixed(1).padStart(7)} %`);
    }
    console.log('\n  Biggest functions');
    for (const f of functions.sort((a, b) => b.size - a.size).slice(0, 8)) {
      console.log('  ' + kb(f.size) + '  ' + f.name.slice(0, 100));
    }
  } catch (e) {
    console.log(`  (no contributor breakdown: twiggy failed: ${e.message.split('\n')[0]})`);
  }
}

const limit = budget.first_load_gzip_bytes;
const used = sum(first, 'gzip');
const pct = ((100 * used) / limit).toFixed(0);
if (used > limit) {
  console.error(`  OVER BUDGET: first load is ${used} B gzipped; the budget (${budgetPath}) allows ${limit} B.`);
  process.exit(1);
}
console.log(`\n  within budget: ${used} of ${limit} B gzipped (${pct}%), budget in ${budgetPath}`);
