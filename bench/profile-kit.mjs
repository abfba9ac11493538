// What the two profiling scripts (bench/profile.mjs, bench/profile-first.mjs) share: the bench's pages,
// served, and Debian Chromium launched on one widget's page; the widget's files (`mine`) and a mean.
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowsers } from '../scripts/browsers.mjs';
import { startServer } from '../scripts/serve.mjs';
import { writePages } from './pages.mjs';

export const mine = /\/dist\/|cookieconsent/;
/** An init script: sets `window.__bannerReady` once the banner's accept button is laid out and a task has run after that frame (as the bench's PROBE). */
export const READY = () => {
  const button = () =>
    document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]') ||
    document.querySelector('#cc-main .cm button[data-role="all"]');
  const tick = () => {
    const b = button();
    if (b && b.getBoundingClientRect().height > 0 && getComputedStyle(b).visibility !== 'hidden')
      requestAnimationFrame(() => setTimeout(() => (window.__bannerReady = performance.now())));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The bench's page with `widget`, served, and a browser to visit it: `{ browser, url, close() }`. */
export async function openBench(widget) {
  writePages();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: findBrowsers(['chromium']).chrome, args: CHROME_FLAGS });
  return { browser, url: `${server.url}/bench/pages/generated/${widget}.html`, close: async () => (await browser.close(), await server.close()) };
}
