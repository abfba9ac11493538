/**
 * `document`'s own methods and accessors, read through its prototype. Document has
 * [LegacyOverrideBuiltIns]: an element injected by HTML (`<img name="createElement">`, a `<form>`,
 * `<embed>`, `<object>` or `<iframe>` of that name) IS `document.createElement`, `.cookie`, `.head`,
 * `.querySelectorAll`, `.readyState`… (DOM clobbering; in Chromium and Firefox every one but the
 * unforgeable `location`). Keksi reads `document` only through here; rollup.config.mjs does the same for
 * Lit's own reads (`litDocument`).
 */
const proto = () => Object.getPrototypeOf(document) as Document;

/** `document[name]` as the browser defines it; a method comes back bound to `document`. */
export const doc = <K extends keyof Document>(name: K): Document[K] => {
  const value = Reflect.get(proto(), name, document);
  return typeof value == 'function' ? value.bind(document) : value;
};

/** `document.cookie = cookie`, through the browser's own setter. */
export const setCookie = (cookie: string): unknown => Reflect.set(proto(), 'cookie', cookie, document);

/**
 * `window[name]`, unless HTML put it there: an element's id (or an `<iframe>`'s name: its window) is a
 * window global wherever the page defined none, so a vendor's queue Keksi finds there may be an `<img>`
 * (or, two elements of that id, an HTMLCollection).
 * (In the core: a module of its own would be one more chunk, and trackers.ts, which imports theirs, a cycle.)
 */
export const own = (name: string): unknown => {
  const value = Reflect.get(window, name);
  // Two elements of one id: an HTMLCollection (iterable, its <a>s' strings their hrefs).
  return value instanceof Node || value instanceof HTMLCollection || value?.window == value ? undefined : value;
};

/**
 * The shop's opener a click is on (`data-keksi-open`, cookieconsent's `data-cc`), or null. A `<form>`'s controls are
 * its properties (HTMLFormElement has [LegacyOverrideBuiltIns]): an injected `<input name="closest">` IS form.closest,
 * so `closest` is Element's own, and a form is no opener (its `hasAttribute`, `click`… may be controls).
 */
export const openerOf = ({ target }: Event): HTMLElement | null => {
  const opener = target instanceof Element ? (Element.prototype.closest.call(target, '[data-keksi-open],[data-cc]') as HTMLElement | null) : null;
  return opener instanceof HTMLFormElement ? null : opener;
};
