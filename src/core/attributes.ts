/**
 * The attributes gating depends on (`categories`, `revision`, `cookie-name`, `expires-days`), read the
 * way the controller reads them (`readTrusted`: under a nonce CSP the guarded ones count only on
 * Keksi's own element) and parsed with safe defaults (`parseGating`). The script-tag entry reads them
 * before the rest of Keksi is fetched (entry/returning-visitor.ts); `parseConfig()`
 * (controller/config.ts) builds the full configuration on the same parse, so the two cannot disagree.
 * Also the URL check shared by `notice-url`, `log-url` and gated elements (`isSafeUrl`). Pure: nothing
 * here touches the page.
 */

import { toLang } from './lang.js';

/** The category that is always on. */
export const NECESSARY = 'necessary';

/** The consent cookie's name unless `cookie-name` says otherwise. */
export const DEFAULT_COOKIE = 'keksi_consent';

/** How many days a choice lasts unless `expires-days` says otherwise (about six months). */
export const DEFAULT_EXPIRES_DAYS = 182;

/** The longest a choice may last, in days (13 months); a longer `expires-days` is clamped. */
export const MAX_EXPIRES_DAYS = 395;

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

/** A category's id. Case is kept, as cookieconsent keeps it (`socialMedia`): ids compare exactly. */
export const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,39}$/i;

/**
 * True for a URL a link, a request or a gated element may use: relative or http(s). Browsers drop
 * tabs and newlines inside URLs ("java\tscript:"), so any control character is refused outright.
 */
export const isSafeUrl = (url: string): boolean => !/[\0-\x1f]|^\s*(?!https?:)[a-z][a-z\d+.-]*:/i.test(url);

/**
 * The attributes that only change texts or the layout (categories, lang, notice-url, no-reopen-button,
 * position: the only known attributes that start so; not ignore-gpc, which decides what "accept all" grants). Every other one loads code, sends
 * data or decides which stored choice applies (the tag IDs, consent-mode, cookie-name, log-url, …), and
 * so does any attribute added later until it is listed here.
 */
const OPEN = /^(ca|la|n|po)/;

/**
 * Reads an element's attributes. Under a nonce CSP (Keksi's tag has one) the guarded attributes count
 * only on an element with the same nonce (as the one Keksi makes from its tag), since injected HTML
 * cannot know it: from any other they read as absent, and `bad` hears of it.
 */
export const readTrusted =
  (el: Element, nonce: string, bad = (_name: string) => {}): Read =>
  (name) => {
    const value = el.getAttribute(name);
    if (!nonce || (el as HTMLElement).nonce == nonce || value === null || OPEN.test(name)) return value;
    bad(name);
    return null;
  };

/**
 * The values of the two layout attributes that take one of a list; the first is the default. The core's:
 * a returning visit it gates without the controller draws with them (`PLAIN`); the controller's `ONE_OF`
 * (controller/config.ts) adds its own.
 */
export const LAYOUT = {
  position: ['bottom', 'top', 'center'],
  reopen: ['bottom-left', 'bottom-right', 'none'],
} as const;

const any = () => true;
const oneOf = (list: readonly string[]) => (value: string | null) => value === null || list.includes(value);

/** Whether a URL attribute's value is good: absent, empty or safe (`isSafeUrl`); `notice-url` and `log-url`. */
export const isGoodUrl = (value: string | null): boolean => isSafeUrl(value?.trim() || '');

/**
 * The attributes the core can do without the controller for (a returning visit it gated: entry/lean.ts),
 * each with the one check of its value (null: not set) that the controller's `parseConfig()` makes too:
 * any other attribute, or one of these with a bad value, fetches the controller (its `[keksi]` message).
 * Gating's own four are judged by `parseGating()`, whose problems the core counts (`troubled`).
 * test/node/plain-attributes.test.mjs: every attribute the controller knows is classified, and the two agree.
 */
export const PLAIN: Readonly<Record<string, (value: string | null) => boolean>> = {
  __proto__: null as never,
  categories: any,
  lang: (value) => !value || !!toLang(value),
  revision: any,
  'cookie-name': any,
  'expires-days': any,
  'notice-url': isGoodUrl,
  position: oneOf(LAYOUT.position),
  reopen: oneOf(LAYOUT.reopen),
  'no-reopen-button': any,
};

export const tokens = (value: string | null): string[] => (value || '').split(/[\s,]+/).filter(Boolean);

/** Parse the attributes gating depends on; each bad value gets a safe default and is passed to `bad`. */
export function parseGating(read: Read, bad: (...problem: Problem) => void): GatingConfig {
  const categories: string[] = [];
  for (const id of tokens(read('categories'))) {
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
  let expiresDays = Number(expiresAttr ?? DEFAULT_EXPIRES_DAYS);
  if (!Number.isFinite(expiresDays)) {
    bad('expires-days', 'expires-days', expiresAttr!);
    expiresDays = DEFAULT_EXPIRES_DAYS;
  } else if (expiresDays < 1 || expiresDays > MAX_EXPIRES_DAYS) {
    bad('clamped', 'expires-days', expiresAttr!);
    expiresDays = Math.min(MAX_EXPIRES_DAYS, Math.max(1, expiresDays));
  }
  return { categories, revision, cookieName, expiresDays };
}

// ----- issue 15: cookieconsent v3's negation, shared by data-category="!cat" and data-service="!name" -----

/**
 * A gating name without its "!" and whether it had one: "!analytics" or "marketing:!meta-pixel" (a
 * category, a service of one): cookieconsent v3's markup for what runs when that is not granted. The
 * one place "!" is parsed (gating: data-category; record.ts grants(): data-service and the API).
 */
export const negated = (name: string): [name: string, not: boolean] => [name.replace('!', ''), name.includes('!')];
