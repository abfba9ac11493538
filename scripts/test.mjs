// `npm test`: every test, in order — build, type-check of src/ and test/, lint, Node tests (size budget, notice checker), browser tests
// in Chromium and Firefox (web-test-runner), end-to-end tests of the demo shop (playwright-core).
// `npm test -- unit|browser|e2e` runs one stage. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findBrowsers } from './browsers.mjs';

const only = process.argv[2];
const stages = only ? [only] : ['unit', 'browser', 'e2e'];
const totals = { passed: 0, failed: 0 };
let broken = false;

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;

function nodeTests(dir) {
  const tap = `test-results/${dir.replace(/\W/g, '-')}.tap`;
  const status = run(process.execPath, [
    '--test',
    '--test-concurrency=1',
    // A test that waits for something that never comes fails after ten minutes instead of holding CI for ever
    // (the longest, the consent model's 200 random sequences, takes about three under load).
    '--test-timeout=600000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    `${dir}/`,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const passed = Number(/^# pass (\d+)/m.exec(text)?.[1] || 0);
  const failed = Number(/^# fail (\d+)/m.exec(text)?.[1] || 0);
  totals.passed += passed;
  totals.failed += failed || (status !== 0 ? 1 : 0);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
findBrowsers(stages.includes('browser') ? ['chromium', 'firefox'] : ['chromium']);

// The build (`npm run build`): dist/ and the custom-elements.json the node tests check.
if (run('npx', ['rollup', '-c', '--silent']) !== 0 || run('npx', ['cem', 'analyze', '--quiet']) !== 0) {
  console.error('[keksi tests] the build failed');
  process.exit(1);
}

for (const stage of stages) {
  console.log(`\n=== ${stage} tests ===\n`);
  if (stage === 'unit') {
    // The sources and the tests type-check together (the browser tests' esbuild only strips types).
    const typed = run('npx', ['tsc', '-p', 'tsconfig.test.json']) === 0;
    console.log(typed ? '✔ src/ and test/ type-check (tsc -p tsconfig.test.json)' : '✖ tsc -p tsconfig.test.json found type errors');
    totals[typed ? 'passed' : 'failed']++;
    // `npm run lint`: ESLint (typescript-eslint, lit, wc) and Prettier's check.
    const linted = run('npm', ['run', '--silent', 'lint']) === 0;
    console.log(linted ? '✔ npm run lint (ESLint, Prettier)' : '✖ npm run lint found problems');
    totals[linted ? 'passed' : 'failed']++;
    nodeTests('test/node');
  } else if (stage === 'e2e') nodeTests('test/e2e');
  else if (stage === 'browser') {
    const status = run('npx', ['wtr'], { BROWSERS: process.env.BROWSERS || 'chromium,firefox' });
    const counts = existsSync('test-results/wtr.json') ? JSON.parse(readFileSync('test-results/wtr.json', 'utf8')) : { passed: 0, failed: 1 };
    totals.passed += counts.passed;
    totals.failed += counts.failed || (status !== 0 ? 1 : 0);
  } else {
    console.error(`[keksi tests] unknown stage "${stage}": use unit, browser or e2e`);
    broken = true;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed || broken || totals.passed === 0 ? 1 : 0);
