/**
 * Script-tag entry (`dist/keksi.js`, `dist/keksi.mjs`): exposes `window.keksi` and runs the calls
 * queued before it loaded (`window.keksi = window.keksi || []; keksi.push(k => …)`), gates a returning
 * visitor's page on the stored choice at once (returning-visitor.ts), then defines `<keksi-consent>` (the
 * controller: a lazy chunk of `keksi.mjs`) and creates one from the tag's `data-*` attributes unless
 * the page has its own.
 */
import '../core/trusted-types.js';
import * as api from './api.js';
import { readTrusted } from '../core/attributes.js';
import { hasTrackers } from '../core/trackers.js';
import { fetchedFrom, scriptNonce, scriptPolicy, setScriptNonce } from '../core/gating.js';
import { guard, warn } from '../core/log.js';
import { afterFirstPaint, atNextChance } from '../core/schedule.js';
import { define } from '../core/define.js';
import { resolveLang } from '../core/lang.js';
import { earlyConsent, gateEarly } from './returning-visitor.js';
import { holdBack } from './lean.js';
import { loadController, loadUi } from './lazy.js';
import { doc } from '../core/doc.js';

/** `window.keksi`: the functions of api.ts, and `push(fn)`, which runs `fn(keksi)` (calls queued before Keksi loaded run at start-up). */
export type KeksiApi = typeof api & { push(fn: (keksi: KeksiApi) => void): void };
type Api = KeksiApi;
type Queued = Array<(keksi: Api) => void>;

declare global {
  interface Window {
    /** Keksi's API, set by this entry (`dist/keksi.js`, `dist/keksi.mjs`); undefined until it has run. */
    keksi?: KeksiApi;
  }
}

const w = window as unknown as { keksi?: Api | Queued };
// Keksi's own tag, read through Document.prototype (core/doc.ts): injected HTML can name an element `currentScript`
// or `scripts` and so shadow the document's own properties (DOM clobbering). The ES module build
// knows its tag only by address (as fetched: an injected <base href> must not hide it); an injected
// copy of that tag makes it ambiguous, and then no tag is believed.
const scripts = [...doc('scripts')];
const tags = scripts.filter((s) => fetchedFrom(s) === import.meta.url);
// Several tags at the module's address (an injected copy with a made-up nonce; one module runs once for
// all): an inline script runs only with the page's nonce, under `'nonce-…'` alone, with 'self' and with
// Trusted Types, so the one tag whose nonce runs one is the shop's. Believed only where a made-up nonce does
// not run: under 'strict-dynamic' (a script-inserted inline script runs whatever its nonce) and without a
// policy the tag stays ambiguous (below: fails closed). Each failed probe is one policy violation (a report).
const runs = (nonce: string) => {
  const key = '__keksi' + Math.random().toString(36).slice(2);
  const probe = doc('createElement')('script');
  setScriptNonce((probe.nonce = nonce));
  probe.text = scriptPolicy().createScript(`self.${key}=1`) as string;
  doc('head').append(probe);
  probe.remove();
  const ran = Reflect.get(window, key);
  Reflect.deleteProperty(window, key);
  return ran;
};
const believed = () => {
  const found = guard("telling the page's nonce", () => !runs('' + Math.random()) && tags.filter((s) => s.nonce && runs(s.nonce)), false);
  return found && !found[1] ? found[0] : null;
};
const script = (doc('currentScript') as HTMLScriptElement | null) || (tags[1] ? believed() : tags[0]);
// Under `script-src 'self' 'nonce-…'` (no 'strict-dynamic') injected HTML can load any copy of Keksi
// on the shop's server without the nonce (another folder, version or query), and a tag written in the
// body runs before the shop's deferred or module tag in <head>, or before its tag at the end of <body>:
// a tag without a nonce is not Keksi's own when another of Keksi's tags (the same file, or any keksi*.js
// or keksi*.mjs) has one, also when that one comes later (it takes over until this one starts).
const KEKSI = /\/keksi[^/-]*\.m?js/;
const at = script && !script.nonce && fetchedFrom(script);
const ignored = () => warn(`${at}: a tag without the nonce of Keksi's own; ignored.`);
// Each copy that runs marks its tag with a property (HTML can set attributes, never an element's
// properties): a tag with a nonce that never ran, because the policy blocked it, is not one of Keksi's
// (see `mixed` below). Defined, not assigned: nothing is thrown on a page that made its elements
// non-extensible (this copy's own tag counts as run all the same).
if (script) Reflect.defineProperty(script, '__keksiRan', { value: 1 });
const ran = (s: HTMLScriptElement) => s == script || (s as unknown as { __keksiRan?: 1 }).__keksiRan;
const nonced = () => [...doc('scripts')].some((s) => s != script && s.nonce && (KEKSI.test(fetchedFrom(s)) || fetchedFrom(s) === at));

