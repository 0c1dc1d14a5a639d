// The closing line of the test command: counts from cargo test and Playwright.
// Usage: node e2e/summary.mjs <cargo-test-output.txt> <playwright-results.json>
import { readFileSync } from 'node:fs';

const [cargoLog, e2eJson] = process.argv.slice(2);
let cargoPassed = 0;
let cargoFailed = 0;
for (const m of readFileSync(cargoLog, 'utf8').matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
  cargoPassed += Number(m[1]);
  cargoFailed += Number(m[2]);
}
const stats = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
const e2ePassed = stats.expected + stats.flaky;
const e2eFailed = stats.unexpected;
console.log(`\ncargo: ${cargoPassed} passed, ${cargoFailed} failed`);
console.log(`browser: ${e2ePassed} passed, ${e2eFailed} failed, ${stats.skipped} skipped`);
console.log(`total: ${cargoPassed + e2ePassed} passed, ${cargoFailed + e2eFailed} failed`);
process.exit(cargoFailed + e2eFailed === 0 && cargoPassed > 0 && e2ePassed > 0 ? 0 : 1);
