/**
 * What the visitor is told about each category: its title, description and services (provider,
 * purpose, cookies, lifetimes, transfers). One function feeds both the preferences dialog and the
 * privacy notice's cookie section, so the two can never disagree.
 */
import type { KeksiConfig, Lang } from '../controller/config.js';
import { CATEGORY_ID, NECESSARY } from '../core/attributes.js';
import { warn } from '../core/log.js';
import { doc } from '../core/doc.js';
import { VENDOR_SNIPPETS } from '../core/trackers.js';
import { options as ownOptions, type MergedOptions, type ServiceInfo } from '../core/options.js';
import { localText } from '../i18n/local-text.js';
import type { CategoryText, PurposeId, Translation } from '../i18n/translation.js';
import type { TrackerDetails } from './tracker-details.js';

export interface ServiceView {
  /** For `data-service`, `has('category:id')` and the dialog's switch; empty when the shop's id is not valid. */
  id: string;
  name: string;
  provider: string;
  /** The provider's short name, for the banner ("Google"). */
  brand: string;
  purpose: string;
  cookies: { name: string; days: number }[];
  outsideEu: boolean;
  policy?: string;
}

export interface CategoryView extends CategoryText {
  id: string;
  services: ServiceView[];
}

const GOOGLE = 'Google Ireland Ltd (Google LLC, USA)';
const POLICY_GOOGLE = 'https://policies.google.com/privacy';

/**
 * A service as shown. The fields of a shop's service (configure()) are checked here, where they are
 * shown: each bad one is left out with a `[keksi]` message and the service is still listed.
 */
function serviceView(s: ServiceInfo, lang: Lang): ServiceView {
  const bad = (field: string, value: unknown) => warn(`configure(): service "${s.name}": ${field} skipped.`, value);
  const text = (field: 'provider' | 'purpose') => {
    const value = s[field];
    const t = localText(value, lang);
    if (!t && value !== '') bad(field, value);
    return t;
  };
  let cookies = s.cookies || [];
  if (!Array.isArray(cookies)) {
    bad('cookies', cookies);
    cookies = [];
  }
  const provider = text('provider');
  let id = serviceId(s);
  if (!CATEGORY_ID.test(id)) {
    bad('id', s.id);
    id = '';
  }
  return {
    id,
    name: localText(s.name, lang),
    provider,
    brand: (typeof s.brand == 'string' && s.brand) || provider.split(' (')[0],
    purpose: text('purpose'),
    cookies: cookies
      .filter((c, n) => (typeof c?.name == 'string' && typeof c.days == 'number' && c.days >= 0) || bad(`cookies[${n}]`, c))
      .map((c) => ({ name: localText(c.name, lang), days: c.days })),
    outsideEu: !!s.outsideEu,
    policy: s.policy,
  };
}

/**
 * A built-in integration's service: shown when its attribute (its `config` list) has IDs. Its `id` is the
 * attribute's name, so `ga="G-…"` is `data-service="ga"` and `has('analytics:ga')`. Data, not code:
 * an integration adds its row here.
 */
interface BuiltIn extends Omit<ServiceInfo, 'cookies' | 'purpose'> {
  id: string;
  purpose: PurposeId;
  config: 'ga' | 'gtm' | 'googleAds' | 'metaPixel';
  cookies: (ids: string[]) => ServiceInfo['cookies'];
}
const google = { brand: 'Google', provider: GOOGLE, outsideEu: true, policy: POLICY_GOOGLE };
export const BUILT_IN_SERVICES: BuiltIn[] = [
  {
    id: 'ga',
    config: 'ga',
    name: 'Google Analytics',
    category: 'analytics',
    purpose: 'ga',
    cookies: (ids) => [{ name: '_ga', days: 730 }, ...ids.map((id) => ({ name: '_ga_' + id.slice(2), days: 730 }))],
    ...google,
  },
  { id: 'gtm', config: 'gtm', name: 'Google Tag Manager', category: 'analytics', purpose: 'gtm', cookies: () => [], ...google },
  {
    id: 'google-ads',
    config: 'googleAds',
    name: 'Google Ads',
    category: 'marketing',
    purpose: 'ads',
    cookies: () => [{ name: '_gcl_au', days: 90 }],
    ...google,
  },
  {
    id: 'meta-pixel',
    config: 'metaPixel',
    name: 'Meta Pixel',
    brand: 'Meta',
    category: 'marketing',
    provider: 'Meta Platforms Ireland Ltd (Meta Platforms Inc., USA)',
    purpose: 'meta',
    outsideEu: true,
    policy: 'https://www.facebook.com/privacy/policy/',
    cookies: () => [
      { name: '_fbp', days: 90 },
      { name: '_fbc', days: 90 },
    ],
  },
];

