// The closing line of the test command: counts from cargo test and Playwright.
// Usage: node e2e/summary.mjs <cargo-test-output.txt> <playwright-results.json>...
// (one results file per Playwright run: the dev-server run, the published site's).
import { readFileSync } from 'node:fs';

const [cargoLog, ...e2eJsons] = process.argv.slice(2);
let cargoPassed = 0;
let cargoFailed = 0;
for (const m of readFileSync(cargoLog, 'utf8').matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
  cargoPassed += Number(m[1]);
  cargoFailed += Number(m[2]);
}
let e2ePassed = 0;
let e2eFailed = 0;
let skipped = 0;
for (const file of e2eJsons) {
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats;
  e2ePassed += stats.expected + stats.flaky;
  e2eFailed += stats.unexpected;
  skipped += stats.skipped;
}
console.log(`\ncargo: ${cargoPassed} passed, ${cargoFailed} failed`);
console.log(`browser: ${e2ePassed} passed, ${e2eFailed} failed, ${skipped} skipped (${e2eJsons.length} runs)`);
console.log(`total: ${cargoPassed + e2ePassed} passed, ${cargoFailed + e2eFailed} failed`);
process.exit(cargoFailed + e2eFailed === 0 && cargoPassed > 0 && e2ePassed > 0 ? 0 : 1);
