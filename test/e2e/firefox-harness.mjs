// Shared by the Firefox end-to-end files: the demo server and Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi (playwright-core cannot drive a stock Firefox), started before
// the file's tests and closed after them.
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';
import { findBrowsers } from '../../scripts/browsers.mjs';
import { startServer } from '../../scripts/serve.mjs';

/** Start the server and Firefox for this test file; the returned object holds them once started. */
export function useFirefox() {
  const ff = { server: undefined, browser: undefined };
  before(async () => {
    ff.server = await startServer();
    ff.browser = await puppeteer.launch({ browser: 'firefox', executablePath: findBrowsers(['firefox']).firefox, headless: true });
  });
  after(async () => {
    await ff.browser?.close();
    await ff.server?.close();
  });
  return ff;
}
