/**
 * Gating: scripts (`<script type="text/plain" data-category>`) and embeds (`data-category` +
 * `data-src`) run only once their categories are granted. Activation is in document order, once per
 * element; an external script waits for the previous external one. Elements added later are gated too.
 * The markup is the same as cookieconsent v3's, so shops can migrate without editing their tags.
 */
import { warn } from './log.js';

const SELECTOR = 'script[type="text/plain"][data-category],[data-category][data-src]';
/** Attributes of a gated script that the activated copy must not inherit. */
const NOT_COPIED = /^(type|data-category|data-type|data-src|data-keksi)$/;

/** Nonce for scripts Keksi inserts, taken from Keksi's own script tag (strict CSP). */
export let scriptNonce = '';
export function setScriptNonce(nonce: string): void {
  scriptNonce = nonce;
}

/** The categories an element is gated on (space-separated: all must be granted). */
export const categoriesOf = (el: Element): string[] => (el.getAttribute('data-category') || '').split(/\s+/).filter(Boolean);

/** Insert an external script, calling `done` on load or error. */
export function loadScript(src: string, done?: () => void, doc: Document = document): HTMLScriptElement {
  const s = doc.createElement('script');
  s.src = src;
  if (scriptNonce) s.nonce = scriptNonce;
  s.onload = s.onerror = () => done?.();
  doc.head.append(s);
  return s;
}

/** External scripts Keksi started, to name them when they throw (listening starts with the first one). */
const ran = new Set<string>();
const onScriptError = (e: ErrorEvent) => {
  if (ran.has(e.filename)) warn(`the gated script ${e.filename} threw "${e.message}"; Keksi went on with the next ones.`);
};

export class Gate {
  private _queue: Element[] = [];
  private _queued = new WeakSet<Element>();
  private _waiting = false;
  private _observer?: MutationObserver;

  /**
   * @param granted whether a category is granted now
   * @param known whether a category is configured (unknown ones never run)
   * @param blocked called for each embed that stays blocked, e.g. to show a placeholder
   */
  constructor(
    private readonly _granted: (category: string) => boolean,
    private readonly _known: (category: string) => boolean,
    private readonly _blocked: (el: Element) => void = () => {},
    private readonly _doc: Document = document,
  ) {}

  /** Activate what is granted now, unload embeds that no longer are, and keep watching the page. */
  update(): void {
    for (const el of this._doc.querySelectorAll('[data-keksi="on"][data-src]')) {
      if (!this._allows(el)) {
        el.setAttribute('src', 'about:blank');
        el.removeAttribute('data-keksi');
        this._queued.delete(el);
      }
    }
    this._consider(this._doc.querySelectorAll(SELECTOR));
    if (!this._observer && typeof MutationObserver === 'function') {
      this._observer = new MutationObserver((records) => {
        for (const r of records) {
          for (const node of r.addedNodes) {
            if (node instanceof Element) this._consider([node, ...node.querySelectorAll(SELECTOR)]);
          }
        }
      });
      this._observer.observe(this._doc.documentElement, { childList: true, subtree: true });
    }
  }

  /** Stop watching the page. */
  disconnect(): void {
    this._observer?.disconnect();
    this._observer = undefined;
  }

  private _allows(el: Element): boolean {
    const categories = categoriesOf(el);
    for (const c of categories) {
      if (!this._known(c)) warn(`an element is gated on "${c}", which is not a configured category; it will not run.`, el);
    }
    return categories.length > 0 && categories.every((c) => this._known(c) && this._granted(c));
  }

  private _consider(elements: Iterable<Element>): void {
    for (const el of elements) {
      if (this._queued.has(el) || el.hasAttribute('data-keksi') || !el.matches(SELECTOR)) continue;
      if (this._allows(el)) {
        this._queued.add(el);
        this._queue.push(el);
      } else if (!(el instanceof HTMLScriptElement)) {
        this._blocked(el);
      }
    }
    this._pump();
  }

  private _pump(): void {
    while (!this._waiting && this._queue.length) {
      const el = this._queue.shift()!;
      if (el instanceof HTMLScriptElement) this._runScript(el);
      else {
        el.setAttribute('data-keksi', 'on');
        el.setAttribute('src', el.getAttribute('data-src')!);
      }
    }
  }

  private _runScript(old: HTMLScriptElement): void {
    const s = this._doc.createElement('script');
    for (const { name, value } of old.attributes) if (!NOT_COPIED.test(name)) s.setAttribute(name, value);
    const type = old.getAttribute('data-type');
    if (type) s.type = type;
    if (old.nonce) s.nonce = old.nonce;
    s.setAttribute('data-keksi', 'on');
    const src = old.getAttribute('data-src') || old.getAttribute('src');
    if (src) {
      s.src = src;
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
      s.text = old.text;
    }
    if (old.isConnected) old.replaceWith(s);
    else this._doc.head.append(s);
  }
}
