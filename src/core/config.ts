/**
 * Configuration: turns the attributes of `<keksi-consent>` (and so the `data-*` of the script tag)
 * into a validated {@link KeksiConfig}. Bad values get a `[keksi]` warning and a safe default;
 * nothing here throws.
 */
import { warn } from './log.js';

/** The languages Keksi speaks. */
export type Lang = 'fi' | 'sv' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

/** The category that is always on. */
export const NECESSARY = 'necessary';

/** Validated configuration of one `<keksi-consent>`. */
export interface KeksiConfig {
  /** Optional categories, in display order; never includes `necessary`. */
  categories: string[];
  /** Explicit language, or undefined to follow the page. */
  lang?: Lang;
  revision: number;
  cookieName: string;
  cookieDomain?: string;
  expiresDays: number;
  noticeUrl?: string;
  position: 'bottom' | 'top' | 'center';
  reopenButton: boolean;
  ga: string[];
  googleAds: string[];
  gtm: string[];
  metaPixel: string[];
  consentMode: 'basic' | 'advanced';
  logUrl?: string;
  reloadOnWithdraw: boolean;
  ignoreGpc: boolean;
}

/** Every attribute `<keksi-consent>` understands. */
export const ATTRIBUTES = [
  'categories', 'lang', 'revision', 'cookie-name', 'cookie-domain', 'expires-days', 'notice-url',
  'position', 'no-reopen-button', 'ga', 'google-ads', 'gtm', 'meta-pixel', 'consent-mode', 'log-url',
  'reload-on-withdraw', 'ignore-gpc',
] as const;

const IGNORED_ATTRIBUTES = /^(id|class|style|hidden|slot|part|exportparts|nonce|title|dir|aria-.*|data-.*)$/;
const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,39}$/;
const ID_PATTERNS = {
  ga: /^G-[A-Z0-9]{4,16}$/,
  'google-ads': /^AW-\d{4,16}$/,
  gtm: /^GTM-[A-Z0-9]{4,12}$/,
  'meta-pixel': /^\d{5,20}$/,
} as const;

type Read = (name: string) => string | null;

/** Map a language tag (`fi-FI`, `sv`, `EN-gb`) to a supported language, or undefined. */
export function toLang(tag: string | null | undefined): Lang | undefined {
  const base = (tag || '').trim().toLowerCase().split(/[-_]/)[0] as Lang;
  return LANGS.includes(base) ? base : undefined;
}

/**
 * The visitor's language: the explicit one, then `<html lang>`, then the browser's languages, then English.
 */
