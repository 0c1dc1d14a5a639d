// .github/workflows/pages.yml: every action pinned to a version tag, every
// tool it installs pinned to a version, and the versions the same as the
// ones scripts/lib.sh and Trunk.toml use. The checker is tested on a
// mangled copy too, so a loosened pin cannot slip through a blind check.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const read = (rel) => readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8');
const WORKFLOW = read('.github/workflows/pages.yml');
const LIB = read('scripts/lib.sh');
const pinOf = (name) => LIB.match(new RegExp(`^${name}=(\\S+)$`, 'm'))[1];
const PINS = {
  trunk: pinOf('TRUNK_VERSION'),
  'wasm-bindgen-cli': pinOf('WASM_BINDGEN_VERSION'),
};
const EXACT = /^\d+\.\d+\.\d+$/;

/** Every problem with the pins of a workflow's text; [] when all is pinned. */
function unpinned(text) {
  const problems = [];
  const wf = parse(text);
  for (const [jobName, job] of Object.entries(wf.jobs ?? {})) {
    for (const [i, step] of (job.steps ?? []).entries()) {
      const where = `${jobName} step ${i + 1}${step.name ? ` (${step.name})` : ''}`;
      const env = { ...wf.env, ...job.env, ...step.env };
      const expand = (s) => String(s)
        .replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (_, k) => env[k] ?? `<unset ${k}>`)
        .replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a, b) => (env[a ?? b] !== undefined ? String(env[a ?? b]) : m));
      if (step.uses) {
        const [action, ref] = step.uses.split('@');
        if (!action.startsWith('./') && !/^v\d+\.\d+\.\d+$/.test(ref ?? '') && !/^[0-9a-f]{40}$/.test(ref ?? '')) {
          problems.push(`${where}: ${step.uses} is not pinned to a version tag (vX.Y.Z) or a commit`);
        }
        if (/setup-(node|python|go|java)/.test(action)) {
          const version = expand(step.with?.['node-version'] ?? step.with?.['python-version'] ?? step.with?.['go-version'] ?? step.with?.['java-version'] ?? '');
          if (!EXACT.test(version)) problems.push(`${where}: ${action} installs version "${version}", not an exact one`);
        }
      }
      if (!step.run) continue;
      for (const raw of expand(step.run).split('\n')) {
        const line = raw.replace(/#.*$/, '').trim();
        const words = line.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
        const after = (flag) => words[words.indexOf(flag) + 1];
        if (/\bcargo install\b/.test(line)) {
          const crate = words[words.indexOf('install') + 1];
          const version = words.includes('--version') ? after('--version') : null;
          if (!version || !EXACT.test(version)) problems.push(`${where}: cargo install ${crate} without an exact --version`);
          else if (PINS[crate] && PINS[crate] !== version) problems.push(`${where}: ${crate} ${version}, but scripts/lib.sh pins ${PINS[crate]}`);
        }
        const rustup = line.match(/\brustup (?:toolchain install|default|install)\s+["']?([^\s"']+)/);
        if (rustup && !EXACT.test(rustup[1])) problems.push(`${where}: rustup toolchain "${rustup[1]}" is not an exact version`);
        if (/\bnpm (install|i|add)\b/.test(line)) problems.push(`${where}: "${line}": use npm ci (the lockfile pins every package)`);
        if (/\bnpx\s+(?!--no-install)([^\s@]+)(\s|$)/.test(line)) problems.push(`${where}: "${line}": npx without a version`);
        if (/\bpip3? install\b/.test(line) && !/==/.test(line)) problems.push(`${where}: "${line}": pip install without ==`);
        if (/\bapt(-get)? install\b/.test(line) && words.slice(words.indexOf('install') + 1).some((w) => !w.startsWith('-') && !w.includes('='))) {
          problems.push(`${where}: "${line}": apt install without =version`);
        }
        if (/\b(curl|wget)\b.*\|\s*(sudo\s+)?(ba)?sh\b/.test(line)) problems.push(`${where}: "${line}": a downloaded install script`);
      }
    }
  }
  return problems;
}

test('pages.yml pins every action and every tool it installs', () => {
  expect(unpinned(WORKFLOW)).toEqual([]);
});

