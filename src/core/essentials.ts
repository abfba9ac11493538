/**
 * What gating needs of the configuration: the attributes that decide what may run (`categories`,
 * `revision`, `cookie-name`, `expires-days`) and whether Google or Meta tags are on the page. The
 * script-tag entry reads these before the rest of Keksi is fetched (see `src/early.ts`);
 * `parseConfig()` (core/config.ts) builds the full configuration on the same parse, so the two cannot
 * disagree. Also the URL check shared by `notice-url` and gated elements. Pure: nothing here touches
 * the page but reads of `window.dataLayer` and the gated scripts.
 */

/** The category that is always on. */
export const NECESSARY = 'necessary';

/** The consent cookie's name unless `cookie-name` says otherwise. */
export const DEFAULT_COOKIE = 'keksi_consent';

/** Returns an attribute's value, or null when it is absent. */
export type Read = (name: string) => string | null;

/** A bad value: what was wrong (a kind, usually the attribute's name), the attribute, the value. */
export type Problem = [kind: string, name: string, value: string];

/** The part of the configuration gating depends on. */
export interface GatingConfig {
  /** Optional categories, in display order; never includes `necessary`. */
  categories: string[];
  revision: number;
  cookieName: string;
  expiresDays: number;
}

export const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,39}$/;

/** The attributes naming Google and Meta tags. */
const TRACKER_ATTRIBUTES = ['ga', 'google-ads', 'gtm', 'meta-pixel'] as const;

/**
 * True for a URL a link, a request or a gated element may use: relative or http(s). Browsers drop
 * tabs and newlines inside URLs ("java\tscript:"), so any control character is refused outright.
 */
export const isSafeUrl = (url: string): boolean => !/[\0-\x1f]|^\s*(?!https?:)[a-z][a-z\d+.-]*:/i.test(url);

/**
 * The attributes that load code, send data or decide which stored choice applies (ga, gtm, google-ads,
 * meta-pixel, consent-mode, cookie-name, cookie-domain, log-url, revision, expires-days,
 * reload-on-withdraw: the only known attributes that start so).
 */
const GUARDED = /^(g|me|co|lo|re|ex)/;

/**
 * Reads an element's attributes. Under a nonce CSP (Keksi's tag has one) the guarded attributes count
 * only on an element with the same nonce (as the one Keksi makes from its tag), since injected HTML
 * cannot know it: from any other they read as absent, and `bad` hears of it.
 */
export const readTrusted =
  (el: Element, nonce: string, bad = (_name: string) => {}): Read =>
  (name) => {
    const value = el.getAttribute(name);
    if (!nonce || (el as HTMLElement).nonce == nonce || value === null || !GUARDED.test(name)) return value;
    bad(name);
    return null;
  };

export const tokens = (value: string | null): string[] => (value || '').split(/[\s,]+/).filter(Boolean);

/**
 * What every documented form of Google's (gtag.js, GTM) and Meta's snippets mentions, in its text or
 * address; the integrations tell the two apart (GOOGLE_SNIPPET, META_SNIPPET).
 */
export const VENDOR_SNIPPET = /gtag|dataLayer|googletag|fbq|facebook\.net/;

/** Whether a gated script still waiting (its text or its address) matches `snippet`. */
export const gatedSnippet = (snippet: RegExp): boolean =>
  [...document.querySelectorAll('script[data-category]')].some((s) => snippet.test(s.outerHTML));

/**
 * Whether the page has Google or Meta tags Keksi drives (an attribute with a value, the page's own
 * `dataLayer`, or a vendor's own snippet gated): their queues must hear the consent before any gated
 * element runs.
 */
export const hasTrackers = (read: Read): boolean =>
  TRACKER_ATTRIBUTES.some((name) => read(name)?.trim()) ||
  !!(window as { dataLayer?: unknown }).dataLayer ||
  gatedSnippet(VENDOR_SNIPPET);

/** Parse the attributes gating depends on; each bad value gets a safe default and is passed to `bad`. */
export function parseGating(read: Read, bad: (...problem: Problem) => void): GatingConfig {
  const categories: string[] = [];
  for (const id of tokens(read('categories')).map((t) => t.toLowerCase())) {
    if (id === NECESSARY || categories.includes(id)) continue;
    if (CATEGORY_ID.test(id)) categories.push(id);
    else bad('category', 'categories', id);
  }

  const revisionAttr = read('revision');
  let revision = Number(revisionAttr ?? 0);
  if (!Number.isInteger(revision) || revision < 0) {
    bad('revision', 'revision', revisionAttr!);
    revision = 0;
  }

  let cookieName = read('cookie-name') ?? DEFAULT_COOKIE;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cookieName)) {
    bad('cookie-name', 'cookie-name', cookieName);
    cookieName = DEFAULT_COOKIE;
  }

  const expiresAttr = read('expires-days');
  let expiresDays = Number(expiresAttr ?? 182);
  if (!Number.isFinite(expiresDays)) {
    bad('expires-days', 'expires-days', expiresAttr!);
    expiresDays = 182;
  } else if (expiresDays < 1 || expiresDays > 395) {
    bad('clamped', 'expires-days', expiresAttr!);
    expiresDays = Math.min(395, Math.max(1, expiresDays));
  }
  return { categories, revision, cookieName, expiresDays };
}
