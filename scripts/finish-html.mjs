// Trunk post-build hook, two jobs on the built index.html:
// 1. Fills in the Content-Security-Policy. Trunk writes the app's loader as an inline module script; the
// policy allows exactly that script by its SHA-256 hash (no 'unsafe-inline'),
// WebAssembly compilation by 'wasm-unsafe-eval' (no 'unsafe-eval'), and
// everything else from this origin only. Fails the build if the placeholder
// or the loader is missing, so a page can never ship without its policy.
// 2. With SITE_URL set (e.g. SITE_URL=https://example.org/aws-outage/), makes
// the social card's image address absolute and adds og:url, as link
// previews require; without it they stay relative (fine for local use).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const PLACEHOLDER = '__SCRIPT_HASHES__';
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('finish-html.mjs: run me as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
if (!html.includes(PLACEHOLDER)) {
  console.error(`finish-html.mjs: ${file} has no ${PLACEHOLDER} in its CSP meta tag`);
  process.exit(1);
}
// Inline scripts: <script ...> without a src attribute.
const hashes = [];
for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
  if (/\ssrc\s*=/.test(m[1] ?? '')) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) {
  console.error('finish-html.mjs: no inline loader script found; did Trunk change how it loads the app?');
  process.exit(1);
}
let out = html.replace(PLACEHOLDER, hashes.join(' '));
console.log(`finish-html.mjs: ${hashes.length} inline script(s) allowed by hash`);
if (process.env.TRUNK_PROFILE === 'debug') {
  // `trunk serve` adds its live-reload script after this hook has run, so no
  // hash can allow it: development builds go without the policy. Release
  // builds (the ones tested and deployed) always carry it.
  out = out.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/, '');
  console.log('finish-html.mjs: debug build: Content-Security-Policy left out for live reload');
}
const site = process.env.SITE_URL;
if (site) {
  const base = new URL(site.endsWith('/') ? site : `${site}/`);
  const abs = (rel) => new URL(rel, base).href;
  out = out
    .replace(/(<meta property="og:image" content=")([^"]+)(")/, (_, a, rel, b) => a + abs(rel) + b)
    .replace(/(<meta name="twitter:image" content=")([^"]+)(")/, (_, a, rel, b) => a + abs(rel) + b)
    .replace('<meta property="og:type"', `<meta property="og:url" content="${base.href}" />\n    <meta property="og:type"`);
  console.log(`finish-html.mjs: social card addresses made absolute under ${base.href}`);
}
writeFileSync(file, out);
