/**
 * Configuration: turns the attributes of `<keksi-consent>` (and so the `data-*` of the script tag)
 * into a validated {@link KeksiConfig}. Bad values get a safe default and are listed in `problems`,
 * which `report()` (controller/diagnostics.ts, loaded after start-up) turns into `[keksi]`
 * warnings: the messages stay out of the code a returning visitor runs first. Nothing here throws.
 */
import { isGoodUrl, LAYOUT, parseGating, PLAIN, tokens, type GatingConfig, type Problem, type Read } from '../core/attributes.js';

export { isSafeUrl, NECESSARY, type Problem } from '../core/attributes.js';

import { toLang, type Lang } from '../core/lang.js';

export { LANGS, resolveLang, toLang, type Lang } from '../core/lang.js';

/** Validated configuration of one `<keksi-consent>`. */
export interface KeksiConfig extends GatingConfig {
  /** Explicit language, or undefined to follow the page. */
  lang?: Lang;
  cookieDomain?: string;
  noticeUrl?: string;
  position: 'bottom' | 'top' | 'center';
  reopenButton: boolean;
  ga: string[];
  googleAds: string[];
  gtm: string[];
  metaPixel: string[];
  /**
   * The other trackers whose attribute is set (TRACKERS): its value as written (integrations/trackers.ts,
   * a lazy chunk loaded only then, parses and validates it) and its category.
   */
  trackers: Record<string, { value: string; category: string }>;
  consentMode: 'basic' | 'advanced';
  logUrl?: string;
  reloadOnWithdraw: boolean;
  ignoreGpc: boolean;
  /** The `platform` attribute as given; the platforms chunk (integrations/platforms.ts) checks it. */
  platform: string | null;
  /** Whose stored choice to take over once, when there is no Keksi choice (src/migration/cookieconsent.ts). */
  migrateFrom: 'none' | 'cookieconsent';
  /** The bad values found, each with the safe default used instead (see controller/diagnostics.ts). */
  problems: Problem[];
}

/** Every attribute `<keksi-consent>` understands. */
export const ATTRIBUTES = [
  'categories',
  'lang',
  'revision',
  'cookie-name',
  'cookie-domain',
  'expires-days',
  'notice-url',
  'position',
  'reopen',
  'no-reopen-button',
  'ga',
  'google-ads',
  'gtm',
  'meta-pixel',
  'consent-mode',
  'log-url',
  'reload-on-withdraw',
  'ignore-gpc',
  'migrate-from',
  'platform',
  'matomo',
  'clarity',
  'hotjar',
  'uet',
  'tiktok-pixel',
  'pinterest-tag',
  'linkedin-partner',
] as const;

/**
 * The trackers beyond Google and Meta: the last seven attributes. Each is parsed and started by its own
 * lazy module (integrations/trackers.ts); the controller only notices that one is set and adds the
 * category it needs, before the banner: `analytics` for the first three, `marketing` for the others.
 */
export const TRACKERS: readonly string[] = ATTRIBUTES.slice(-7);

const IGNORED_ATTRIBUTES = /^(id|class|style|hidden|slot|part|exportparts|nonce|title|dir|aria-.*|data-.*)$/;
/** What a valid ID of each tag attribute looks like (the configurator validates with the same patterns). */
export const ID_PATTERNS = {
  ga: /^G-[A-Z0-9]{4,16}$/,
  'google-ads': /^AW-\d{4,16}$/,
  gtm: /^GTM-[A-Z0-9]{4,12}$/,
  'meta-pixel': /^\d{5,20}$/,
} as const;

/** The allowed values of the attributes that take one of a list; the first is the default (the layout's are the core's). */
export const ONE_OF = {
  ...LAYOUT,
  'consent-mode': ['basic', 'advanced'],
  'migrate-from': ['none', 'cookieconsent'],
} as const;

/**
 * Parse the attributes of `<keksi-consent>` into a configuration.
 * @param read returns an attribute's value or null
 * @param names the names of all attributes present, to warn about unknown ones
 * @param hostname the page's host name, to validate `cookie-domain`
 */
