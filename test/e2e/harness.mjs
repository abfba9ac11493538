// Shared by the end-to-end tests and the benchmark, for both browsers: the demo server; Debian Chromium
// driven by playwright-core or Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi
// (playwright-core cannot drive a stock Firefox); a network guard that records every outside request,
// answers Google's and Meta's script URLs with the local stand-ins and aborts everything else (tests
// never reach the internet); held-back responses; and the waiting helpers (no fixed waits).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROME_FLAGS, findBrowsers } from '../../scripts/browsers.mjs';
import { startServer } from '../../scripts/serve.mjs';

// node:test reports an unhandled rejection from a browser driver's own code only by its message
// ("Error: Assertion error"), attributed to whichever hook or test started the driver; print its stack
// too, so the place is known. This only adds a log line: node:test still fails the file.
process.on('unhandledRejection', (e) => console.error('[e2e harness] unhandled rejection:', e instanceof Error ? e.stack : e));

const STAND_INS = [
  [/^https:\/\/www\.googletagmanager\.com\/(gtag\/js|gtm\.js)/, 'demo/vendor/gtag.js'],
  [/^https:\/\/connect\.facebook\.net\/.*\/fbevents\.js/, 'demo/vendor/fbevents.js'],
];
const OUTSIDE = /^https?:\/\/(?!localhost|127\.0\.0\.1|[^/]*keksi\.test)/;

/** Hosts that are trackers under COMPLIANCE.md rule 1. */
export const TRACKER_HOSTS =
  /(googletagmanager\.com|google-analytics\.com|\/g\/collect|googleadservices\.com|doubleclick\.net|connect\.facebook\.net|facebook\.com\/tr)/;

/** The browsers a scenario written once runs in (E2E_BROWSERS=chromium|firefox narrows it). */
export const BROWSERS = (process.env.E2E_BROWSERS || 'chromium,firefox').split(',');

/**
 * Start the demo server and a browser: `chromium` (playwright-core) or `firefox` (puppeteer-core);
 * in both, `keksi.test` and `shop.keksi.test` resolve to 127.0.0.1. `h.newPage(options)` is `newPage(h.browser, options)`.
 */