test('pages.yml installs the versions scripts/lib.sh and Trunk.toml use', () => {
  const wf = parse(WORKFLOW);
  expect(wf.env.TRUNK_VERSION).toBe(PINS.trunk);
  expect(wf.env.WASM_BINDGEN_VERSION).toBe(PINS['wasm-bindgen-cli']);
  expect(read('Trunk.toml')).toContain(`wasm_bindgen = "${wf.env.WASM_BINDGEN_VERSION}"`);
  // The toolchain meets the crate's rust-version.
  const rustVersion = read('Cargo.toml').match(/^rust-version\s*=\s*"([^"]+)"/m)[1];
  expect(wf.env.RUST_TOOLCHAIN.startsWith(`${rustVersion}.`) || wf.env.RUST_TOOLCHAIN === rustVersion).toBe(true);
  const runs = wf.jobs.build.steps.map((s) => s.run ?? '').join('\n');
  expect(runs).toContain('cargo install trunk --version "$TRUNK_VERSION" --locked');
  expect(runs).toContain('cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"');
  expect(runs).toContain('--target wasm32-unknown-unknown');
});

test('pages.yml caches the tools and the build, publishes with scripts/publish.sh and deploys its site', () => {
  const wf = parse(WORKFLOW);
  expect(wf.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  const steps = wf.jobs.build.steps;
  const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
  for (const path of ['~/.cargo/bin/trunk', '~/.cargo/bin/wasm-bindgen', 'target/']) expect(cache.with.path).toContain(path);
  for (const v of ['env.RUST_TOOLCHAIN', 'env.TRUNK_VERSION', 'env.WASM_BINDGEN_VERSION', "hashFiles('Cargo.lock')"]) {
    expect(cache.with.key).toContain(v);
  }
  const cacheAt = steps.indexOf(cache);
  const installAt = steps.findIndex((s) => /cargo install trunk/.test(s.run ?? ''));
  const publishAt = steps.findIndex((s) => /bash scripts\/publish\.sh "\$SITE_URL"/.test(s.run ?? ''));
  expect(cacheAt).toBeGreaterThan(-1);
  expect(installAt).toBeGreaterThan(cacheAt);
  expect(publishAt).toBeGreaterThan(installAt);
  expect(steps[publishAt].env.SITE_URL).toBe('${{ steps.pages.outputs.base_url }}/');
  const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
  expect(upload.with.path).toBe('target/publish/site');
  expect(steps.indexOf(upload)).toBeGreaterThan(publishAt);
  expect(read('scripts/publish.sh')).toContain('OUT=${PUBLISH_DIR:-$ROOT/target/publish}');
  expect(wf.jobs.deploy.needs).toBe('build');
  expect(wf.jobs.deploy.steps.map((s) => s.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@v\d+\.\d+\.\d+$/)]);
});

test('the pin checker catches a loosened pin', () => {
  const loosened = [
    [/actions\/checkout@v\d+\.\d+\.\d+/, 'actions/checkout@main', 'actions/checkout@main is not pinned'],
    [/actions\/cache@v\d+\.\d+\.\d+/, 'actions/cache@v5', 'actions/cache@v5 is not pinned'],
    [/cargo install trunk --version "\$TRUNK_VERSION"/, 'cargo install trunk', 'cargo install trunk without an exact --version'],
    [/TRUNK_VERSION: "[^"]+"/, 'TRUNK_VERSION: "0.21.9"', 'trunk 0.21.9, but scripts/lib.sh pins'],
    [/RUST_TOOLCHAIN: "[^"]+"/, 'RUST_TOOLCHAIN: "stable"', 'rustup toolchain "stable" is not an exact version'],
    [/NODE_VERSION: "[^"]+"/, 'NODE_VERSION: "20"', 'installs version "20", not an exact one'],
    [/run: bash scripts\/publish\.sh "\$SITE_URL"/, 'run: npm install -g netlify-cli && bash scripts/publish.sh "$SITE_URL"', 'use npm ci'],
  ];
  for (const [from, to, message] of loosened) {
    const text = WORKFLOW.replace(from, to);
    expect(text, `the workflow has ${from}`).not.toBe(WORKFLOW);
    expect(unpinned(text).join('\n')).toContain(message);
  }
});
