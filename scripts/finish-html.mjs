// Trunk post-build hook, three jobs on the built index.html:
// 0. Makes one page a language from it: index.html (Japanese) and
// index.en.html (English), each with its language's story printed between
// <!-- story:begin --> and <!-- story:end --> (every beat, rendered by the
// app's own views natively: crates/sitegen), its title and description, and
// links to the other; and starts the app's loader only after the first
// paint, picking the lab's own wasm where the address opens the lab (see
// startAfterFirstPaint and labFiles below). The page generator also joins
// Trunk's style sheets into one minified file, which the page then names
// in their place (sheetsOf, withOneSheet).
// 1. Fills in the Content-Security-Policy. Trunk writes the app's loader as an inline module script; the
// policy allows exactly that script by its SHA-256 hash (no 'unsafe-inline'),
// WebAssembly compilation by 'wasm-unsafe-eval' (no 'unsafe-eval'), and
// everything else from this origin only. Fails the build if the placeholder
// or the loader is missing, so a page can never ship without its policy.
// 2. With SITE_URL set (e.g. SITE_URL=https://example.org/aws-outage/), makes
// the social card's image address absolute and adds og:url, as link
// previews require; without it they stay relative (fine for local use).
import { readFileSync, writeFileSync, mkdtempSync, rmSync, renameSync, unlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const PLACEHOLDER = '__SCRIPT_HASHES__';
// Where the page generator writes the joined style sheets, before naming.
const SHEET_BUNDLE = 'style.css';
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('finish-html.mjs: run me as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const [source, stories] = (() => {
  const page = readFileSync(file, 'utf8');
  const sheets = sheetsOf(page);
  const stories = printStories(sheets);
  return [withOneSheet(page, sheets), stories];
})();
const LAB = labFiles();
const ROOT = join(import.meta.dirname, '..');
const words = (lang) => JSON.parse(readFileSync(join(ROOT, 'locales', `${lang}.json`), 'utf8'));
// The page of each language, relative to the site's folder (the app's
// links and public/boot.js name the same two).
const PAGES = { ja: 'index.html', en: 'index.en.html' };
// public/zone.js writes the printed times in another zone with the same
// words as the app's clock: each language's time.* and tz.* texts.
const ZONE_JS = join(dir, 'public', 'zone.js');
const CLOCK_WORDS = '{} /* clock words */';
const clockWords = Object.fromEntries(
  Object.keys(PAGES).map((lang) => [
    lang,
    Object.fromEntries(Object.entries(words(lang)).filter(([k]) => k.startsWith('time.') || k.startsWith('tz.'))),
  ]),
);
const zoneJs = readFileSync(ZONE_JS, 'utf8').split(CLOCK_WORDS);
if (zoneJs.length !== 2) {
  console.error(`finish-html.mjs: public/zone.js: expected one ${CLOCK_WORDS}, found ${zoneJs.length - 1}`);
  process.exit(1);
}
writeFileSync(ZONE_JS, zoneJs.join(JSON.stringify(clockWords)));
for (const [lang, name] of Object.entries(PAGES)) {
  const page = finish(startAfterFirstPaint(forLanguage(withStory(source, stories[lang]), lang, stories[lang])), name);
  writeFileSync(join(dir, name), page);
}

/** `page` with `from` replaced by `to` exactly once, or the build fails. */
function once(page, from, to, what) {
  const n = typeof from === 'string' ? page.split(from).length - 1 : (page.match(new RegExp(from.source, 'g')) ?? []).length;
  if (n !== 1) {
    console.error(`finish-html.mjs: ${what}: expected one match in index.html, found ${n}`);
    process.exit(1);
  }
  return page.replace(from, to);
}

