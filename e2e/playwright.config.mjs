// Browser tests against the release build (../dist), served on loopback,
// in Debian's Chromium: this machine cannot download Playwright's own browsers.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// Another built site to test (a helper's own build, a published archive).
const DIST = process.env.E2E_DIST ?? '../dist';

export default defineConfig({
  projects: [
    { name: 'main', testDir: './tests' },
    // Long-task measurements run last and alone: see perf/longtasks.spec.mjs.
    { name: 'perf', testDir: './perf', dependencies: ['main'] },
  ],
  outputDir: './test-results/artifacts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: './test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node serve-dist.mjs ${DIST} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
