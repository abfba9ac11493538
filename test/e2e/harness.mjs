// Shared by the end-to-end tests and the benchmark: the demo server, Debian Chromium driven by
// playwright-core, and a network guard that records every outside request, answers Google's and
// Meta's script URLs with the local stand-ins and aborts everything else (tests never reach the internet).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowsers } from '../../scripts/browsers.mjs';
import { startServer } from '../../scripts/serve.mjs';

const STAND_INS = [
  [/^https:\/\/www\.googletagmanager\.com\/(gtag\/js|gtm\.js)/, 'demo/vendor/gtag.js'],
  [/^https:\/\/connect\.facebook\.net\/.*\/fbevents\.js/, 'demo/vendor/fbevents.js'],
];

/** Hosts that are trackers under COMPLIANCE.md rule 1. */
export const TRACKER_HOSTS = /(googletagmanager\.com|google-analytics\.com|\/g\/collect|googleadservices\.com|doubleclick\.net|connect\.facebook\.net|facebook\.com\/tr)/;

/** Start the demo server and a browser. `hosts` maps extra names to 127.0.0.1 (e.g. shop.keksi.test). */
export async function startHarness({ extraArgs = [] } = {}) {
  const server = await startServer();
  const { chrome } = findBrowsers(['chromium']);
  const browser = await chromium.launch({
    executablePath: chrome,
    args: [...CHROME_FLAGS, '--host-resolver-rules=MAP *.keksi.test 127.0.0.1, MAP keksi.test 127.0.0.1', ...extraArgs],
  });
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

/** A fresh context (no cookies) with the network guard; `requests` lists every outside URL asked for. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const requests = [];
  const errors = [];
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1|[^/]*keksi\.test)/, (route) => {
    const url = route.request().url();
    requests.push(url);
    const standIn = STAND_INS.find(([re]) => re.test(url));
    if (standIn) route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(standIn[1]) });
    else route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  return { context, page, requests, errors, warnings };
}

/** Locators into Keksi's shadow DOM (Playwright's CSS engine pierces open shadow roots). */
export const ui = {
  banner: (page) => page.locator('keksi-banner [part~="banner"]'),
  bannerButton: (page, part) => page.locator(`keksi-banner [part~="${part}"]`),
  dialog: (page) => page.locator('keksi-preferences dialog'),
  dialogButton: (page, part) => page.locator(`keksi-preferences [part~="${part}"]`),
  toggle: (page, id) => page.locator(`keksi-preferences #c-${id}`),
};

/** Names of the cookies the context holds, with their domains. */
export async function cookieNames(context) {
  return (await context.cookies()).map((c) => `${c.name}@${c.domain}`).sort();
}

export const TRACKER_COOKIE = /^(_ga|_gid|_gat|_gcl_|_fbp|_fbc|_dc_gtm_|_gac_)/;

/** Wait until Keksi has started on the page. */
export async function keksiReady(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('keksi-consent');
    return !!(el && el.store);
  });
  // The element exists before its start-up ends (it may wait for the integrations): await `ready`.
  await page.evaluate(() => document.querySelector('keksi-consent').ready);
}

/** The consent cookie's record, or undefined. */
export async function consentRecord(context) {
  const c = (await context.cookies()).find((x) => x.name === 'keksi_consent');
  return c && JSON.parse(decodeURIComponent(c.value));
}
