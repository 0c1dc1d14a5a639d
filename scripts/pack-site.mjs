// Readies a built site for a static host, in place: writes `.gz` and `.br`
// beside every text asset (and the wasm), and the `_headers` file that
// Netlify and Cloudflare Pages read (the Content-Security-Policy as a real
// header, a year's caching for the files whose names carry a content hash,
// revalidation for everything else). Run by scripts/publish.sh.
// Usage: node scripts/pack-site.mjs <site-dir> <SITE_URL>
//
// Also the one place that knows the `_headers` format: scripts/check-site.mjs
// and e2e/serve-published.mjs read the file with `parseHeaders`/`headersFor`.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/**
 * Trunk's content-hashed file names (`base-9e14ffbd1fb86661.css`, `…_bg.wasm`):
 * up to 16 hex digits, fewer when the hash starts with zeros (Trunk does not
 * pad: `dns-race-explainer-c937c9529a5bbd8_bg.wasm`).
 */
export const HASHED = /^[^/]+-[0-9a-f]{8,16}(_bg)?\.(js|css|wasm)$/;
/** What is worth compressing (PNG is compressed already). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt|xml|map)$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
/** Files a host reads but does not serve, and the compressed copies. */
export const NOT_CONTENT = (rel) => rel === '_headers' || /\.(gz|br)$/.test(rel);

/** The site's address with a trailing slash, as a URL. */
export function siteBase(siteUrl) {
  const url = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  url.search = '';
  url.hash = '';
  return url;
}

/** Every file under `dir`, as sorted relative paths with `/` separators. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The Content-Security-Policy of an HTML page's meta tag, or null. */
export function metaCsp(html) {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) continue;
    const content = tag.match(/\scontent\s*=\s*"([^"]*)"|\scontent\s*=\s*'([^']*)'/i);
    if (content) return (content[1] ?? content[2]).replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  }
  return null;
}

/**
 * The header rules for the site in `dir`, published at `siteUrl`: one rule
 * for what every file gets, then one per file (and one for the directory
 * address `…/` of each index.html), so that no header is set by two rules:
 * Netlify and Cloudflare Pages join a header set twice with a comma, which
 * would turn two Cache-Control values into a contradiction.
 */
export function headerRules(dir, siteUrl) {
  const prefix = siteBase(siteUrl).pathname;
  const rules = [{
    path: `${prefix}*`,
    headers: [['X-Content-Type-Options', 'nosniff'], ['Referrer-Policy', REFERRER_POLICY]],
  }];
  for (const rel of listFiles(dir).filter((f) => !NOT_CONTENT(f))) {
    const headers = [];
    if (rel.endsWith('.html')) {
      const csp = metaCsp(readFileSync(join(dir, rel), 'utf8'));
      // The header equals the meta tag. Deliberately no frame-ancestors and
      // no X-Frame-Options: articles embed the scenes in frames.
      if (csp) headers.push(['Content-Security-Policy', csp]);
    }
    headers.push(['Cache-Control', HASHED.test(rel) ? IMMUTABLE : REVALIDATE]);
    const paths = [prefix + rel];
    if (rel === 'index.html' || rel.endsWith('/index.html')) paths.unshift(prefix + rel.slice(0, -'index.html'.length));
    for (const path of paths) rules.push({ path, headers });
  }
  return rules;
}

export function formatHeaders(rules, siteUrl) {
  const lines = [
    `# Response headers for ${siteBase(siteUrl).href}, read by Netlify and Cloudflare Pages.`,
    '# Written by scripts/pack-site.mjs (scripts/publish.sh); checked by scripts/check-site.mjs.',
    '',
  ];
  for (const rule of rules) {
    lines.push(rule.path);
    for (const [name, value] of rule.headers) lines.push(`  ${name}: ${value}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Parses a `_headers` file: a path line, then indented `Name: value` lines. */
export function parseHeaders(text) {
  const rules = [];
  let rule = null;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rule = { path: raw.trim(), headers: [] };
      rules.push(rule);
      continue;
    }
    const m = raw.trim().match(/^([A-Za-z0-9-]+)\s*:\s*(.*)$/);
    if (!rule || !m) throw new Error(`_headers line ${i + 1}: cannot read "${raw}"`);
    rule.headers.push([m[1], m[2]]);
  }
  return rules;
}

/** Whether a rule's path (`*` a splat, `:name` one segment) matches a URL path. */
export function pathMatches(pattern, urlPath) {
  const re = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${re}$`).test(urlPath);
}

/**
 * The headers a host sends for `urlPath`, as Netlify and Cloudflare Pages
 * combine them: every matching rule applies, and a header set by more than
 * one rule gets its values joined with ", ". Keys are lower case.
 */
export function headersFor(rules, urlPath) {
  const out = new Map();
  for (const rule of rules) {
    if (!pathMatches(rule.path, urlPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
    }
  }
  return out;
}

/** Writes `<file>.gz` and `<file>.br` beside each compressible file; returns what it wrote. */
export function precompress(dir) {
  const written = [];
  for (const rel of listFiles(dir).filter((f) => !NOT_CONTENT(f) && COMPRESSIBLE.test(f))) {
    const path = join(dir, rel);
    const body = readFileSync(path);
    const gz = gzipSync(body, { level: 9 });
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: rel.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    // A copy no smaller than the file is left out: the host sends the file.
    for (const [ext, data] of [['gz', gz], ['br', br]]) {
      if (data.length >= body.length) continue;
      writeFileSync(`${path}.${ext}`, data);
      written.push({ rel: `${rel}.${ext}`, size: data.length, original: body.length });
    }
  }
  return written;
}

function main() {
  const [dirArg, siteUrl] = process.argv.slice(2);
  if (!dirArg || !siteUrl) {
    console.error('usage: node scripts/pack-site.mjs <site-dir> <SITE_URL>');
    process.exit(2);
  }
  const dir = resolve(dirArg);
  const written = precompress(dir);
  const rules = headerRules(dir, siteUrl);
  writeFileSync(join(dir, '_headers'), formatHeaders(rules, siteUrl));
  console.log(`pack-site.mjs: ${written.length} pre-compressed copies (.gz, .br), _headers with ${rules.length} rules`);
  for (const w of written.filter((x) => x.rel.includes('.wasm.'))) {
    console.log(`pack-site.mjs: ${w.rel}: ${w.size} B (from ${w.original} B)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
