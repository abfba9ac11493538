/**
 * Gating: scripts (`<script type="text/plain" data-category>`) and embeds (`data-category` +
 * `data-src`) run only once their categories are granted (with `data-service="name"`, also that
 * service's own switch; with `data-service="!name"`, only once the visitor has decided against it). Activation is in document order, once per
 * element, on the consent in force when the element is reached; an external script waits for the
 * previous external one. Elements added later are gated too. The markup is the same as
 * cookieconsent v3's, so shops can migrate without editing their tags.
 *
 * Gated markup must not become a way to run injected code: a gated URL is http(s) or relative, and
 * when Keksi's script tag has a nonce, only gated scripts with the same nonce run (under
 * 'strict-dynamic' any script Keksi creates would run). Under Trusted Types, the scripts that pass
 * go through the `keksi` policy, which exists only with a nonce: without one, none runs.
 */
import { isSafeUrl, negated } from './attributes.js';
import { isVendorSnippet } from './trackers.js';
import { guard, warn } from './log.js';
import { doc } from './doc.js';

/**
 * Only `type="text/plain"` scripts are gated scripts: a JSON or module script with `data-src` is left alone. A `<form>` is
 * no gated embed: its controls are its properties (HTMLFormElement has [LegacyOverrideBuiltIns]), so in an injected
 * `<form data-category data-src><input name="hasAttribute">` the gate's reads threw, and stopped gating what came after it.
 */
const SELECTOR = 'script[type="text/plain"][data-category],[data-category][data-src]:not(script,form)';
/** Attributes of a gated script that the activated copy must not inherit (`src` is set through Trusted Types). */
const NOT_COPIED = /^(type|src|data-(category|type|src))$/;

/** The URL an element activates: `data-src`, else (a gated script) `src`. */
const urlOf = (el: Element) => el.getAttribute('data-src') || el.getAttribute('src') || '';

/**
 * A gated YouTube or Vimeo embed's privacy-enhanced address, unless it has `data-keep-url`: YouTube's
 * youtube-nocookie.com, Vimeo's `dnt=1` (unless `dnt` is given: `?dnt=1`, or `&dnt=1` after the
 * address's own parameters). Any other address is unchanged. In the
 * core, because a returning visitor's iframes get their `src` from the core alone (the early gate, before
 * any chunk is fetched); anywhere later, youtube.com would already have set its cookies.
 */
