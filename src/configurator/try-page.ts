/**
 * "Kokeile testisivulla" (issue 16): the zip's test shop page (`keksi-testi.html`) and notice page, tried
 * from the configurator itself before anything is uploaded. Two static pages next to the configurator
 * (`testisivu.html`, `seloste.html`, from src/configurator/try.html) load `kokeile.js` (src/configurator/try.ts),
 * which asks the configurator that opened the page for the answers and builds the very pages keksi.zip holds
 * (`testShopPage()`, `noticePage()`), with the build's own `../keksi.js` (the preview's) in place of the
 * shop's folder. Not a blob: or srcdoc page: those keep no cookie in Chromium, and the visitor's choice
 * must really be stored. The choice is kept in a cookie of the test page's own (`keksi_testi`), never the
 * shop's consent cookie, since the configurator may be hosted on the shop's own site.
 *
 * The answers never travel in the address: a shop may host these pages on its own site, and anyone can
 * make a link (their container, their script, their notice text under the shop's address). The page
 * posts "ready" to `window.opener` and takes answers only from that window, and only from its own
 * origin; the configurator answers only a window it opened itself (keksi-configurator.ts). Even so the
 * answers go through `restore()` and `readDraft()`, the same as a loaded answers file, and only the zip
 * pages' elements are moved in (parsed inertly: nothing in them runs); the scripts are made here, their
 * attributes only Keksi's `data-*`. The pages' policy allows no script of another origin (try.html).
 */
import { warn } from '../core/log.js';
import { texts, type ConfiguratorLang } from '../i18n/configurator.js';
import { configureOptions, restore, type State } from './model.js';
import { finalNotice, noticeLang, noticePage, readDraft, templateNotice } from './notice-model.js';
import { testShopPage } from './shop-files.js';

/** The test pages' own consent cookie. */
export const TRY_COOKIE = 'keksi_testi';
/** The test pages, next to each other (and to the configurator in the build). */
export const TRY_SHOP = 'testisivu.html';
export const TRY_NOTICE = 'seloste.html';
/** How long a test page waits for its opener's answers before it says it has none. */
export const TRY_WAIT_MS = 3000;

/** The messages between the configurator and a test page it opened: the page's "ready", the configurator's answers. */
export type TryMessage = { keksiTry: 'ready' } | { keksiTry: 'answers'; ui: ConfiguratorLang; state: State };
export const tryAnswers = (s: State, ui: ConfiguratorLang): TryMessage => ({ keksiTry: 'answers', ui, state: s });
export const isTryReady = (data: unknown): boolean => !!data && typeof data === 'object' && (data as { keksiTry?: unknown }).keksiTry === 'ready';

/**
 * Whether a message's origin is that of the page at `url`. Pages opened from disk have an opaque origin,
 * which browsers spell "null" or "file://" (Chromium's `location.origin`): both count for a file: page.
 * That is safe: a web page cannot open a file:// page, so a file:// page's opener is on the visitor's own disk.
 */
export const fromOrigin = (origin: string, url: URL): boolean => (url.protocol === 'file:' ? origin === 'null' || origin === 'file://' : origin === url.origin);

/**
 * The target origin for a message to the page at `url`: its origin, or `'*'` for a page opened from disk
 * (an opaque origin cannot be named). That leaks nothing: the answers are no secret, and the window is
 * one the configurator opened itself (or the page's own opener).
 */
export const targetOrigin = (url: URL): string => (url.protocol === 'file:' ? '*' : url.origin);

/** The answers and language from the opener's message, or null when it holds none. */
function readAnswers(data: unknown): { s: State; ui: ConfiguratorLang } | null {
  if (!data || typeof data !== 'object' || (data as { keksiTry?: unknown }).keksiTry !== 'answers' || !('state' in data)) return null;
  const ui = (data as { ui?: unknown }).ui;
  return { s: restore((data as { state: unknown }).state), ui: typeof ui === 'string' && ui in texts ? (ui as ConfiguratorLang) : 'fi' };
}

/**
 * Asks the window that opened this page for the answers and calls `done` once: with them, or with null
 * (fail closed, one `[keksi]` message) when there is no opener or no answer from it in `TRY_WAIT_MS`.
 * A message counts only when it comes from `window.opener` and from this page's own origin: a page of
 * another origin may open this one and post to it, but its messages carry its origin. For a page opened
 * from disk both origins are "null", which is safe: a web page cannot open a file:// page, so the opener
 * of a file:// page is a page on the visitor's own disk.
 */