/**
 * The embedded videos the README gates (`data-category="marketing"` iframes): the one table of them, the id,
 * category and purpose added where used. Listed for each such iframe on the page (`videos()`), and written by the configurator into the shop's
 * `configure({ services })` (so that a page without the video, the privacy notice's, lists it too). Their
 * purposes are in each language's texts (`purposes.youtube`, `.vimeo`: only the visitor's is fetched). YouTube's privacy-enhanced player (youtube-nocookie.com) sets its cookies once the video is
 * played (Google's "How Google uses cookies": YSC for the session, VISITOR_INFO1_LIVE and
 * VISITOR_PRIVACY_METADATA 180 days); Vimeo's player with `dnt=1` sets none (Vimeo's player parameters).
 */
export const VIDEO_SERVICES: Record<'youtube' | 'vimeo', Omit<ServiceInfo, 'id' | 'category' | 'purpose'>> = {
  youtube: {
    name: 'YouTube',
    cookies: [
      { name: 'YSC', days: 0 },
      { name: 'VISITOR_INFO1_LIVE', days: 180 },
      { name: 'VISITOR_PRIVACY_METADATA', days: 180 },
    ],
    ...google,
  },
  vimeo: {
    name: 'Vimeo',
    brand: 'Vimeo',
    provider: 'Vimeo.com, Inc. (USA)',
    cookies: [],
    outsideEu: true,
    policy: 'https://vimeo.com/privacy',
  },
};

/** A service's id: its own, else its name in lower case with every other run of characters as `-`. */
export const serviceId = (s: ServiceInfo): string =>
  (typeof s.id == 'string'
    ? s.id
    : String(s.name)
        .toLowerCase()
        .replace(/[^a-z0-9_]+/g, '-')
        .replace(/^-+|-+$/g, '')
  ).slice(0, 40);

/**
 * The services a configuration implies, built-in integrations first, then the shop's own; the built-in
 * ones' purposes and Keksi's provider ("this shop") in the language of `t` (without it: none). The
 * trackers' cookies and policies with `details` only (tracker-details.ts: the dialog and the notice).
 */
