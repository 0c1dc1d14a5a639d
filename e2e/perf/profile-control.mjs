// A CPU profile of one control, Chromium's CPU throttled 4x: prints the
// long tasks, the functions by inclusive and by self time, and (TREE=1) the
// call tree. Names need a build that keeps them: index.html's rust link with
// data-wasm-opt="0" and data-keep-debug, built to a directory of its own
// and served with serve-dist.mjs. Not a test.
// Usage: node perf/profile-control.mjs <base-url> <query> <action>
//   e.g. node perf/profile-control.mjs http://127.0.0.1:4197/ "?view=playground" \
//          "p.locator('#slow-extra').press('ArrowRight')"
// (<action> is evaluated with `p`, the page, and `cdp`, its CDP session.)
import { chromium } from '@playwright/test';
const [,, base, query, action] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 412, height: 823 } });
await p.goto(base + query);
await p.waitForTimeout(3000);
const cdp = await p.context().newCDPSession(p);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await p.evaluate(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push(Math.round(e.duration)); }).observe({ type: 'longtask' }); });
await cdp.send('Profiler.start');
await eval(action);
await p.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
console.log('long tasks', await p.evaluate(() => window.__lt));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); const incl = new Map();
const dt = profile.timeDeltas; let i = 0;
for (const s of profile.samples) {
  const d = dt[i++] / 1000;
  let n = byId.get(s); const name = (x) => x.callFrame.functionName || '(anon ' + x.callFrame.url.slice(-20) + ')';
  self.set(name(n), (self.get(name(n)) ?? 0) + d);
  const seen = new Set();
  while (n) { const k = name(n); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + d); } n = byId.get(parent.get(n.id)); }
}
const top = (m, k) => [...m].filter(([n]) => !/^\((idle|program|root|garbage)/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1).padStart(7)} ${n.slice(0, 110)}`).join('\n');
console.log('--- inclusive\n' + top(incl, 45));
console.log('--- self\n' + top(self, 25));
// Tree: inclusive ms per node, children over 2 ms, collapsing single-child chains.
const inclNode = new Map();
{ let j = 0; for (const s of profile.samples) { const d = dt[j++] / 1000; let n = s; while (n !== undefined) { inclNode.set(n, (inclNode.get(n) ?? 0) + d); n = parent.get(n); } } }
const nm = (x) => (x.callFrame.functionName || '(anon)').replace(/::h[0-9a-f]{16}/g, '').slice(0, 120);
function walk(id, depth) {
  const n = byId.get(id); const v = inclNode.get(id) ?? 0; if (v < 2 || depth > 40) return;
  const kids = (n.children ?? []).filter((c) => (inclNode.get(c) ?? 0) >= 2);
  const interesting = kids.length !== 1 || /dns_race|tachys::html::element|census|run::|Memo|estimate/.test(nm(n));
  if (interesting) console.log(' '.repeat(depth) + v.toFixed(1) + ' ' + nm(n));
  for (const c of kids) walk(c, interesting ? depth + 1 : depth);
}
if (process.env.TREE) walk(profile.nodes[0].id, 0);
await b.close();