/** One language's page: its lang, title, description, and the other's address. */
function forLanguage(page, lang, story) {
  const other = lang === 'ja' ? 'en' : 'ja';
  const href = (l) => (l === 'ja' ? './' : PAGES[l]);
  const title = words(lang)['app.title'];
  // The beats per chapter, for boot.js to clamp a link's ?ch=&beat= as the
  // app does before anything is laid out.
  const counts = [];
  for (const m of story.matchAll(/<div class="pre-beat" data-ch="(\d+)"/g)) counts[Number(m[1]) - 1] = (counts[Number(m[1]) - 1] ?? 0) + 1;
  if (counts.length === 0 || counts.some((n) => !n)) {
    console.error('finish-html.mjs: the printed story has a chapter without beats');
    process.exit(1);
  }
  let out = once(page, /<html lang="[^"]*">/, `<html lang="${lang}" data-beats="${counts.join(',')}">`, 'the <html> tag');
  out = once(out, /<title>[^<]*<\/title>/, `<title>${title}</title>`, 'the <title>');
  // Each page names the other for search engines, which want full
  // addresses: only where the site's address is known (SITE_URL).
  const site = process.env.SITE_URL;
  if (site) {
    const base = new URL(site.endsWith('/') ? site : `${site}/`);
    const abs = (l) => new URL(href(l), base).href;
    out = once(
      out,
      '<meta name="color-scheme"',
      `<link rel="alternate" hreflang="${other}" href="${abs(other)}" />\n    <link rel="alternate" hreflang="${lang}" href="${abs(lang)}" />\n    <meta name="color-scheme"`,
      'the color-scheme meta tag (where hreflang goes)',
    );
  }
  if (lang === 'en') {
    // The card's description has both languages, "ja / en": the English
    // page says its own.
    const both = out.match(/<meta property="og:description" content="([^"]*)"/)?.[1] ?? '';
    const english = both.split(' / ').slice(1).join(' / ');
    if (!english) {
      console.error('finish-html.mjs: og:description has no " / English" half for the English page');
      process.exit(1);
    }
    out = once(out, /(<meta name="description" content=")[^"]*(")/, `$1${english}$2`, 'the description');
    out = once(out, '<meta property="og:locale" content="ja_JP" />', '<meta property="og:locale" content="en_US" />', 'og:locale');
    out = once(out, '<meta property="og:locale:alternate" content="en_US" />', '<meta property="og:locale:alternate" content="ja_JP" />', 'og:locale:alternate');
  }
  return out;
}

/** The policy's script hashes, and the card's absolute addresses with SITE_URL. */
function finish(html, name) {
  if (!html.includes(PLACEHOLDER)) {
    console.error(`finish-html.mjs: ${name} has no ${PLACEHOLDER} in its CSP meta tag`);
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
  console.log(`finish-html.mjs: ${name}: ${hashes.length} inline script(s) allowed by hash`);
  if (process.env.TRUNK_PROFILE === 'debug') {
    // `trunk serve` adds its live-reload script after this hook has run, so no
    // hash can allow it: development builds go without the policy. Release
    // builds (the ones tested and deployed) always carry it.
    out = out.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/, '');
    console.log(`finish-html.mjs: ${name}: debug build: Content-Security-Policy left out for live reload`);
  }
  const site = process.env.SITE_URL;
  if (site) {
    const base = new URL(site.endsWith('/') ? site : `${site}/`);
    const abs = (rel) => new URL(rel, base).href;
    const self = name === 'index.html' ? base.href : abs(name);
    out = out
      .replace(/(<meta property="og:image" content=")([^"]+)(")/, (_, a, rel, b) => a + abs(rel) + b)
      .replace(/(<meta name="twitter:image" content=")([^"]+)(")/, (_, a, rel, b) => a + abs(rel) + b)
      .replace('<meta property="og:type"', `<meta property="og:url" content="${self}" />\n    <meta property="og:type"`);
    console.log(`finish-html.mjs: ${name}: social card addresses made absolute under ${base.href}`);
  }
  return out;
}

/** `story` put between the page's markers. */
function withStory(page, story) {
  const [begin, end] = ['<!-- story:begin -->', '<!-- story:end -->'];
  const at = page.indexOf(begin);
  const until = page.indexOf(end);
  if (at < 0 || until < at) {
    console.error('finish-html.mjs: index.html has no <!-- story:begin --><!-- story:end --> markers');
    process.exit(1);
  }
  return page.slice(0, at + begin.length) + story + page.slice(until);
}

/**
 * Each language's story, printed by crates/sitegen, which also joins the
 * style sheets Trunk wrote (`sheets`, in the staging folder, in the page's
 * order) into one minified file, SHEET_BUNDLE.
 */
function printStories(sheets) {
  const tmp = mkdtempSync(join(tmpdir(), 'sitegen-'));
  const out = tmp;
  // Natively, with the tests' profile (its build is shared with `cargo test`).
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '-p', 'dns-race-sitegen', '--', out, '--css', join(dir, SHEET_BUNDLE), ...sheets.map((f) => join(dir, f))], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  // Leptos's debug build notes reads outside a reactive context; the
  // generator reads on purpose (it prints once), so those notes are noise.
  const noise = /outside a reactive tracking context/;
  const said = (run.stderr ?? '').split('\n').filter((l) => l.trim() && !noise.test(l));
  if (run.status !== 0) {
    console.error(`finish-html.mjs: the page generator failed:\n${said.join('\n')}`);
    process.exit(1);
  }
  const stories = Object.fromEntries(['ja', 'en'].map((l) => [l, readFileSync(join(tmp, `story.${l}.html`), 'utf8')]));
  rmSync(tmp, { recursive: true, force: true });
  console.log(`finish-html.mjs: story printed (ja ${stories.ja.length} B, en ${stories.en.length} B)`);
  return stories;
}

/**
 * The style sheets Trunk linked (`<link rel="stylesheet" href="./…css">`),
 * in the page's order. Fails the build if there are none.
 */
function sheetsOf(page) {
  const names = [...page.matchAll(/<link rel="stylesheet" href="\.\/([^"/]+\.css)" integrity="[^"]+"\/>/g)].map((m) => m[1]);
  if (names.length === 0) {
    console.error('finish-html.mjs: index.html links no style sheet; did Trunk change how it writes them?');
    process.exit(1);
  }
  return names;
}

/**
 * The page naming the one joined sheet where Trunk's first link was (the
 * others gone), under a name with its content's hash (`style-<16 hex>.css`,
 * as Trunk names files, so hosts may keep it for a year) and with its
 * integrity hash; Trunk's separate sheets are deleted.
 */
function withOneSheet(page, sheets) {
  const bytes = readFileSync(join(dir, SHEET_BUNDLE));
  const name = `style-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.css`;
  renameSync(join(dir, SHEET_BUNDLE), join(dir, name));
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  let out = page;
  sheets.forEach((sheet, i) => {
    const link = new RegExp(`[ \\t]*<link rel="stylesheet" href="\\./${sheet.replace(/[.]/g, '\\.')}" integrity="[^"]+"\\/>\\n?`);
    const one = `    <link rel="stylesheet" href="./${name}" integrity="${integrity}"/>\n`;
    out = out.replace(link, i === 0 ? one : '');
    unlinkSync(join(dir, sheet));
  });
  console.log(`finish-html.mjs: ${sheets.length} style sheets joined and minified into ${name} (${bytes.length} B)`);
  return out;
}

/**
 * Trunk's loader imports the app's script and fetches the wasm as soon as the
 * page is parsed, and asks for both early with preload links. The reader's
 * first paint needs neither (the story is in the page), so: no preloads, and
 * the loader's work runs once the page has loaded and painted (a frame after
 * the load event, then a task), so the wasm never competes with the first
 * paint for the network or the main thread.
 */
function startAfterFirstPaint(page) {
  // The wasm keeps its integrity check: the loader fetches it with the hash
  // Trunk gave its preload link.
  const wasmLink = page.match(/<link rel="preload"[^>]*href="([^"]+\.wasm)"[^>]*>/);
  const integrity = wasmLink?.[0].match(/integrity="([^"]+)"/)?.[1];
  let out = page.replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
  const loader = /(<script type="module"[^>]*>)([\s\S]*?)(<\/script>)/;
  const m = out.match(loader);
  if (!m || !/import init, \* as bindings from '([^']+)'/.test(m[2])) {
    console.error("finish-html.mjs: Trunk's module loader not found; did Trunk change how it loads the app?");
    process.exit(1);
  }
  // A static import would fetch at once: make it a dynamic one, run later.
  let body = m[2]
    .replace(/import init, \* as bindings from '([^']+)';/, "const bindings = await import('$1');\nconst init = bindings.default;");
  if (integrity && wasmLink) {
    const path = wasmLink[1];
    body = body.replace(`module_or_path: '${path}'`, `module_or_path: fetch('${path}', { integrity: '${integrity}' })`);
    if (!body.includes('integrity')) {
      console.error("finish-html.mjs: could not give the wasm's fetch its integrity hash");
      process.exit(1);
    }
  }
  // The lab has a wasm of its own (src/bin/lab.rs, built by Trunk as a
  // "worker" beside the story's): the loader picks it where the app will
  // open the lab, reading the address as the app does (crates/story's
  // share::decode: the first view= is exactly "playground" once trimmed, or
  // the first embed= is "playground" in any case). Where the two could
  // disagree (embed=race&view=playground) it picks the lab's, which also
  // carries the story: never a wasm without the view asked for.
  const storyImport = body.match(/await import\(('[^']+')\);/);
  const storyFetch = body.match(/module_or_path: (fetch\('[^']+', \{ integrity: '[^']+' \}\))/);
  if (!storyImport || !storyFetch) {
    console.error("finish-html.mjs: could not find the loader's import and fetch to add the lab's wasm beside them");
    process.exit(1);
  }
  body = body
    .replace(
      storyImport[0],
      `await (lab ? import('./${LAB.js}') : import(${storyImport[1]}));`,
    )
    .replace(
      storyFetch[0],
      `module_or_path: lab ? fetch('./${LAB.wasm}', { integrity: '${LAB.integrity}' }) : ${storyFetch[1]}`,
    );
  body = `\nconst asked = new URLSearchParams(location.search);\nconst lab = (asked.get('view') ?? '').trim() === 'playground'\n  || (asked.get('embed') ?? '').trim().toLowerCase() === 'playground';${body}`;
  const later = `\nconst afterFirstPaint = () => new Promise((go) => {\n  const paint = () => requestAnimationFrame(() => setTimeout(go, 0));\n  if (document.readyState === 'complete') paint();\n  else addEventListener('load', paint, { once: true });\n});\nafterFirstPaint().then(async () => {${body}}).catch(() => {\n  // The wasm or its script did not arrive: say so where "Loading…" was\n  // (the printed story goes on working).\n  document.documentElement.classList.add('app-failed');\n});\n`;
  return out.replace(loader, `${m[1]}${later}${m[3]}`);
}

/**
 * The lab's wasm and script, which Trunk writes under the binary's own name
 * (a "worker" gets no hashed name): renamed here as Trunk names the story's
 * (`<name>-<16 hex>`), so hosts may keep them for a year like the rest
 * (scripts/pack-site.mjs), with the wasm's integrity hash for the loader.
 */
function labFiles() {
  const [js, wasm] = ['dns-race-lab.js', 'dns-race-lab_bg.wasm'].map((f) => join(dir, f));
  let bytes;
  try {
    bytes = readFileSync(wasm);
  } catch {
    console.error(`finish-html.mjs: the lab's wasm (${wasm}) is missing; is its <link data-trunk rel="rust" data-bin="dns-race-lab"> in index.html?`);
    process.exit(1);
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const named = { js: `dns-race-lab-${hash}.js`, wasm: `dns-race-lab-${hash}_bg.wasm` };
  renameSync(js, join(dir, named.js));
  renameSync(wasm, join(dir, named.wasm));
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  console.log(`finish-html.mjs: the lab's wasm is ${named.wasm}`);
  return { ...named, integrity };
}