export async function startHarness({ browser: name = 'chromium', extraArgs = [] } = {}) {
  const server = await startServer();
  const browser =
    name === 'firefox'
      ? await puppeteer.launch({
          browser: 'firefox',
          executablePath: findBrowsers(['firefox']).firefox,
          headless: true,
          extraPrefsFirefox: { 'network.dns.localDomains': 'shop.keksi.test,keksi.test' },
        })
      : await chromium.launch({
          executablePath: findBrowsers(['chromium']).chrome,
          args: [...CHROME_FLAGS, '--host-resolver-rules=MAP *.keksi.test 127.0.0.1, MAP keksi.test 127.0.0.1', ...extraArgs],
        });
  return {
    name,
    server,
    browser,
    newPage: (options) => newPage(browser, options),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

const isPuppeteer = (browserOrPage) => typeof browserOrPage.createBrowserContext === 'function' || typeof browserOrPage.browserContext === 'function';

/**
 * A fresh context (no cookies) with the network guard. Returns `requests` (every outside URL asked
 * for), `errors` (page errors), `warnings` (console warnings and errors), `hold(pattern)` (see below),
 * `setCookie(cookie)` and `popup(open)` (the window a page opens, guarded too), the same in both browsers.
 */
export async function newPage(browser, options = {}) {
  const requests = [];
  const errors = [];
  const warnings = [];
  const holds = [];
  const outside = (url) => {
    requests.push(url);
    const standIn = STAND_INS.find(([re]) => re.test(url));
    return standIn && readFileSync(standIn[1]);
  };
  /** A held-back response: resolves, once the browser asks for a URL matching `pattern`, with `{ fulfill(body, contentType, headers), continue(), abort() }` (abort: a network error). */
  const hold = (pattern) => new Promise((resolve) => holds.push([pattern, resolve]));
  const held = (url) => {
    const i = holds.findIndex(([re]) => re.test(url));
    return i >= 0 && holds.splice(i, 1)[0][1];
  };
  let context, page, setCookie;
  // Firefox (WebDriver BiDi): a request whose page navigated away or closed while it was answered is
  // gone ("no such request"); nothing awaits that answer, so its rejection would fail the whole file.
  const gone = (e) => {
    if (!/no such request|closed/i.test(String(e))) throw e;
  };
  /** Puppeteer guards each page on its own (a popup too); Playwright's guard is the context's. */
  const guardPuppeteer = async (page) => {
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      const url = r.url();
      const resolve = held(url);
      if (resolve)
        return resolve({
          fulfill: (body, contentType = 'text/javascript', headers = {}) => r.respond({ status: 200, contentType, body, headers }),
          continue: () => r.continue(),
          abort: () => r.abort(),
        });
      if (!OUTSIDE.test(url)) return r.continue().catch(gone);
      const body = outside(url);
      (body ? r.respond({ status: 200, contentType: 'text/javascript', body }) : r.abort()).catch(gone);
    });
    page.on('console', (m) => (m.type() === 'warn' || m.type() === 'error') && warnings.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  };
  let watch;
  if (isPuppeteer(browser)) {
    context = await browser.createBrowserContext();
    page = await context.newPage();
    if (options.viewport) await page.setViewport(options.viewport);
    await guardPuppeteer(page);
    watch = guardPuppeteer;
    setCookie = (cookie) => context.setCookie(cookie);
  } else {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    await context.route(OUTSIDE, (route) => {
      const body = outside(route.request().url());
      body ? route.fulfill({ status: 200, contentType: 'text/javascript', body }) : route.abort();
    });
    page = await context.newPage();
    await page.route(
      (url) => holds.some(([re]) => re.test(url.href)),
      (route) =>
        held(route.request().url())({
          fulfill: (body, contentType = 'text/javascript', headers = {}) => route.fulfill({ contentType, body, headers }),
          continue: () => route.continue(),
          abort: () => route.abort(),
        }),
    );
    watch = (p) => {
      p.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && warnings.push(m.text()));
      p.on('pageerror', (e) => errors.push(String(e)));
    };
    watch(page);
    setCookie = (cookie) => context.addCookies([cookie]);
  }
  /**
   * The window that `open()` (run in the page, e.g. a click) opens, guarded and watched as the page is
   * (`requests`, `warnings`, `errors`); holds apply to the first page only.
   */
  const popup = async (open) => {
    const [p] = await Promise.all([new Promise((resolve) => page.once('popup', resolve)), open()]);
    await watch(p);
    return p;
  };
  return { context, page, requests, errors, warnings, hold, setCookie, popup };
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

// ----- waiting: events, Keksi's own promises, held-back responses, bounded polls -----

/**
 * Bounded wait until `fn(arg)` is truthy in the page. Playwright's waitForFunction serves Chromium.
 * Puppeteer's builds its predicate with `Function()` inside the page, which Firefox (ESR 140.12 on)
 * blocks under the test pages' strict CSP; so for Firefox the same check runs once per animation
 * frame from a script the harness evaluates (the protocol's own evaluation, which CSP does not govern).
 */
export async function waitFor(page, fn, arg, timeout = 30000) {
  if (!isPuppeteer(page)) return page.waitForFunction(fn, arg, { timeout });
  const check = `(${fn})`;
  const ok = await page.evaluate(
    `new Promise((resolve) => {
      const fn = ${check}, arg = ${JSON.stringify(arg ?? null)}, end = performance.now() + ${timeout};
      const tick = () => {
        let value;
        try { value = fn(arg); } catch {}
        if (value) resolve(true);
        else if (performance.now() > end) resolve(false);
        else requestAnimationFrame(tick);
      };
      tick();
    })`,
  );
  if (!ok) throw new Error(`waitFor: still false after ${timeout} ms: ${String(fn).slice(0, 200)}`);
}

/** Poll `check` in Node until it is truthy; fails after `ms` naming `what` (the pause between checks is not a wait for anything). */
export async function poll(check, what, ms = 5000) {
  for (const end = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 10))) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
  }
}

/**
 * Wait until Keksi has started on the page: the controller has, or the core runs a returning visit it
 * gated without it (issue 17: src/entry/lean.ts; the controller comes when something needs it).
 */
