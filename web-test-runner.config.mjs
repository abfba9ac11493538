// Component and core tests in real Chromium and Firefox. BROWSERS=chromium|firefox|chromium,firefox.
// Counts are written to test-results/wtr.json for the summary line of scripts/test.mjs.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROME_FLAGS, findBrowsers } from './scripts/browsers.mjs';

const wanted = (process.env.BROWSERS || 'chromium,firefox').split(',');
const { chrome, firefox } = findBrowsers(wanted);

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(chromeLauncher({ launchOptions: { executablePath: chrome, headless: true, args: CHROME_FLAGS } }));
}
if (wanted.includes('firefox')) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: firefox, headless: true },
      createPage: ({ context }) => tolerateOrientation(context.newPage()),
    }),
  );
}

/**
 * puppeteer-core sends WebDriver BiDi's emulation.setScreenOrientationOverride with every setViewport;
 * Firefox ESR 140 (Debian's firefox-esr) does not know the command and the whole session fails before
 * a test runs. The viewport itself is set by the other command of the same call, so only that error is
 * tolerated; any other error still fails the run.
 */
async function tolerateOrientation(pagePromise) {
  const page = await pagePromise;
  const setViewport = page.setViewport.bind(page);
  page.setViewport = (viewport) =>
    setViewport(viewport).catch((error) => {
      if (!/setScreenOrientationOverride/.test(String(error?.message))) throw error;
    });
  return page;
}

function count(results, acc) {
  for (const t of results?.tests || []) acc[t.passed ? 'passed' : t.skipped ? 'skipped' : 'failed']++;
  for (const s of results?.suites || []) count(s, acc);
  return acc;
}

const countingReporter = {
  onTestRunFinished({ sessions }) {
    const acc = { passed: 0, failed: 0, skipped: 0 };
    for (const s of sessions) {
      count(s.testResults, acc);
      if (!s.passed && !(s.testResults?.tests?.length || s.testResults?.suites?.length)) acc.failed++;
    }
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/wtr.json', JSON.stringify(acc));
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
  browsers,
  plugins: [
    esbuildPlugin({
      ts: true,
      tsconfig: fileURLToPath(new URL('./tsconfig.test.json', import.meta.url)),
      // As the build does (rollup.config.mjs): the version is package.json's.
      define: { __KEKSI_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
    }),
  ],
  reporters: [defaultReporter(), countingReporter],
};