export function servicesOf(config: KeksiConfig, options: MergedOptions = ownOptions, t?: Translation, details?: TrackerDetails): ServiceInfo[] {
  const purpose = (id: PurposeId) => t?.purposes[id] ?? '';
  const list: ServiceInfo[] = [
    {
      name: 'Keksi',
      id: 'keksi',
      category: NECESSARY,
      provider: t?.thisShop ?? '',
      purpose: purpose('keksi'),
      cookies: [{ name: config.cookieName, days: config.expiresDays }],
    },
  ];
  const pasted = snippets();
  for (const { config: key, cookies, ...s } of BUILT_IN_SERVICES) {
    const ids = config[key].length ? config[key] : pasted[key];
    if (ids.length) list.push({ ...s, purpose: purpose(s.purpose), cookies: cookies(ids) });
  }
  // The trackers of config.ts TRACKERS whose attribute is set (a value their module refuses is still
  // listed: the visitor hears of more, never of less). Their cookies, policies and whether data leaves the
  // EU come from `details` (tracker-details.ts), which only the dialog and the notice load: the banner
  // names each provider only.
  const MICROSOFT = 'Microsoft Ireland Operations Ltd (Microsoft Corp., USA)';
  const own = config.trackers || {};
  const trackers: Record<string, [string, string, PurposeId]> = {
    matomo: ['Matomo', /^https:\/\/([^/?#\s]+)/i.exec(own.matomo?.value)?.[1] || 'Matomo', 'matomo'],
    clarity: ['Microsoft Clarity', MICROSOFT, 'clarity'],
    uet: ['Microsoft Advertising', MICROSOFT, 'uet'],
    'tiktok-pixel': ['TikTok Pixel', 'TikTok Technology Ltd (Ireland)', 'tiktok'],
    'pinterest-tag': ['Pinterest Tag', 'Pinterest Europe Ltd (Pinterest Inc., USA)', 'pinterest'],
    'linkedin-partner': ['LinkedIn Insight Tag', 'LinkedIn Ireland Unlimited Company (LinkedIn Corp., USA)', 'linkedin'],
    hotjar: ['Hotjar', 'Hotjar Ltd (Malta)', 'hotjar'],
  };
  const more = details?.(own);
  for (const [attribute, [name, provider, does]] of Object.entries(trackers)) {
    const [policy, cookies, outsideEu] = more?.[attribute] || ['', [], false];
    if (own[attribute])
      list.push({
        name,
        id: attribute,
        category: own[attribute].category,
        provider,
        purpose: purpose(does),
        outsideEu,
        policy: policy || undefined,
        cookies: cookies.map(([name, days]) => ({ name, days })),
      });
  }
  const shops = (options.services || []).filter((s) => typeof s?.name == 'string');
  // The gated videos on this page, unless the shop describes a service of that id itself (theirs wins).
  for (const v of videos(purpose)) if (!shops.some((s) => serviceId(s) == v.id) && !list.some((s) => s.id == v.id)) list.push(v);
  return [...list, ...shops];
}

/**
 * The videos of the gated iframes on this page (README: `<iframe data-category="marketing" data-src>`), gated or
 * shown: YouTube or Vimeo by `data-service`, else by the address's host (anchored: `youtube.com.evil.example` is
 * not YouTube; one naming another service is left to the shop's description of it). Each under the iframe's first
 * category, with the video's id (`youtube`, `vimeo`). Listing only, as `snippets()`: an unnamed iframe runs when its category is granted whole.
 */
function videos(purpose: (id: PurposeId) => string): ServiceInfo[] {
  return [...doc('querySelectorAll')('iframe[data-category]')].flatMap((f) => {
    const named = f.getAttribute('data-service');
    let host = '';
    try {
      host = new URL(f.getAttribute('data-src') || f.getAttribute('src') || '', doc('baseURI')).hostname;
    } catch {
      // No address: the service it names, if any.
    }
    // An iframe naming another service is that service's (the shop describes it): a YouTube address does not lend its
    // name to another switch (injected markup would have labelled "meta-pixel" YouTube).
    const kind =
      named != null
        ? /^(youtube|vimeo)$/.test(named)
          ? (named as 'youtube')
          : ''
        : /(^|\.)youtube(-nocookie)?\.com$/.test(host)
          ? 'youtube'
          : /^(player\.)?vimeo\.com$/.test(host)
            ? 'vimeo'
            : '';
    return kind
      ? [
          {
            ...VIDEO_SERVICES[kind],
            id: kind,
            category: f.getAttribute('data-category')!.match(/\S+/)?.[0] || '',
            purpose: purpose(kind),
          },
        ]
      : [];
  });
}

/**
 * The IDs in the vendors' own snippets the shop pasted and gated (README "The vendor's own snippets":
 * `<script type="text/plain" data-category>`), for the built-in services without their attribute, so
 * that the banner, the dialog and the notice name every vendor the page can run. Listing only: an
 * unnamed gated snippet still runs only when its category is granted whole (docs/services.md).
 */
function snippets(): Record<BuiltIn['config'], string[]> {
  // Those still gated, and those that ran (core/gating.ts: the copy it runs is `data-keksi="on"`, its category not copied).
  const code = [...doc('querySelectorAll')<HTMLScriptElement>('script[type="text/plain"][data-category],script[data-keksi="on"]')]
    .map((s) => s.src + ' ' + s.text)
    .join();
  // Google's tag IDs (G-…, AW-…), for the cookies named after them; Tag Manager by its script; Meta as the integrations
  // tell a Meta snippet (core/trackers.ts), so a gated fbq('track', …) names it too.
  const find = (re: RegExp) => [...new Set(code.match(re))];
  return { ga: find(/\bG-[A-Z0-9]+/g), googleAds: find(/\bAW-\d+/g), gtm: find(/gtm\.js/g), metaPixel: find(VENDOR_SNIPPETS[1]) };
}

/**
 * Every category, `necessary` first, with its services, in the language of the texts `t` (the shop's own
 * texts too). `options` defaults to this bundle's; the notice passes the controller's, which may come from
 * another bundle. What lists cookies (the dialog, the notice) passes `details` (tracker-details.ts).
 */
export function categoryViews(config: KeksiConfig, t: Translation, options: MergedOptions = ownOptions, details?: TrackerDetails): CategoryView[] {
  const lang = t.lang;
  const services = servicesOf(config, options, t, details);
  return [NECESSARY, ...config.categories].map((id) => {
    const own = options.categories?.[id];
    const builtIn = (t.categories as Record<string, CategoryText | undefined>)[id];
    if (!own?.title && !builtIn && id != NECESSARY)
      warn(`category "${id}" has no texts; its id is shown. Give them with configure({ categories: { ${id}: { title, description } } }).`);
    return {
      id,
      title: localText(own?.title, lang) || builtIn?.title || id,
      description: localText(own?.description, lang) || builtIn?.description || '',
      services: services.filter((s) => s.category === id).map((s) => serviceView(s, lang)),
    };
  });
}

/** "a, b and c" in the visitor's language. */
export const listOf = (items: string[], and: string): string => items.slice(0, -1).join(', ') + (items.length > 1 ? ` ${and} ` : '') + (items.at(-1) || '');

/** Who sets cookies besides the shop: each optional category's providers, once each, in order. */
export const providersOf = (views: CategoryView[]): string[] => [
  ...new Set(views.flatMap((v) => (v.id === NECESSARY ? [] : v.services.map((s) => s.brand))).filter(Boolean)),
];
