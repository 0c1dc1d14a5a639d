// A CPU profile of a page's start-up, Chromium's CPU throttled 4x: the long
// tasks, then the call tree (functions over MIN ms, default 4) or, with
// SELF=1, the self time of what the mount runs. Build with names as for
// profile-control.mjs. Not a test.
// Usage: node perf/profile-start.mjs <base-url> <query>
import { chromium } from '@playwright/test';
const [,, base, query] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 412, height: 823 } });
await p.goto(base + 'public/favicon.svg');
const cdp = await p.context().newCDPSession(p);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await p.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
await cdp.send('Profiler.start');
await p.goto(base + query);
await p.waitForTimeout(4000);
const { profile } = await cdp.send('Profiler.stop');
console.log('long tasks', JSON.stringify(await p.evaluate(() => window.__lt)));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = profile.timeDeltas;
const inclNode = new Map();
{ let j = 0; for (const s of profile.samples) { const d = dt[j++] / 1000; let n = s; while (n !== undefined) { inclNode.set(n, (inclNode.get(n) ?? 0) + d); n = parent.get(n); } } }
const nm = (x) => (x.callFrame.functionName || '(anon)').replace(/::h[0-9a-f]{16}/g, '').slice(0, 130);
const MIN = Number(process.env.MIN ?? 4);
function walk(id, depth) {
  const n = byId.get(id); const v = inclNode.get(id) ?? 0; if (v < MIN || depth > 60) return;
  const kids = (n.children ?? []).filter((c) => (inclNode.get(c) ?? 0) >= MIN);
  const interesting = kids.length !== 1 || /dns_race_explainer::(ui|story|engine)/.test(nm(n));
  if (interesting) console.log(' '.repeat(depth) + v.toFixed(1) + ' ' + nm(n));
  for (const c of kids) walk(c, interesting ? depth + 1 : depth);
}
if (!process.env.SELF) walk(profile.nodes[0].id, 0);
else {
  // Self time of leaves under mount_now.
  const under = (id) => { let n = id; while (n !== undefined) { if (/mount_now/.test(nm(byId.get(n)))) return true; n = parent.get(n); } return false; };
  const self = new Map(); let j = 0;
  for (const s of profile.samples) { const d = dt[j++] / 1000; if (!under(s)) continue; const k = nm(byId.get(s)); self.set(k, (self.get(k) ?? 0) + d); }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => v.toFixed(1).padStart(6) + ' ' + k).join('\n'));
}
await b.close();
