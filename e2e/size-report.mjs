// Size report of the built site: raw and gzipped bytes per file, the first
// load split into what comes before the first paint (index.html and the
// style sheets and scripts it names) and after it (the app's script and
// wasm, which the loader fetches once the page has painted), each checked
// against the budget file, and the lab's first load (the lab has a wasm of its
// own, fetched instead of the story's for ?view=playground); with a named wasm (the pre-wasm-opt build), the
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

// What the page itself loads, in two parts. Before the first paint: the
// page and the style sheets and scripts its tags name. After it: what the
// loader imports and fetches once the page has painted (the app's script and
// its wasm; see scripts/finish-html.mjs).
// Each language has a page of its own (index.html, index.en.html): the
// part before the paint is counted per page, and the larger is checked.
const pages = ['index.html', 'index.en.html'].filter((p) => existsSync(join(dist, p)));
const beforeByPage = new Map(pages.map((p) => [p, new Set([p])]));
const afterPaint = new Set();
for (const page of pages) {
  const html = readFileSync(join(dist, page), 'utf8');
  for (const m of html.matchAll(/(href|src|module_or_path:|from|import\(|fetch\()\s*=?\s*["']\.?\/?([^"':]+\.(?:js|wasm|css))["']/g)) {
    (['href', 'src'].includes(m[1]) ? beforeByPage.get(page) : afterPaint).add(m[2]);
  }
}
// The lab has a wasm of its own (src/bin/lab.rs): the loader fetches either
// the story's or the lab's, never both, so each is a first load of its own.
const isLab = (file) => /^dns-race-lab-/.test(file);
const labAfterPaint = new Set([...afterPaint].filter(isLab));
for (const file of labAfterPaint) afterPaint.delete(file);
if (labAfterPaint.size === 0) {
  console.error("size-report: the pages' loader names no lab wasm (dns-race-lab-*); did scripts/finish-html.mjs change?");
  process.exit(1);
}
const beforePaint = beforeByPage.get('index.html');
const named = new Set([...beforePaint, ...afterPaint]);
const rows = [];
for (const path of walk(dist)) {
  const bytes = readFileSync(path);
  const file = relative(dist, path);
  rows.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, firstLoad: named.has(file), lab: labAfterPaint.has(file) });
}
rows.sort((a, b) => b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
console.log('  ' + 'file'.padEnd(48) + 'raw'.padStart(11) + 'gzip'.padStart(11) + '  first load');
for (const r of rows) {
  console.log('  ' + r.file.padEnd(48) + kb(r.raw) + kb(r.gzip) + (r.firstLoad ? '  yes' : r.lab ? '  the lab' : ''));
}
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const first = rows.filter((r) => r.firstLoad);
const after = rows.filter((r) => afterPaint.has(r.file));
console.log('  ' + 'all files'.padEnd(48) + kb(sum(rows, 'raw')) + kb(sum(rows, 'gzip')));
let before = [];
for (const [page, files] of beforeByPage) {
  const list = rows.filter((r) => files.has(r.file));
  console.log('  ' + `before the first paint, ${page} (${list.length} files)`.padEnd(48) + kb(sum(list, 'raw')) + kb(sum(list, 'gzip')));
  if (sum(list, 'gzip') > sum(before, 'gzip')) before = list;
}
console.log('  ' + `after the first paint (${after.length} files)`.padEnd(48) + kb(sum(after, 'raw')) + kb(sum(after, 'gzip')));
console.log('  ' + `first load, both (${first.length} files)`.padEnd(48) + kb(sum(first, 'raw')) + kb(sum(first, 'gzip')));
const labAfter = rows.filter((r) => r.lab);
const labFirst = [...before, ...labAfter];
console.log('  ' + `the lab, after the first paint (${labAfter.length} files)`.padEnd(48) + kb(sum(labAfter, 'raw')) + kb(sum(labAfter, 'gzip')));
console.log('  ' + `the lab's first load (${labFirst.length} files)`.padEnd(48) + kb(sum(labFirst, 'raw')) + kb(sum(labFirst, 'gzip')));

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

// Each part against its budget; the goals (the issue's targets) are shown
// beside them, so the gap that is left has a number.
let over = false;
for (const [label, list, limitKey, goalKey] of [
  ['before the first paint (the larger page)', before, 'before_first_paint_gzip_bytes', 'before_first_paint_goal_bytes'],
  ['first load with the wasm', first, 'first_load_gzip_bytes', 'first_load_goal_bytes'],
  ["the lab's first load with its wasm", labFirst, 'lab_first_load_gzip_bytes', null],
]) {
  const used = sum(list, 'gzip');
  const limit = budget[limitKey];
  const goal = budget[goalKey];
  if (!limit) {
    console.error(`  ${budgetPath} has no ${limitKey}`);
    over = true;
    continue;
  }
  const goalNote = goal ? `; goal ${goal} B (${used <= goal ? 'met' : `${used - goal} B to go`})` : '';
  if (used > limit) {
    console.error(`  OVER BUDGET: ${label} is ${used} B gzipped; the budget (${budgetPath}: ${limitKey}) allows ${limit} B${goalNote}.`);
    over = true;
  } else {
    console.log(`  ${label}: ${used} of ${limit} B gzipped (${((100 * used) / limit).toFixed(0)}%)${goalNote}`);
  }
}
if (over) process.exit(1);
console.log(`  budget in ${budgetPath}`);
