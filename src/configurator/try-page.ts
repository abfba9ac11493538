/**
 * "Kokeile testisivulla" (issue 16): the zip's test shop page (`keksi-testi.html`) and notice page, tried
 * from the configurator itself before anything is uploaded. Two static pages next to the configurator
 * (`testisivu.html`, `seloste.html`, from src/configurator/try.html) load `kokeile.js` (src/configurator/try.ts),
 * which reads the answers from the address's fragment and builds the very pages keksi.zip holds
 * (`testShopPage()`, `noticePage()`), with the build's own `../keksi.js` (the preview's) in place of the
 * shop's folder. Not a blob: or srcdoc page: those keep no cookie in Chromium, and the visitor's choice
 * must really be stored. The choice is kept in a cookie of the test page's own (`keksi_testi`), never the
 * shop's consent cookie, since the configurator may be hosted on the shop's own site.
 *
 * The fragment is untrusted (anyone can make a link): it goes through `restore()` and `readDraft()`,
 * the same as a loaded answers file, and only the zip pages' elements are moved in (parsed inertly:
 * nothing in them runs); the scripts are made here, their attributes only Keksi's `data-*`.
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

/** The fragment that carries the answers and the configurator's language to the test pages. */
export const tryHash = (s: State, ui: ConfiguratorLang): string => '#' + encodeURIComponent(JSON.stringify({ ui, state: s }));

/** The answers and language from a fragment, or null (with a `[keksi]` message) when it holds none. */
export function readTryHash(hash: string): { s: State; ui: ConfiguratorLang } | null {
  try {
    const value: unknown = JSON.parse(decodeURIComponent(hash.replace(/^#/, '')));
    if (!value || typeof value !== 'object' || !('state' in value)) throw new Error('no answers');
    const ui = (value as { ui?: unknown }).ui;
    return { s: restore((value as { state: unknown }).state), ui: typeof ui === 'string' && ui in texts ? (ui as ConfiguratorLang) : 'fi' };
  } catch {
    warn('the test page has no answers in its address: open it from the configurator’s link in step 5.');
    return null;
  }
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
 * fragment's answers, as keksi.zip's `keksi-testi.html` and notice page are.
 */
export function buildTryPage(page: 'shop' | 'notice', hash: string): void {
  const given = readTryHash(hash);
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
  const noticeHref = TRY_NOTICE + hash;
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
  } else {
    const back = document.createElement('p');
    back.append(Object.assign(document.createElement('a'), { href: TRY_SHOP + hash, textContent: t.back }));
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