export function askOpener(done: (given: { s: State; ui: ConfiguratorLang } | null) => void): void {
  let answered = false;
  const finish = (given: { s: State; ui: ConfiguratorLang } | null) => {
    if (answered) return;
    answered = true;
    removeEventListener('message', onMessage);
    clearTimeout(timer);
    if (!given) warn('the test page has no answers: open it from the configurator’s link in step 5.');
    done(given);
  };
  const onMessage = (e: MessageEvent) => {
    if (!window.opener || e.source !== window.opener || !fromOrigin(e.origin, new URL(location.href))) return;
    const given = readAnswers(e.data);
    if (given) finish(given);
  };
  const timer = setTimeout(() => finish(null), TRY_WAIT_MS);
  addEventListener('message', onMessage);
  try {
    (window.opener as Window | null)?.postMessage({ keksiTry: 'ready' } satisfies TryMessage, targetOrigin(new URL(location.href)));
  } catch {}
  if (!window.opener) finish(null);
}

/** Whether this page can keep a cookie (a page opened from disk cannot in Chromium). */
function cookiesKept(): boolean {
  try {
    document.cookie = `${TRY_COOKIE}_probe=1; path=/; SameSite=Lax`;
    const kept = document.cookie.includes(`${TRY_COOKIE}_probe=1`);
    document.cookie = `${TRY_COOKIE}_probe=; path=/; max-age=0`;
    return kept;
  } catch {
    return false;
  }
}

/** A zip page's `<script>` for Keksi (`…keksi.mjs` or `…keksi.js`) made afresh with the build's file and only its `data-*` attributes. */
function keksiTag(from: Element | null, notice: string): HTMLScriptElement {
  const tag = document.createElement('script');
  for (const a of from ? [...from.attributes] : []) if (a.name.startsWith('data-')) tag.setAttribute(a.name, a.value);
  tag.setAttribute('data-cookie-name', TRY_COOKIE);
  tag.setAttribute('data-notice-url', notice);
  tag.src = '../keksi.js';
  return tag;
}

/**
 * Builds the test shop page (`page` = 'shop') or the notice page ('notice') into this document from the
 * opener's answers (`askOpener()`), as keksi.zip's `keksi-testi.html` and notice page are.
 */
export function buildTryPage(page: 'shop' | 'notice', given: { s: State; ui: ConfiguratorLang } | null): void {
  const main = document.createElement('main');
  if (!given) {
    // Fail closed: no answers, no Keksi and nothing gated on the page.
    main.append(Object.assign(document.createElement('p'), { textContent: texts.fi.tryIt.missing }));
    document.body.replaceChildren(main);
    return;
  }
  const { s, ui } = given;
  const draft = readDraft(s) ?? templateNotice(s, noticeLang(null, s, ui));
  const lang = noticeLang(draft, s, ui);
  const t = texts[lang].tryIt;
  const noticeHref = TRY_NOTICE;
  const html = page === 'shop' ? testShopPage(s, lang) : noticePage(finalNotice(draft, s), s, lang);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = doc.documentElement.lang;
  document.title = doc.title;
  // The shop's configure() call first (keksi-config.js in the zip): Keksi runs queued calls as it starts.
  const call = configureOptions(s);
  if (call) {
    const queue = ((window as unknown as { keksi?: unknown[] }).keksi ||= []) as { push(f: (k: { configure(o: object): void }) => void): void };
    queue.push((k) => k.configure(call));
  }
  const tag = keksiTag(doc.querySelector('script[src$="keksi.mjs"], script[src$="keksi.js"]'), noticeHref);
  const zipMain = document.importNode(doc.querySelector('main')!, true);
  const footer = doc.querySelector('footer') && document.importNode(doc.querySelector('footer')!, true);
  footer?.querySelector('a')?.setAttribute('href', noticeHref);
  if (page === 'shop') {
    // The zip page's text says to open it from the shop's site; here it is tried before that.
    const text = zipMain.querySelector('h1 + p');
    if (text) text.textContent = t.intro;
    // The policy here allows no script of another origin: the services' own scripts load on the shop itself.
    text?.after(Object.assign(document.createElement('p'), { textContent: t.scripts }));
  } else {
    const back = document.createElement('p');
    back.append(Object.assign(document.createElement('a'), { href: TRY_SHOP, textContent: t.back }));
    zipMain.prepend(back);
  }
  if (!cookiesKept()) {
    const disk = Object.assign(document.createElement('p'), { textContent: t.noCookies });
    disk.setAttribute('data-try-note', '');
    zipMain.prepend(disk);
  }
  document.body.replaceChildren(...[zipMain, footer].filter((e): e is HTMLElement => !!e));
  document.head.append(tag);
  if (page === 'notice') {
    const notice = document.createElement('script');
    notice.src = '../keksi-notice.js';
    document.head.append(notice);
  }
}
