// Trunk post-build hook: fills in the Content-Security-Policy of the built
// index.html. Trunk writes the app's loader as an inline module script; the
// policy allows exactly that script by its SHA-256 hash (no 'unsafe-inline'),
// WebAssembly compilation by 'wasm-unsafe-eval' (no 'unsafe-eval'), and
// everything else from this origin only. Fails the build if the placeholder
// or the loader is missing, so a page can never ship without its policy.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const PLACEHOLDER = '__SCRIPT_HASHES__';
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp.mjs: run me as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp.mjs: ${file} has no ${PLACEHOLDER} in its CSP meta tag`);
  process.exit(1);
}
// Inline scripts: <script ...> without a src attribute.
const hashes = [];
for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
  if (/\ssrc\s*=/.test(m[1] ?? '')) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) {
  console.error('csp.mjs: no inline loader script found; did Trunk change how it loads the app?');
  process.exit(1);
}
writeFileSync(file, html.replace(PLACEHOLDER, hashes.join(' ')));
console.log(`csp.mjs: ${hashes.length} inline script(s) allowed by hash`);
