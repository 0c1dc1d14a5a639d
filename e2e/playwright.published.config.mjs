// The published site (scripts/publish.sh), served the way production serves
// it (serve-published.mjs: only under a sub-path, its _headers applied, the
// Content-Security-Policy as a header, pre-compressed files), in Debian's
// Chromium. Run by scripts/test.sh after the main browser tests:
//   bash scripts/publish.sh http://127.0.0.1:4242/aws-outage/
//   cd e2e && E2E_SITE=../target/publish/site npx playwright test -c playwright.published.config.mjs
// Publish for a loopback address: the link-preview test fetches the card
// from the address the page names.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import main from './playwright.config.mjs';

const SITE = resolve(process.env.E2E_SITE ?? '../target/publish/site');
if (!existsSync(join(SITE, 'index.html'))) {
  throw new Error(`${SITE} holds no published site: run bash scripts/publish.sh http://127.0.0.1:<port>/aws-outage/ first (E2E_SITE names another)`);
}
// Served where it was published for: the sub-path (and, for a loopback
// address, the port) come from the site's og:url.
const ogUrl = readFileSync(join(SITE, 'index.html'), 'utf8').match(/<meta property="og:url" content="([^"]+)"/)?.[1];
if (!ogUrl) throw new Error(`${SITE}/index.html has no og:url: publish it with scripts/publish.sh`);
const published = new URL(ogUrl);
const loopback = ['127.0.0.1', 'localhost'].includes(published.hostname);
const PORT = Number(loopback && published.port ? published.port : process.env.E2E_PORT ?? 4174);
const SUB_PATH = published.pathname;
process.env.E2E_SITE = SITE;

// The app's own browser tests that hold under any sub-path: they open the
// site by relative addresses ('./?lang=en'). Left out, by title: the ones
// that open fixed root addresses of the development server (/public/demo.html,
// /some/dir/, /__hosts__/, an embed snippet pinned to "/"), each replaced
// here by a sub-path version in published/host.spec.mjs; and the 200
// malformed addresses, which test the app's decoding, not its hosting.
const ROOT_PATH_TESTS = [
  'works served from a sub-path',
  'works inside an iframe of a host article',
  'the demo article (/public/demo.html) embeds three scenes that render and size their frames',
  'the demo article (/some/dir/public/demo.html) embeds three scenes that render and size their frames',
  'an embedded chapter keeps its frame fitted as the reader moves on',
  'an embedded chapter stops playing when the article scrolls it out of view',
  'no request leaves the site, across the story, playground, embeds and demo',
  'the embed panel copies an iframe snippet for the chosen scene',
  '200 random malformed addresses each give a working page',
  'once loaded, the site works offline (/)',
  'once loaded, the site works offline (/some/dir/)',
];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  projects: [
    {
      name: 'published-app',
      testDir: './tests',
      testMatch: ['shell.spec.mjs', 'story.spec.mjs', 'share.spec.mjs', 'static.spec.mjs', 'engine.spec.mjs'],
      grepInvert: new RegExp(`(${ROOT_PATH_TESTS.map(escape).join('|')})$`),
    },
    { name: 'published-host', testDir: './published', testMatch: '*.spec.mjs' },
  ],
  outputDir: './test-results/published-artifacts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: './test-results/published.json' }]],
  use: { ...main.use, baseURL: `http://127.0.0.1:${PORT}${SUB_PATH}` },
  webServer: {
    command: `node serve-published.mjs ${SITE} ${PORT} ${SUB_PATH}`,
    url: `http://127.0.0.1:${PORT}${SUB_PATH}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