export function resolveLang(explicit: Lang | undefined, htmlLang: string | null, browser: readonly string[]): Lang {
  if (explicit) return explicit;
  const fromHtml = toLang(htmlLang);
  if (fromHtml) return fromHtml;
  for (const tag of browser) {
    const lang = toLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** True for a URL a link or a request may use: relative or http(s). */
export function isSafeUrl(url: string): boolean {
  // Browsers drop tabs and newlines inside URLs ("java\tscript:"), so refuse them outright.
  if (/[\x00-\x1f]/.test(url)) return false;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) return true;
  return /^https?$/i.test(scheme[1]);
}

function tokens(value: string | null): string[] {
  return (value || '').split(/[\s,]+/).filter(Boolean);
}

function ids(read: Read, name: keyof typeof ID_PATTERNS): string[] {
  return tokens(read(name)).filter((id) => {
    const ok = ID_PATTERNS[name].test(id);
    if (!ok) warn(`${name}="${id}" is not a valid ID; that tag will not be loaded.`);
    return ok;
  });
}

function oneOf<T extends string>(read: Read, name: string, allowed: readonly T[]): T {
  const value = read(name);
  if (value !== null && !allowed.includes(value as T)) {
    warn(`${name}="${value}" is not one of ${allowed.join(', ')}; using "${allowed[0]}".`);
  }
  return allowed.includes(value as T) ? (value as T) : allowed[0];
}

function url(read: Read, name: string): string | undefined {
  const value = read(name)?.trim();
  if (!value) return undefined;
  if (isSafeUrl(value)) return value;
  warn(`${name}="${value}" is not an http(s) or relative URL; ignored.`);
  return undefined;
}

/**
 * Parse the attributes of `<keksi-consent>` into a configuration.
 * @param read returns an attribute's value or null
 * @param names the names of all attributes present, to warn about unknown ones
 * @param hostname the page's host name, to validate `cookie-domain`
 */
export function parseConfig(read: Read, names: readonly string[] = [], hostname = ''): KeksiConfig {
  for (const name of names) {
    if (!(ATTRIBUTES as readonly string[]).includes(name) && !IGNORED_ATTRIBUTES.test(name)) {
      warn(`unknown attribute "${name}" ignored. Known: ${ATTRIBUTES.join(', ')}.`);
    }
  }

  const categories: string[] = [];
  const addCategory = (id: string) => {
    if (!categories.includes(id)) categories.push(id);
  };
  for (const id of tokens(read('categories')).map((t) => t.toLowerCase())) {
    if (id === NECESSARY) continue;
    if (CATEGORY_ID.test(id)) addCategory(id);
    else warn(`category "${id}" ignored: use lower-case letters, digits, "-" or "_".`);
  }

  const ga = ids(read, 'ga');
  const googleAds = ids(read, 'google-ads');
  const gtm = ids(read, 'gtm');
  const metaPixel = ids(read, 'meta-pixel');
  const needs = (list: string[], category: string) => {
    if (list.length && !categories.includes(category)) {
      warn(`category "${category}" added: a configured tag needs it.`);
      addCategory(category);
    }
  };
  needs(ga, 'analytics');
  needs(gtm, 'analytics');
  needs(googleAds, 'marketing');
  needs(metaPixel, 'marketing');

  const langAttr = read('lang');
  const lang = toLang(langAttr);
  if (langAttr && !lang) warn(`lang="${langAttr}" is not fi, sv or en; following the page language.`);

  const revisionAttr = read('revision');
  let revision = Number(revisionAttr ?? 0);
  if (!Number.isInteger(revision) || revision < 0) {
    warn(`revision="${revisionAttr}" is not a whole number ≥ 0; using 0.`);
    revision = 0;
  }

  let cookieName = read('cookie-name') ?? 'keksi_consent';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cookieName)) {
    warn(`cookie-name="${cookieName}" may only use letters, digits, "-" and "_"; using keksi_consent.`);
    cookieName = 'keksi_consent';
  }

  let cookieDomain = read('cookie-domain')?.trim().replace(/^\./, '').toLowerCase() || undefined;
  if (cookieDomain && (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(cookieDomain) || (hostname !== cookieDomain && !hostname.endsWith('.' + cookieDomain)))) {
    warn(`cookie-domain="${cookieDomain}" is not a domain of this page's host ${hostname}; using the host.`);
    cookieDomain = undefined;
  }

  const expiresAttr = read('expires-days');
  let expiresDays = Number(expiresAttr ?? 182);
  if (!Number.isFinite(expiresDays)) {
    warn(`expires-days="${expiresAttr}" is not a number; using 182.`);
    expiresDays = 182;
  } else if (expiresDays < 1 || expiresDays > 395) {
    warn(`expires-days="${expiresAttr}" is outside 1–395; clamped.`);
    expiresDays = Math.min(395, Math.max(1, expiresDays));
  }

  return {
    categories,
    lang,
    revision,
    cookieName,
    cookieDomain,
    expiresDays,
    noticeUrl: url(read, 'notice-url'),
    position: oneOf(read, 'position', ['bottom', 'top', 'center'] as const),
    reopenButton: read('no-reopen-button') === null,
    ga,
    googleAds,
    gtm,
    metaPixel,
    consentMode: oneOf(read, 'consent-mode', ['basic', 'advanced'] as const),
    logUrl: url(read, 'log-url'),
    reloadOnWithdraw: read('reload-on-withdraw') !== null,
    ignoreGpc: read('ignore-gpc') !== null,
  };
}