const embedUrl = (el: Element, url = urlOf(el)) =>
  el.hasAttribute('data-keep-url')
    ? url
    : url
        .replace(/^https:\/\/(www\.)?youtube\.com\/embed\//, 'https://www.youtube-nocookie.com/embed/')
        .replace(/^https:\/\/player\.vimeo\.com\/video\/(?![^#]*dnt=)[^#]*/, (url) => url + (url.includes('?') ? '&' : '?') + 'dnt=1');

type Policy = { createScript(s: string): string; createScriptURL(s: string): string };
declare const trustedTypes: { createPolicy(name: string, rules: Policy): Policy };
/** Plain strings, when there is no policy to use. */
const plain: Policy = { createScript: String, createScriptURL: String };
let policy: Policy | undefined;
/**
 * The script sinks' Trusted Types policy, `keksi`, created on first use and only when Keksi's tag has
 * a nonce (so only for scripts carrying it); else, or when the page does not allow it, plain strings.
 */
export function scriptPolicy(): Policy {
  try {
    policy ||= scriptNonce ? trustedTypes.createPolicy('keksi', plain) : plain;
  } catch {
    policy = plain;
  }
  return policy;
}

/**
 * The address a `<script src>` was fetched from. Its `src` property is resolved against the base URL
 * in force now, and a `<base href>` injected after the tag (HTML in the page's body) changes that; the
 * browser fetched the tag against the first `<base href>` only if it comes before the tag, else
 * against the page's own address. Read through Document.prototype (DOM clobbering).
 */
export const fetchedFrom = (s: HTMLScriptElement): string => {
  const base = doc('querySelector')('base[href]') as Element | null;
  // 4: Node.DOCUMENT_POSITION_FOLLOWING (the tag comes after the base).
  return !base || base.compareDocumentPosition(s) & 4 ? s.src : new URL(s.getAttribute('src')!, location.href).href;
};

/** Nonce for scripts Keksi inserts, taken from Keksi's own script tag (strict CSP). */
export let scriptNonce = '';
export function setScriptNonce(nonce: string): void {
  scriptNonce = nonce;
}

/** The categories an element is gated on (space-separated: all must be granted; `!name`: see Gate). */
export const categoriesOf = (el: Element): string[] => (el.getAttribute('data-category') || '').split(/\s+/).filter(Boolean);

/** External scripts Keksi started, to name them when they throw (listening starts with the first one). */
const ran = new Set<string>();
const onScriptError = (e: ErrorEvent) => {
  if (ran.has(e.filename)) warn(`the gated script ${e.filename} threw "${e.message}"; the ones after it still run.`);
};

/**
 * Asked before a gated script runs; `false` holds it back until the next `update()`, and `held` says
 * that one was. Until the integrations have started, a vendor's own snippet (Google's, Meta's) is held:
 * it must not run before its queue has heard the consent default and the visitor's choice, also when a
 * single-page shop adds it long after start-up. The integrations replace `ok` when they start.
 */
export const vendorHold = { ok: (el: Element): boolean => !isVendorSnippet(el), held: false };

export class Gate {
  private _queue: Element[] = [];
  private _waiting = false;
  private _observer?: MutationObserver;
  /** Stopped by `disconnect()`. */
  private _off = false;
  /** The categories seen granted on this page view (see `_allows`). */
  private _had = new Set<string>();

  /**
   * @param granted whether a name is granted now (core/record.ts grants()): a category, `category:service`,
   *   or `category:*` for the category granted whole (every service on)
   * @param known whether a category is configured (unknown ones never run)
   * @param blocked called for each embed that stays blocked, e.g. to show a placeholder
   */
  constructor(
    private readonly _granted: (category: string) => boolean,
    private readonly _known: (category: string) => boolean,
    private readonly _blocked: (el: Element) => void,
  ) {}

  /** Activate what is granted now, unload embeds that no longer are, and keep watching the page; after `disconnect()`, nothing. */
  update(): void {
    if (this._off) return;
    for (const el of doc('querySelectorAll')('[data-keksi="on"][data-src]:not(form)')) {
      if (!this._allows(el)) {
        el.setAttribute('src', 'about:blank');
        el.removeAttribute('data-keksi');
      }
    }
    // What is queued but has not run is considered again, in document order: a withdrawal drops it.
    this._queue = [];
    this._consider(doc('querySelectorAll')(SELECTOR));
    if (!this._observer) {
      this._observer = new MutationObserver((records) => {
        for (const r of records) {
          for (const node of r.addedNodes) {
            // Element's own querySelectorAll: an added <form>'s may be a control.
            if (node instanceof Element) this._consider([node, ...Element.prototype.querySelectorAll.call(node, SELECTOR)]);
          }
        }
      });
      this._observer.observe(doc('documentElement'), { childList: true, subtree: true });
    }
  }

  /**
   * Stop (the controller was removed): no more watching, and what was queued is dropped, also what waits
   * for an external script still loading. Until `connect()`, `update()` does nothing.
   */
  disconnect(): void {
    this._off = true;
    this._queue = [];
    this._observer?.disconnect();
    this._observer = undefined;
  }

  /** Start again after `disconnect()` (the controller was put back): activate and watch, as `update()`. */
  connect(): void {
    this._off = false;
    this.update();
  }

  /**
   * Whether an element may run now. `data-category="!analytics"` (cookieconsent v3's markup) runs, as
   * cookieconsent runs it, once analytics has been withdrawn during this page view: granted at an
   * earlier update, not granted now. Not before any choice, not on a rejection at the first choice,
   * not at load for a visitor who rejected earlier; an element runs once.
   */
  private _allows(el: Element): boolean {
    const categories = categoriesOf(el).map(negated);
    for (const [c] of categories) {
      if (!this._known(c)) warn(`an element is gated on "${c}", which is not a configured category; it will not run.`, el);
    }
    // data-service="name": its category granted and its switch on; "!name": decided, and it is not (see grants()).
    // No service named: the category granted whole ("*", a service no partial grant lists), as the element
    // could be any of its services (a pasted pixel whose switch is off, when only a video was allowed).
    const service = el.getAttribute('data-service');
    return (
      categories.length > 0 &&
      categories.every(([c, not]) => {
        const granted = this._known(c) && this._granted(service ? c + ':' + service : not ? c : c + ':*');
        if (granted && !service) this._had.add(c);
        return not ? !granted && this._had.has(c) : granted;
      })
    );
  }

  private _consider(elements: Iterable<Element>): void {
    for (const el of elements) {
      // Not in the page (any more): an added script an update() has already run (and replaced) is one.
      // Element's own matches() first: no other read of an added <form> (see SELECTOR).
      if (!Element.prototype.matches.call(el, SELECTOR) || !el.isConnected || this._queue.includes(el) || el.hasAttribute('data-keksi')) continue;
      const script = el instanceof HTMLScriptElement;
      // A nonce taken over by dangling markup (an unclosed injected tag swallowing the shop's script
      // tag) leaves "<script" or "<style" in an attribute: browsers then ignore the nonce, and so does Keksi.
      const swallowed = () => /<(script|style)/i.test([...el.attributes].map((a) => a.name + a.value).join());
      if (!isSafeUrl(urlOf(el)) || (script && scriptNonce && (el.nonce != scriptNonce || swallowed()))) {
        warn(`${el.outerHTML}: unsafe URL or no nonce; not run.`);
      } else if (this._allows(el)) {
        this._queue.push(el);
      } else if (!script) {
        this._blocked(el);
      }
    }
    this._pump();
  }

  private _pump(): void {
    while (!this._waiting && this._queue.length) {
      const el = this._queue.shift()!;
      // The consent may have changed since the element was queued (a gated script may withdraw it).
      if (!this._allows(el)) continue;
      // Under Trusted Types without Keksi's policy, the script sinks throw: say so, go on.
      if (el instanceof HTMLScriptElement) {
        if (vendorHold.ok(el)) guard(el.outerHTML, () => this._runScript(el));
        else vendorHold.held = true;
      } else {
        el.setAttribute('data-keksi', 'on');
        // A relative address against the page's own, as for scripts, when a <base href> (maybe injected) moved the base.
        const url = embedUrl(el);
        el.setAttribute('src', doc('baseURI') == location.href ? url : new URL(url, location.href).href);
      }
    }
  }

  private _runScript(old: HTMLScriptElement): void {
    const s = doc('createElement')('script');
    for (const { name, value } of old.attributes) if (!NOT_COPIED.test(name)) s.setAttribute(name, value);
    // A type that is not JavaScript (data-type="application/json") stays a data block, as in the browser.
    s.type = old.getAttribute('data-type') || '';
    s.nonce = old.nonce;
    s.setAttribute('data-keksi', 'on');
    const src = urlOf(old);
    if (src) {
      // Against the page's own address: an injected <base href> must not move where the shop's gated
      // script comes from (it is fetched later than the browser alone would have fetched it).
      s.src = scriptPolicy().createScriptURL(new URL(src, location.href).href);
      if (!ran.size) addEventListener('error', onScriptError);
      ran.add(s.src);
      s.addEventListener('error', () => warn(`the gated script ${src} did not load; the ones after it still run.`));
      if (!old.hasAttribute('async')) {
        // Dynamically inserted scripts are async; chain them so they keep the page's order.
        s.async = false;
        this._waiting = true;
        s.onload = s.onerror = () => {
          this._waiting = false;
          this._pump();
        };
      }
    } else {
      s.text = scriptPolicy().createScript(old.text);
    }
    if (old.isConnected) old.replaceWith(s);
    else doc('head').append(s);
  }
}

/**
 * Insert one of Keksi's own external scripts (a vendor's: gtag.js, fbevents.js, matomo.js, …) with
 * Keksi's nonce. In the core, not a chunk of its own: every integration's chunk uses it, and a shared
 * chunk would be one more request before a returning visitor's gated tags run.
 */
export function loadScript(src: string): HTMLScriptElement {
  const s = doc('createElement')('script');
  s.src = scriptPolicy().createScriptURL(src);
  s.nonce = scriptNonce;
  // Keksi's own (gtag.js, fbevents.js, …): not a vendor script the page left ungated (diagnostics.ts).
  s.setAttribute('data-keksi', 'on');
  doc('head').append(s);
  return s;
}
