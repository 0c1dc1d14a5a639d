// scripts/check-site.mjs on the published site, and on copies of it broken
// one way at a time: each break must fail the check with a message that
// names it. Also the archive publish.sh wrote. No browser needed.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, renameSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listFiles } from '../../scripts/pack-site.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = process.env.E2E_SITE;

function check(dir, siteUrl) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check-site.mjs'), dir, siteUrl], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** A copy of the published site, changed by `edit(dir)`. */
function brokenCopy(edit) {
  const dir = mkdtempSync(join(tmpdir(), 'check-site-'));
  cpSync(SITE, dir, { recursive: true });
  edit(dir);
  return dir;
}
const editFile = (dir, rel, change) => writeFileSync(join(dir, rel), change(readFileSync(join(dir, rel), 'utf8')));

test('the published site passes every check', async ({ baseURL }) => {
  const { code, out } = check(SITE, baseURL);
  expect(out).toContain('is ready for');
  expect(code).toBe(0);
});

const BREAKS = [
  {
    name: 'an asset renamed, so index.html names a file that is not there',
    edit: (dir) => {
      const css = readdirSync(dir).find((f) => /^style-[0-9a-f]{16}\.css$/.test(f));
      renameSync(join(dir, css), join(dir, css.replace(/-[0-9a-f]{8,16}/, '-0000000000000000')));
      return css;
    },
    expect: (css) => `names "./${css}", which is not in the site`,
  },
  {
    name: 'the wasm renamed',
    edit: (dir) => {
      const wasm = readdirSync(dir).find((f) => f.endsWith('.wasm'));
      renameSync(join(dir, wasm), join(dir, 'app.wasm'));
      return wasm;
    },
    expect: (wasm) => `names "./${wasm}", which is not in the site`,
  },
  {
    name: 'the inline loader changed after its hash was taken',
    edit: (dir) => editFile(dir, 'index.html', (h) => h.replace('window.wasmBindings = bindings;', 'window.wasmBindings = bindings; window.x = 1;')),
    expect: () => 'but the inline scripts hash to',
  },
  {
    name: 'an asset changed after its integrity hash was taken',
    edit: (dir) => {
      const css = readdirSync(dir).find((f) => /^style-[0-9a-f]{16}\.css$/.test(f));
      appendFileSync(join(dir, css), '\n/* changed */\n');
      return css;
    },
    expect: (css) => `integrity of "./${css}" does not match the file`,
  },
  {
    name: 'a root-relative address',
    edit: (dir) => editFile(dir, 'index.html', (h) => h.replace('href="public/favicon.svg"', 'href="/public/favicon.svg"')),
    expect: () => 'root-relative address "/public/favicon.svg" breaks when the site is served under a sub-path',
  },
  {
    name: 'a root-relative address in a script',
    edit: (dir) => editFile(dir, 'public/boot.js', (js) => js.replace("register('sw.js')", "register('/sw.js')")),
    expect: () => 'root-relative address "/sw.js"',
  },
  {
    name: 'a script from another site',
    edit: (dir) => editFile(dir, 'index.html', (h) => h.replace('</head>', '<script src="https://cdn.example.com/x.js"></script></head>')),
    expect: () => 'loads "https://cdn.example.com/x.js" from outside the site',
  },
  {
    name: 'a relative social card',
    edit: (dir) => editFile(dir, 'index.html', (h) => h.replace(/(<meta property="og:image" content=")[^"]+"/, '$1public/card.png"')),
    expect: () => 'og:image "public/card.png" must be absolute',
  },
  {
    name: 'a stale pre-compressed copy',
    edit: (dir) => {
      const js = readdirSync(dir).find((f) => /^dns-race-explainer-[0-9a-f]{8,16}\.js$/.test(f));
      cpSync(join(dir, 'sw.js.gz'), join(dir, `${js}.gz`));
      return js;
    },
    expect: (js) => `${js}.gz: is not a copy of "${js}"`,
  },
  {
    name: '_headers that forbid framing',
    edit: (dir) => editFile(dir, '_headers', (t) => t.replace('  X-Content-Type-Options: nosniff', '  X-Content-Type-Options: nosniff\n  X-Frame-Options: DENY')),
    expect: () => 'X-Frame-Options forbids embedding in articles',
  },
  {
    name: '_headers whose CSP differs from the meta tag',
    edit: (dir) => editFile(dir, '_headers', (t) => t.replace(/(Content-Security-Policy: [^\n]*)'wasm-unsafe-eval' /, '$1')),
    expect: () => "the Content-Security-Policy header differs from the page's meta tag",
  },
  {
    name: '_headers that cache index.html for a year',
    edit: (dir) => editFile(dir, '_headers', (t) => t.replace(/(\/index\.html\n(?:  [^\n]*\n)*?  Cache-Control: )no-cache/, '$1public, max-age=31536000, immutable')),
    expect: () => 'index.html: Cache-Control is "public, max-age=31536000, immutable", should be "no-cache"',
  },
];

for (const b of BREAKS) {
  test(`check-site.mjs fails on ${b.name}`, async ({ baseURL }) => {
    let detail;
    const dir = brokenCopy((d) => {
      detail = b.edit(d);
    });
    try {
      const { code, out } = check(dir, baseURL);
      expect(out).toContain(b.expect(detail));
      expect(code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('check-site.mjs fails when the site was built for another address', async () => {
  const { code, out } = check(SITE, 'https://example.org/elsewhere/');
  expect(out).toContain('og:url');
  expect(out).toContain('does not start with https://example.org/elsewhere/');
  expect(code).toBe(1);
});

test('the archive holds exactly the published files, named by version and commit', async () => {
  const out = dirname(SITE);
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const version = cargo.match(/^version\s*=\s*"([^"]+)"/m)[1];
  const archives = readdirSync(out).filter((f) => f.endsWith('.tar.gz'));
  expect(archives).toHaveLength(1);
  expect(archives[0]).toMatch(new RegExp(`^dns-race-explainer-${version.replace(/\./g, '\\.')}-([0-9a-f]{7,}(-dirty)?|nogit)\\.tar\\.gz$`));
  const listed = spawnSync('tar', ['-tzf', join(out, archives[0])], { encoding: 'utf8' }).stdout
    .split('\n').filter((l) => l && !l.endsWith('/')).map((l) => l.replace(/^\.\//, '')).sort();
  expect(listed).toEqual(listFiles(SITE));
});
