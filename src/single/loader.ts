/**
 * `dist/keksi.js` only (rollup.config.mjs puts this module in place of src/entry/lazy.ts): keksi.js is
 * the core (the early gate, `window.keksi`), and everything else — the controller, its integrations
 * and the UI — is one second file, `keksi-rest.js`, fetched from beside keksi.js when the core first
 * asks for it (after the page's first paint, or at once on pages with Google or Meta tags). So the
 * shop's single tag puts no more before the page's first paint than the module tag does.
 *
 * The second file is a classic script inserted like the vendors' (the tag's nonce, Keksi's Trusted
 * Types policy, so it passes a nonce CSP with or without 'strict-dynamic'); it is found through
 * keksi.js's own address (`document.currentScript`, read through Document.prototype), gets the core's
 * modules through a function left on its own `<script>` element (no global), and, when the tag has
 * an `integrity`, is checked against its hash, built into keksi.js. If it fails to load, or is not
 * Keksi's, nothing gated runs and the console says why (script-tag.ts).
 */
import * as api from '../entry/api.js';
import * as returningVisitor from '../entry/returning-visitor.js';
import * as attributes from '../core/attributes.js';
import * as cookieJar from '../core/cookie-jar.js';
import * as define from '../core/define.js';
import * as doc from '../core/doc.js';
import * as gating from '../core/gating.js';
import * as lang from '../core/lang.js';
import * as log from '../core/log.js';
import * as options from '../core/options.js';
import * as record from '../core/record.js';
import * as reopen from '../entry/reopen.js';
import * as schedule from '../core/schedule.js';
import * as trackers from '../core/trackers.js';
import * as vendorAddress from '../core/vendor-address.js';
import type { KeksiConsent } from '../controller/keksi-consent.js';

// Set by the build (rollup.config.mjs): the second file's name with its content hash as a query
// (a new version is never answered from cache with the old one), and its SHA-384 for `integrity`.
declare const __KEKSI_REST__: string;
declare const __KEKSI_REST_SRI__: string;

/** What the second file holds. */
type Rest = { controller(): Promise<{ KeksiConsent: typeof KeksiConsent }>; ui(): Promise<unknown> };

let arrived: ((rest: Rest) => void) | undefined;
/** Called by the second file as it runs, with what it holds. */
export const restLoaded = (rest: Rest): void => arrived?.(rest);

/** The core's modules, by the names the second file's build gives them (rollup.config.mjs, `rest`). */
const CORE = {
  loader: { restLoaded },
  api,
  returningVisitor,
  attributes,
  cookieJar,
  define,
  doc,
  gating,
  lang,
  log,
  options,
  record,
  reopen,
  schedule,
  trackers,
  vendorAddress,
};

type Trusted = { createScriptURL(s: string): string };
declare const trustedTypes: { createPolicy(name: string, rules: Trusted): Trusted } | undefined;

// keksi.js's own tag, read now (currentScript is set only while keksi.js runs), through
// Document.prototype: injected HTML cannot shadow it (DOM clobbering).
const tag = doc.doc('currentScript') as HTMLScriptElement | null;

// A failed load of the second file is forgotten (its element removed), so the core fetches it again at a
// later need: script-tag.ts does at the visitor's next press or key, or when the network comes back.

let rest: Promise<Rest> | undefined;
const loadRest = (): Promise<Rest> =>
  (rest ||= new Promise((resolve, reject) => {
    const url = new URL(__KEKSI_REST__, tag ? gating.fetchedFrom(tag) : location.href).href;
    const failed = (why: string) => {
      log.warn(`${url} ${why}`);
      rest = undefined;
      s.remove();
      reject(new Error(`${url} ${why}`));
    };
    const s = doc.doc('createElement')('script') as HTMLScriptElement & { keksi?: typeof CORE };
    let done = false;
    arrived = (r) => {
      done = true;
      resolve(r);
    };
    // The second file finds the core's modules here, on the element that loads it (no global).
    s.keksi = CORE;
    s.onload = () => done || failed('is not Keksi’s second file (same version as keksi.js?)');
    s.onerror = () => failed('did not load (it must sit beside keksi.js)');
    // With a nonce on Keksi's tag, Keksi's Trusted Types policy (the one gated scripts use); without
    // one, a policy that allows this one address only (a page without Trusted Types: a plain string).
    try {
      s.src = gating.scriptNonce ? gating.scriptPolicy().createScriptURL(url) : url;
    } catch {
      s.src = trustedTypes!.createPolicy('keksi', { createScriptURL: (u) => (u === url ? u : '') }).createScriptURL(url);
    }
    s.nonce = gating.scriptNonce;
    // The shop's Subresource Integrity reaches the second file: keksi.js names its hash.
    if (tag?.integrity) {
      s.integrity = __KEKSI_REST_SRI__;
      s.crossOrigin = tag.crossOrigin;
    }
    doc.doc('head').append(s);
  }));

export const loadController = () => loadRest().then((r) => r.controller());
export const loadUi = () => loadRest().then((r) => r.ui());
