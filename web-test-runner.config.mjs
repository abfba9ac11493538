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

// puppeteer-core 24.43 sends every setViewport (the runner's own, before each test file, and the tests')
// to Firefox with a screen-orientation override that Firefox ESR 140's WebDriver BiDi does not know
// ("unknown command emulation.setScreenOrientationOverride"); the size itself is set. Only that error
// is let through: the tests that resize check innerWidth and innerHeight.
function toleratingOrientation(page) {
  const setViewport = page.setViewport.bind(page);
  page.setViewport = (viewport) =>
    setViewport(viewport).catch((error) => {
      if (!String(error?.message).includes('setScreenOrientationOverride')) throw error;
    });
  return page;
}

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(chromeLauncher({ launchOptions: { executablePath: chrome, headless: true, args: CHROME_FLAGS } }));
}
if (wanted.includes('firefox')) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: firefox, headless: true },
      createPage: async ({ browser }) => toleratingOrientation(await browser.newPage()),
    }),
  );
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