export async function keksiReady(page) {
  await waitFor(page, () => !!(document.querySelector('keksi-consent')?.store || document.querySelector('keksi-consent')?.held));
  // The element exists before its start-up ends (it may wait for the integrations): await `ready`.
  await page.evaluate(() => document.querySelector('keksi-consent').ready);
}

/**
 * Wait until Keksi has done what it started: start-up, the extras (integrations, reopen button), the
 * UI chunk and what waited for it, every pending render and the entry animations. The same as
 * test/wait.ts settled(), in the page.
 */
export async function settled(page) {
  await keksiReady(page);
  await page.evaluate(async () => {
    const el = document.querySelector('keksi-consent');
    await el._postPaintLoading;
    await el._uiLoading;
    const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
    for (let before = [], round = 0; round < 20; round++) {
      const updates = deep(document)
        .map((e) => e.updateComplete)
        .filter(Boolean);
      if (updates.length === before.length && updates.every((u, i) => u === before[i])) break;
      await Promise.all(updates);
      before = updates;
    }
    const roots = [
      document,
      ...deep(document)
        .map((e) => e.shadowRoot)
        .filter(Boolean),
    ];
    await Promise.all(roots.flatMap((r) => r.getAnimations()).map((a) => a.finished.catch(() => {})));
  });
}

/**
 * Wait until the gate has worked through its queue: a necessary gated script added now runs after
 * everything already queued, so once it has run, whatever was going to run before it has.
 */
export async function gateDone(page) {
  const id = await page.evaluate(() => {
    const id = 'gate-done-' + Math.random().toString(36).slice(2);
    const marker = Object.assign(document.createElement('script'), { type: 'text/plain', text: `window.__gateDone = '${id}'` });
    marker.nonce = document.querySelector('script[src*="keksi"]')?.nonce || '';
    marker.setAttribute('data-category', 'necessary');
    document.body.append(marker);
    return id;
  });
  await waitFor(page, (id) => window.__gateDone === id, id);
  await page.evaluate((id) => {
    for (const s of document.querySelectorAll('script')) if (s.text?.includes(id)) s.remove(); // an SVG <script> has no text
  }, id);
}

/**
 * Reload `page`. Firefox (BiDi) under load now and then reports the reload as aborted (NS_BINDING_ABORTED) by the
 * page's own pending load (a frame, a script): the test wants the page reloaded, so it asks again, once.
 */
export const reload = (page) => page.reload().catch((e) => (/NS_BINDING_ABORTED/.test(String(e)) ? page.reload() : Promise.reject(e)));

/** Wait for `n` rendered frames: what a scroll or key press starts has been handled. */
export const frames = (page, n = 2) =>
  page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const next = () => (n-- > 0 ? requestAnimationFrame(next) : resolve());
        next();
      }),
    n,
  );

/** The consent cookie's record, or undefined. */
export async function consentRecord(context) {
  const c = (await context.cookies()).find((x) => x.name === 'keksi_consent');
  return c && JSON.parse(decodeURIComponent(c.value));
}

/**
 * The page's dataLayer as readable rows, in order: gtag commands (consent ones with two of their
 * signals) and events. Runs in the page: `page.evaluate(dataLayerRows)`.
 */
export function dataLayerRows() {
  return (window.dataLayer || []).map((e) => {
    if (Object.prototype.toString.call(e) !== '[object Arguments]') return `event ${e.event}`;
    const [a, b, c] = e;
    if (a === 'consent') return `consent ${b} analytics:${c.analytics_storage} ads:${c.ad_storage}`;
    return a === 'js' ? 'js' : `${a} ${b}`;
  });
}

/** The chunks of dist/ the page asks for from now on, by name, as they are asked for (also those still on their way). */
export const chunkRequests = (page) => {
  const names = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/dist/chunks/')) names.push(path.slice('/dist/chunks/'.length).replace(/-[\w-]{8}\.mjs$/, ''));
  });
  return names;
};

/**
 * In the page: past its next idle time (idle callbacks run in the order they were asked for, so every one asked for before
 * has run). Asked for from a frame: headless Chromium sometimes gave a page whose banner had focus and whose chunk had
 * failed no idle period until something asked for a frame (holds-retry hung 2 runs in 6 on `requestIdleCallback` alone,
 * none in 20 with a frame first; Keksi's own `whenIdle` has a timeout).
 */
export const idle = () => new Promise((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve())));