export function parseConfig(read: Read, names: readonly string[] = [], hostname = ''): KeksiConfig {
  const problems: Problem[] = [];
  const bad = (kind: string, name: string, value: string) => problems.push([kind, name, value]);
  for (const name of names) {
    if (!(ATTRIBUTES as readonly string[]).includes(name) && !IGNORED_ATTRIBUTES.test(name)) bad('unknown', name, '');
  }
  const ids = (name: keyof typeof ID_PATTERNS) =>
    tokens(read(name)).filter((id) => {
      const ok = ID_PATTERNS[name].test(id);
      if (!ok) bad('id', name, id);
      return ok;
    });
  const oneOf = <K extends keyof typeof ONE_OF>(name: K): (typeof ONE_OF)[K][number] => {
    const value = read(name);
    const allowed = ONE_OF[name] as readonly string[];
    // The layout's two through the core's own check (PLAIN): the core holds the controller back on it.
    if (!(name in PLAIN ? PLAIN[name](value) : value === null || allowed.includes(value))) bad('one-of', name, value!);
    return (allowed.includes(value!) ? value : allowed[0]) as (typeof ONE_OF)[K][number];
  };
  const url = (name: string) => {
    const value = read(name);
    if (!isGoodUrl(value)) bad('url', name, value!.trim());
    else return value?.trim() || undefined;
  };
  // The consent log goes to the shop's own endpoint only, resolved against the page itself (not a
  // `<base>` injected into it): a visitor's decision is never sent elsewhere. No page (Node): refused.
  const own = (value: string) => {
    try {
      const u = new URL(value, location.href);
      if (u.origin == location.origin) return u.href;
    } catch {}
    bad('origin', 'log-url', value);
  };
  const logUrl = url('log-url');

  const gating = parseGating(read, bad);
  const { categories } = gating;

  const ga = ids('ga');
  const googleAds = ids('google-ads');
  const gtm = ids('gtm');
  const metaPixel = ids('meta-pixel');
  // A tag's category is added when missing: Google Analytics and GTM measure, Ads and Meta market.
  const needs = (list: string[], category: string) => {
    if (list.length && !categories.includes(category)) {
      bad('added', 'categories', category);
      categories.push(category);
    }
  };
  needs(ga, 'analytics');
  needs(gtm, 'analytics');
  needs(googleAds, 'marketing');
  needs(metaPixel, 'marketing');

  const trackers: KeksiConfig['trackers'] = {};
  TRACKERS.forEach((name, i) => {
    const value = read(name);
    if (value) needs([value], (trackers[name] = { value, category: i < 3 ? 'analytics' : 'marketing' }).category);
  });

  const langAttr = read('lang');
  const lang = toLang(langAttr);
  if (!PLAIN.lang(langAttr)) bad('lang', 'lang', langAttr!);

  let cookieDomain = read('cookie-domain')?.trim().replace(/^\./, '').toLowerCase() || undefined;
  if (cookieDomain && (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(cookieDomain) || (hostname !== cookieDomain && !hostname.endsWith('.' + cookieDomain)))) {
    bad('cookie-domain', 'cookie-domain', cookieDomain);
    cookieDomain = undefined;
  }

  return {
    ...gating,
    lang,
    cookieDomain,
    noticeUrl: url('notice-url'),
    position: oneOf('position'),
    // The corner is CSS (post-paint.ts) on the attribute; `none` (or the older no-reopen-button) makes no button.
    reopenButton: oneOf('reopen') != 'none' && read('no-reopen-button') === null,
    ga,
    googleAds,
    gtm,
    metaPixel,
    trackers,
    consentMode: oneOf('consent-mode'),
    logUrl: logUrl && own(logUrl),
    reloadOnWithdraw: read('reload-on-withdraw') !== null,
    ignoreGpc: read('ignore-gpc') !== null,
    platform: read('platform'),
    migrateFrom: oneOf('migrate-from'),
    problems,
  };
}
