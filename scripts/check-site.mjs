// Checks a built site before it is uploaded, and fails with the list of
// problems: run by scripts/publish.sh, and alone by the tests.
// Usage: node scripts/check-site.mjs <site-dir> <SITE_URL>
//
// - Content-Security-Policy: each page's script-src allows exactly the
//   inline scripts the page holds, by their SHA-256 (Trunk's loader in
//   index.html), and nothing inline that the policy would refuse.
// - Every file a page, a stylesheet, a script, the service worker or a web
//   manifest names exists in the site (and matches its integrity hash).
// - og:url, og:image and twitter:image are absolute and start with SITE_URL.
// - Nothing refers outside the site's path: no root-relative `/…` address
//   (it would break under a sub-path), no `../` above the site, no page
//   resource from another origin (links out, <a href>, are fine).
// - When pack-site.mjs has run: `_headers` sends each page's policy as a
//   header equal to its meta tag, never forbids framing, caches hashed files
//   for a year and revalidates the rest; each .gz/.br decompresses to its file.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import {
  HASHED, IMMUTABLE, REVALIDATE, NOT_CONTENT, siteBase, listFiles, metaCsp, parseHeaders, headersFor,
} from './pack-site.mjs';

const decode = (s) => s
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The attributes of a start tag's inside (`a="1" b='2' c=3 d`). */
function attributes(inside) {
  const out = {};
  for (const m of inside.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Inline script bodies exactly as finish-html.mjs hashes them. */
export function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    if (/\ssrc\s*=/.test(m[1] ?? '')) continue;
    out.push(m[2]);
  }
  return out;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function directive(csp, name) {
  const d = csp.split(';').map((x) => x.trim()).find((x) => x.split(/\s+/)[0] === name);
  return d ? d.split(/\s+/).slice(1) : null;
}

export function checkSite(dirArg, siteUrl) {
  const dir = resolve(dirArg);
  const problems = [];
  const fail = (file, message) => problems.push(`${file}: ${message}`);
  let base;
  try {
    base = siteBase(siteUrl);
  } catch {
    return { problems: [`SITE_URL "${siteUrl}" is not an absolute address`], references: 0 };
  }
  if (!/^https?:$/.test(base.protocol)) problems.push(`SITE_URL "${siteUrl}" must start with https:// or http://`);
  if (!existsSync(join(dir, 'index.html'))) {
    return { problems: [...problems, `${dir}: no index.html`], references: 0 };
  }
  const files = listFiles(dir);
  const content = files.filter((f) => !NOT_CONTENT(f));
  const read = (rel) => readFileSync(join(dir, rel), 'utf8');
  const urlOf = (rel) => new URL(rel, base);
  let references = 0;

  /** The site file an address inside the site names, or null when there is none. */
  const fileAt = (url) => {
    const rel = decodeURIComponent(url.pathname.slice(base.pathname.length));
    const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
    return candidates.find((c) => existsSync(join(dir, c)) && statSync(join(dir, c)).isFile()) ?? null;
  };
  const inside = (url) => url.origin === base.origin && url.pathname.startsWith(base.pathname);

  /**
   * One address found in `from`: `kind` is "load" (the page fetches it: it
   * must be in the site) or "link" (a reader may follow it out). Returns the
   * site file it names, if any.
   */
  const reference = (from, raw, kind, against = urlOf(from)) => {
    const value = raw.trim();
    if (value === '' || value.startsWith('#') || /^(data|blob|mailto|tel|about|javascript):/i.test(value)) return null;
    references += 1;
    if (value.startsWith('//')) {
      fail(from, `protocol-relative address "${value}" points outside the site`);
      return null;
    }
    if (value.startsWith('/')) {
      fail(from, `root-relative address "${value}" breaks when the site is served under a sub-path: make it relative`);
      return null;
    }
    const url = new URL(value, against);
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(value);
    if (!inside(url)) {
      if (absolute && kind === 'link') return null;
      fail(from, absolute
        ? `loads "${value}" from outside the site (${base.href})`
        : `"${value}" climbs out of the site's path (${base.pathname})`);
      return null;
    }
    const target = fileAt(url);
    if (!target) fail(from, `names "${value}", which is not in the site`);
    return target;
  };

  // Pages.
  const pages = content.filter((f) => f.endsWith('.html'));
  const scripts = new Map(); // script file -> the page whose document it runs in
  const loaders = new Map(); // page -> its inline scripts
  for (const page of pages) {
    const html = read(page);
    const csp = metaCsp(html);
    const inline = inlineScripts(html);
    const appPage = page === 'index.html' || page === 'index.en.html';
    if (appPage && !csp) fail(page, 'no Content-Security-Policy meta tag');
    if (csp) {
      if (csp.includes('__SCRIPT_HASHES__')) fail(page, 'the policy still holds the __SCRIPT_HASHES__ placeholder');
      const scriptSrc = directive(csp, 'script-src') ?? directive(csp, 'default-src') ?? [];
      const allowed = scriptSrc.filter((s) => /^'sha(256|384|512)-/.test(s)).sort();
      const needed = [...new Set(inline.map(sha256))].sort();
      const inlineOk = scriptSrc.includes("'unsafe-inline'") && allowed.length === 0;
      if (!inlineOk && JSON.stringify(allowed) !== JSON.stringify(needed)) {
        fail(page, `script-src allows ${allowed.join(' ') || 'no hash'} but the inline scripts hash to ${needed.join(' ') || 'nothing'}`);
      }
      if (directive(csp, 'frame-ancestors')?.includes("'none'")) fail(page, "frame-ancestors 'none' forbids embedding in articles");
      const styleSrc = directive(csp, 'style-src') ?? directive(csp, 'default-src') ?? [];
      const stripped = html.replace(/<script\b[\s\S]*?<\/script>/g, '');
      if (!styleSrc.includes("'unsafe-inline'") && /<style\b|\sstyle\s*=\s*["']/i.test(stripped)) {
        fail(page, 'inline styles, which its style-src refuses');
      }
      if (!scriptSrc.includes("'unsafe-inline'") && /<[a-z][^>]*\son[a-z]+\s*=/i.test(stripped)) {
        fail(page, 'inline event handlers (on…=), which its script-src refuses');
      }
    }
    // Module imports in inline scripts (Trunk's loader), resolved against the page.
    loaders.set(page, inline.join('\n'));
    for (const body of inline) {
      for (const m of body.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|module_or_path\s*:\s*|\bfetch\(\s*)(['"])([^'"]+)\1/g)) {
        const target = reference(page, m[2], 'load');
        if (target?.endsWith('.js')) scripts.set(target, page);
      }
      // The loader fetches the wasm with an integrity hash: it must match.
      for (const m of body.matchAll(/\bfetch\(\s*(['"])([^'"]+)\1\s*,\s*\{\s*integrity:\s*(['"])([^'"]+)\3/g)) {
        const target = reference(page, m[2], 'load');
        if (!target || !existsSync(join(dir, target))) continue;
        const [alg, digest] = [m[4].slice(0, m[4].indexOf('-')), m[4].slice(m[4].indexOf('-') + 1)];
        const ok = ['sha256', 'sha384', 'sha512'].includes(alg) && createHash(alg).update(readFileSync(join(dir, target))).digest('base64') === digest;
        if (!ok) fail(page, `integrity of "${m[2]}" does not match the file`);
      }
    }
    const seenCard = new Set();
    const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
    for (const m of markup.matchAll(/<([a-z][a-z0-9-]*)\b([^>]*)>/gi)) {
      const tag = m[1].toLowerCase();
      const attrs = attributes(m[2]);
      if (tag === 'meta') {
        if (appPage) seenCard.add((attrs.property ?? attrs.name ?? '').toLowerCase());
        const prop = (attrs.property ?? attrs.name ?? '').toLowerCase();
        if (['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image'].includes(prop)) {
          const value = attrs.content ?? '';
          if (!/^https?:\/\//.test(value)) fail(page, `${prop} "${value}" must be absolute (link previews need it): build with SITE_URL`);
          else if (!value.startsWith(base.href)) fail(page, `${prop} "${value}" does not start with ${base.href}`);
          else reference(page, value, 'load');
        }
        continue;
      }
      const link = tag === 'a' || tag === 'area' || (tag === 'link' && /\b(canonical|alternate|author|license|help|me)\b/i.test(attrs.rel ?? ''));
      for (const name of ['src', 'href', 'poster', 'data', 'action', 'formaction']) {
        if (!(name in attrs)) continue;
        const target = reference(page, attrs[name], link ? 'link' : 'load');
        if (!target) continue;
        if (tag === 'script') scripts.set(target, page);
        if (tag === 'link' && /\bmanifest\b/i.test(attrs.rel ?? '')) checkManifest(target);
        if (attrs.integrity) {
          const body = readFileSync(join(dir, target));
          const ok = attrs.integrity.split(/\s+/).some((sri) => {
            const [alg, digest] = [sri.slice(0, sri.indexOf('-')), sri.slice(sri.indexOf('-') + 1)];
            return ['sha256', 'sha384', 'sha512'].includes(alg) && createHash(alg).update(body).digest('base64') === digest;
          });
          if (!ok) fail(page, `integrity of "${attrs[name]}" does not match the file`);
        }
      }
      if (attrs.srcset) for (const part of attrs.srcset.split(',')) reference(page, part.trim().split(/\s+/)[0], 'load');
    }
    if (appPage) {
      for (const prop of ['og:url', 'og:image', 'twitter:image']) if (!seenCard.has(prop)) fail(page, `no ${prop} meta tag: build with SITE_URL`);
    }
  }

  // Web manifest (none today; checked if a page names one).
  function checkManifest(rel) {
    let manifest;
    try {
      manifest = JSON.parse(read(rel));
    } catch (e) {
      fail(rel, `is not valid JSON (${e.message})`);
      return;
    }
    for (const key of ['start_url', 'scope']) if (manifest[key]) reference(rel, manifest[key], 'load');
    for (const list of ['icons', 'screenshots']) for (const item of manifest[list] ?? []) reference(rel, item.src ?? '', 'load');
  }

  // Scripts: module imports and `new URL(…, import.meta.url)` resolve against
  // the script; service-worker registrations and fetches against the page.
  const registered = new Set();
  for (const [rel, page] of scripts) {
    const js = read(rel);
    for (const m of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)(['"])([^'"]+)\1|(module_or_path\s*=\s*)?new\s+URL\(\s*(['"])([^'"]+)\4\s*,\s*import\.meta\.url/g)) {
      // wasm-bindgen's glue falls back to its own, unhashed wasm name only
      // when the loader passes none; Trunk's loader passes the hashed one.
      if (m[3] && loaders.get(page)?.includes('module_or_path')) continue;
      reference(rel, m[2] ?? m[5], 'load', urlOf(rel));
    }
    for (const m of js.matchAll(/serviceWorker\.register\(\s*(['"])([^'"]+)\1/g)) {
      const target = reference(rel, m[2], 'load', urlOf(page));
      if (target) registered.add(target);
    }
    for (const m of js.matchAll(/\bfetch\(\s*(['"])([^'"]+)\1/g)) reference(rel, m[2], 'load', urlOf(page));
  }
  for (const rel of registered) {
    const js = read(rel);
    for (const m of js.matchAll(/(?:\bimportScripts\(\s*|\bfetch\(\s*|new\s+URL\(\s*)(['"])([^'"]+)\1/g)) reference(rel, m[2], 'load');
  }

  // Root-relative or other-origin addresses anywhere in text files.
  for (const rel of content) {
    if (/\.(js|mjs)$/.test(rel)) {
      const js = read(rel);
      for (const m of js.matchAll(/(['"`])(\/[A-Za-z0-9_][^'"`\s]*)\1/g)) {
        fail(rel, `string "${m[2]}" is a root-relative address: it breaks under a sub-path`);
      }
      for (const m of js.matchAll(/\b(?:importScripts|fetch|import)\(\s*(['"])(https?:\/\/[^'"]+)\1/g)) reference(rel, m[2], 'load');
    } else if (rel.endsWith('.css')) {
      const css = read(rel);
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) reference(rel, m[2] ?? m[4], 'load');
    } else if (rel.endsWith('.svg')) {
      for (const m of read(rel).matchAll(/\s(?:xlink:)?href\s*=\s*(['"])([^'"]+)\1/g)) reference(rel, m[2], 'load');
    }
  }

  // Headers and compressed copies, once pack-site.mjs has written them.
  if (files.includes('_headers')) checkHeaders();
  function checkHeaders() {
    let rules;
    try {
      rules = parseHeaders(read('_headers'));
    } catch (e) {
      fail('_headers', e.message);
      return;
    }
    for (const rule of rules) {
      if (!rule.path.startsWith(base.pathname)) fail('_headers', `rule "${rule.path}" is outside ${base.pathname}`);
      if (!rule.path.includes('*') && !rule.path.includes(':') && !fileAt(new URL(rule.path, base.origin))) {
        fail('_headers', `rule "${rule.path}" names no file in the site`);
      }
    }
    for (const rel of content) {
      const paths = [base.pathname + rel];
      if (rel === 'index.html' || rel.endsWith('/index.html')) paths.push(base.pathname + rel.slice(0, -'index.html'.length));
      for (const path of paths) {
        const h = headersFor(rules, path);
        const expected = HASHED.test(rel) ? IMMUTABLE : REVALIDATE;
        if (h.get('cache-control') !== expected) {
          fail('_headers', `${path}: Cache-Control is "${h.get('cache-control') ?? '(none)'}", should be "${expected}"`);
        }
        if (h.get('x-content-type-options') !== 'nosniff') fail('_headers', `${path}: no X-Content-Type-Options: nosniff`);
        if (!h.get('referrer-policy')) fail('_headers', `${path}: no Referrer-Policy`);
        if (h.has('x-frame-options')) fail('_headers', `${path}: X-Frame-Options forbids embedding in articles`);
        if (/frame-ancestors\s+'none'/.test(h.get('content-security-policy') ?? '')) {
          fail('_headers', `${path}: frame-ancestors 'none' forbids embedding in articles`);
        }
        if (rel.endsWith('.html')) {
          const meta = metaCsp(read(rel));
          if (meta && h.get('content-security-policy') !== meta) {
            fail('_headers', `${path}: the Content-Security-Policy header differs from the page's meta tag`);
          }
        }
      }
    }
  }
  for (const rel of files.filter((f) => /\.(gz|br)$/.test(f))) {
    const original = rel.slice(0, -3);
    if (!existsSync(join(dir, original))) {
      fail(rel, `compressed copy of "${original}", which is not in the site`);
      continue;
    }
    const packed = readFileSync(join(dir, rel));
    let unpacked;
    try {
      unpacked = rel.endsWith('.gz') ? gunzipSync(packed) : brotliDecompressSync(packed);
    } catch (e) {
      fail(rel, `does not decompress (${e.message})`);
      continue;
    }
    if (!unpacked.equals(readFileSync(join(dir, original)))) fail(rel, `is not a copy of "${original}" (stale?)`);
  }
  return { problems: [...new Set(problems)], references, files: content.length };
}

function main() {
  const [dir, siteUrl] = process.argv.slice(2);
  if (!dir || !siteUrl) {
    console.error('usage: node scripts/check-site.mjs <site-dir> <SITE_URL>');
    process.exit(2);
  }
  const { problems, references, files } = checkSite(dir, siteUrl);
  if (problems.length > 0) {
    console.error(`check-site.mjs: ${problems.length} problem(s) in ${resolve(dir)} for ${siteUrl}:`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`check-site.mjs: ${resolve(dir)} is ready for ${siteBase(siteUrl).href} (${files} files, ${references} addresses checked)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
