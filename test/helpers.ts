/** Helpers shared by the browser tests. */
import 'axe-core/axe.min.js';
import { KeksiConsent } from '../src/controller/keksi-consent.js';
import mergeOptions, { options } from '../src/controller/merge-options.js';
import { matchesCookie } from '../src/controller/cleanup.js';
import { forgetWarnings } from '../src/core/log.js';
import { given } from '../src/core/options.js';
import { define } from '../src/core/define.js';
import { settled, until, within } from './wait.js';

define('keksi-consent', KeksiConsent);
// configure() merges at once in the tests, as once the controller has loaded its chunk.
mergeOptions(matchesCookie);
// Keksi fetches its UI once the page has shown content (or after a second): give the test page some.
document.body.insertAdjacentHTML('afterbegin', '<p id="test-page-content">Keksi browser tests</p>');

declare global {
  interface Window {
    __ran: string[];
    axe: { run(el: Element, options?: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
  }
}

/** Delete every cookie this page can see. */
export function clearCookies(): void {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; path=/; max-age=0`;
  }
}

/** Store a consent cookie as an earlier visit would have. */
export function storeConsent(accepted: string[], rejected: string[], extra: Record<string, unknown> = {}, name = 'keksi_consent'): void {
  const record = { v: 1, id: '6f1c1b2e-1111-4aaa-8bbb-123456789abc', r: 0, t: new Date().toISOString(), a: accepted, x: rejected, ...extra };
  document.cookie = `${name}=${encodeURIComponent(JSON.stringify(record))}; path=/`;
}

export const readConsentCookie = (name = 'keksi_consent') => {
  const raw = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return raw ? JSON.parse(decodeURIComponent(raw.slice(name.length + 1))) : undefined;
};

const mounted: Element[] = [];

/**
 * Put markup (gated elements, a `<keksi-consent>`) in the page and wait until Keksi has started and
 * its UI (if any) has rendered.
 */
export async function mount(markup: string): Promise<KeksiConsent> {
  window.__ran = [];
  const host = document.createElement('div');
  // Scripts parsed by innerHTML never run; gated ones are activated by Keksi, which is what we test.
  host.innerHTML = markup;
  document.body.append(host);
  mounted.push(host);
  const el = host.querySelector('keksi-consent') as KeksiConsent;
  await settled(el);
  // The banner draws once its language's texts are there (a chunk of their own, issue 17).
  if (el.store?.ask) await until(() => bannerOf(el)?.querySelector('[part~="banner"]'), 'the banner');
  return el;
}

/** Remove everything mount() added, and any `<keksi-consent>` a test left behind (a second one would not start). */
export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
  for (const el of document.querySelectorAll('[data-keksi="on"], keksi-consent')) el.remove();
}

/**
 * What one test leaves must not reach the next (each file's tests share one page): cookies, the
 * `[keksi]` messages already said (said once per page), `configure()` options, the running
 * `<keksi-consent>` (`KeksiConsent.live`) and whatever was mounted.
 */
export function resetPage(): void {
  unmountAll();
  clearCookies();
  forgetWarnings();
  // A first visit's look for ungated vendor scripts reads the resources fetched so far: not the earlier tests'.
  performance.clearResourceTimings();
  Object.assign(options, {
    categories: { __proto__: null },
    services: [],
    cookies: { __proto__: null },
    consentMode: { __proto__: null },
    scriptUrls: { __proto__: null },
  });
  // configure() inputs are kept (the platforms chunk reads its `platforms` from them): forget them too.
  given.length = 0;
  KeksiConsent.live = undefined;
  window.__ran = [];
}
/**
 * Firefox can show a page an older value of a cookie the page has since overwritten or deleted, when a
 * same-origin frame was loading around the earlier write: an embed a test activated, still loading when
 * the next test clears the cookies, can bring that test's acceptance back into the next one (a CI flake
 * of "reject all ... runs nothing"). So a test ends once the frames it started have loaded.
 */
export async function framesLoaded(): Promise<void> {
  // Same-origin frames only: they are what brings a cookie back; a cross-origin one (a YouTube embed the
  // test only checks the address of) may never load here, with no network.
  const loading = [...document.querySelectorAll('iframe')].filter((f) => {
    const doc = f.contentDocument;
    if (f.src && new URL(f.src, location.href).origin !== location.origin) return false;
    return !!doc && (doc.readyState !== 'complete' || (doc.URL === 'about:blank' && !!f.getAttribute('src') && f.src !== 'about:blank'));
  });
  await within(Promise.all(loading.map((f) => new Promise((loaded) => f.addEventListener('load', loaded, { once: true })))), 'the embeds to load');
}

beforeEach(resetPage);
afterEach(async () => {
  await framesLoaded();
  unmountAll();
});

/** The banner's shadow root, or null when the banner is not shown. */
export function bannerOf(el: KeksiConsent): ShadowRoot | null {
  const banner = el.shadowRoot!.querySelector('keksi-banner') as (HTMLElement & { open: boolean }) | null;
  return banner && banner.open ? banner.shadowRoot : null;
}

export function prefsOf(el: KeksiConsent): ShadowRoot | null {
  return (el.shadowRoot!.querySelector('keksi-preferences') as HTMLElement | null)?.shadowRoot ?? null;
}

export function part(root: ShadowRoot | null, name: string): HTMLElement {
  const found = root?.querySelector(`[part~="${name}"]`) as HTMLElement | null;
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

/** axe-core with the WCAG 2.x A/AA tags; returns violation ids with their help text. */
export async function axeViolations(el: Element): Promise<string[]> {
  const result = await window.axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => (n as { failureSummary: string; html: string }).html + ' ' + (n as { failureSummary: string }).failureSummary))}`,
  );
}

/**
 * Capture the console warnings said while fn runs (Keksi's messages count afresh: each is said once per
 * page otherwise), and, with `done`, until `done(said)` holds (a lazy chunk speaks after it has loaded).
 */
export async function captureWarnings(fn: () => Promise<unknown> | unknown, done?: (said: string[]) => boolean): Promise<string[]> {
  forgetWarnings();
  const original = console.warn;
  const said: string[] = [];
  console.warn = (...args: unknown[]) => said.push(args.map(String).join(' '));
  try {
    await fn();
    if (done) await until(() => done(said), 'a [keksi] message');
  } finally {
    console.warn = original;
  }
  return said;
}