// Another copy of Keksi leaves its API here; an element with id="keksi" (window's named property) is no API.
if (w.keksi && Object.getPrototypeOf(w.keksi) === Object.prototype && !(script?.nonce && !nonced())) {
  // Name both tags: the running copy's is another script of Keksi's (keksi.js, keksi.mjs?v=1; not the single file's second half).
  const first = scripts.find((s) => s != script && KEKSI.test(s.src));
  warn(`Keksi is loaded twice (${first?.src}, then ${script?.src}); the second does not run: keep one <script> tag, at one address (?v=1 is another).`);
} else if (at && nonced()) {
  ignored();
} else {
  const queued = Array.isArray(w.keksi) ? w.keksi : [];
  const keksi: Api = { ...api, push: (fn) => guard('a queued keksi call', () => typeof fn === 'function' && fn(keksi)) };
  w.keksi = keksi;
  if (script) setScriptNonce(script.nonce!);
  else if (tags[1]) {
    warn('several <script> tags load Keksi: data-* ignored.');
    // A nonce no element has: no <keksi-consent> is trusted to load code (see the controller's
    // _start()), and what Keksi inserts does not pass a nonce CSP.
    setScriptNonce('' + Math.random());
  }
  queued.forEach(keksi.push);

  // The page's own <keksi-consent>, its configuration instead of the tag's data-*. With a nonce on Keksi's
  // tag, only one with that nonce: injected HTML cannot know it, and another one would have replaced the
  // tag's settings (its notice link, categories, and so its tag IDs); it is removed, before it can start.
  const own = () => {
    for (const el of doc('querySelectorAll')('keksi-consent')) {
      if (script?.nonce && (el as HTMLElement).nonce != script.nonce) {
        warn(`${el.outerHTML}: no nonce of Keksi's tag; removed.`);
        el.remove();
      }
    }
    return doc('querySelector')('keksi-consent');
  };
  // The element made from Keksi's tag, its data-* as attributes.
  const make = () => {
    const el = doc('createElement')('keksi-consent');
    for (const { name, value } of script?.attributes || []) {
      if (name.startsWith('data-')) el.setAttribute(name.slice(5), value);
    }
    // Made from Keksi's own tag: as trusted as the tag (see the controller's _start()).
    el.nonce = scriptNonce;
    return el;
  };
  const mount = (KeksiConsent: CustomElementConstructor) =>
    guard('mounting <keksi-consent>', () => {
      const mine = own();
      define('keksi-consent', KeksiConsent);
      // Just before <body>, not in it: first in the tab order (once the banner is closed the controller
      // moves it just after <body>, so the reopen button is last), while shown fixed at the bottom, and out
      // of reach of the body's layout (grid, flex, columns), its transform, filter or containment (which
      // would hold the fixed banner at the end of a long page), the theme's `body > *` rules, and body
      // swaps (Turbo). On a returning visit the core held the controller back for (lean.ts), it is there already.
      if (!mine) doc('head').after(make());
    });
  // Once the page is parsed. A returning visitor's gated elements run at once, on the stored choice
  // (returning-visitor.ts). The controller is needed at once when Google or Meta tags are on the page (their
  // queues must hear the consent default or the stored choice as early as possible) or when a stored
  // choice no longer applies. Otherwise it comes after the page's first paint, in a task of its own,
  // with the UI fetched alongside on a first visit: Keksi never competes with the page's own first
  // content (Lighthouse then measures no FCP or LCP cost).
  const start = () => {
    const el = own();
    // The page's own <keksi-consent>, as the controller will read it (see readTrusted), or Keksi's tag.
    const read = el ? readTrusted(el, scriptNonce) : (name: string) => script?.getAttribute('data-' + name) ?? null;
    const returning = guard('gating the page', () => gateEarly(read), false);
    const trackers = hasTrackers(read);
    const now = trackers || (returning && !earlyConsent());
    // Held back (lean.ts), the controller starts at once when woken: what woke it waits for it.
    let held = false;
    // A failed load is tried again, once, at the visitor's next press or key, or when the network comes back (both builds).
    const load = (): Promise<unknown> =>
      loadController(trackers).then(
        ({ KeksiConsent }) => (now || held ? mount(KeksiConsent) : new Promise((started) => setTimeout(() => started(mount(KeksiConsent))))),
        (error) => {
          // On a returning visit the early gate already ran what the stored choice allows (returning-visitor.ts): say that, not "nothing".
          warn(
            `Keksi could not be loaded; ${earlyConsent() ? 'the stored choice still applies on this page' : 'nothing gated runs'}; it is asked for again at the next press or key`,
            error,
          );
          atNextChance(load);
        },
      );
    if (now) load();
    else
      afterFirstPaint().then(() => {
        // A first visit: the UI chunk and the visitor's texts beside the controller's chunk (three requests at once).
        if (!returning) loadUi(resolveLang(read('lang'))).catch(() => {});
        // A returning visit the core gated, on a page that needs nothing more now: no controller until something does.
        if (
          !(held = !el && !!script && guard('holding the controller back', () => holdBack(script ? script.getAttributeNames() : [], read, make(), load), false))
        )
          load();
      });
  };
  // A policy with 'self' also runs an injected copy of Keksi's tag with a made-up nonce (the nonce is not
  // checked for a file of the shop's own), which would take over as "Keksi's tag with a nonce". The page's
  // nonce is one: once all tags are in (DOMContentLoaded), Keksi's tags with different nonces leave no way
  // to tell the shop's, so none is believed and Keksi does not start (fails closed: nothing optional runs).
  // Only copies that ran count: under `script-src 'nonce-…'` alone the browser blocks a decoy, and counting
  // it would let one injected tag stop Keksi on every shop with a strict policy. A runnable (no type,
  // `module`, a JavaScript type; not an inert type="text/plain" copy) async tag that has not run yet may
  // still run: Keksi waits for the page's load event, by which it has run or failed.
  const mine = (): HTMLScriptElement[] =>
    [...doc('scripts')].filter((s) => s.nonce && /^\s*(module)?\s*$|script/i.test(s.type) && (s == script || KEKSI.test(fetchedFrom(s))));
  const pending = () => doc('readyState') != 'complete' && mine().some((s) => s.async && !ran(s));
  const mixed = () =>
    new Set(
      mine()
        .filter(ran)
        .map((s) => s.nonce),
    ).size > 1;
  // Not when Keksi's tag with the nonce has taken over, or has come since (this tag has none). Not when the
  // page replaced Symbol (or its `for`): the UI's templates (lit) need Symbol.for,
  // and without them the banner never shows; Keksi does not start and says so (nothing optional runs).
  const begin = (): unknown =>
    w.keksi != keksi || (at && nonced())
      ? ignored()
      : pending()
        ? addEventListener('load', begin, { once: true })
        : mixed()
          ? warn("Keksi's tags have different nonces: none is believed.")
          : typeof globalThis.Symbol?.for != 'function'
            ? warn('no Symbol.for: Keksi does not start.')
            : guard('starting Keksi', start);
  if (doc('readyState') === 'loading') doc('addEventListener')('DOMContentLoaded', begin);
  else begin();
}
