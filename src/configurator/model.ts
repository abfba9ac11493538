/**
 * The configurator's state and what it produces, with no DOM: the form's fields (named after the
 * attributes they set), their validation, and the outputs (the script tag in its module and one-file
 * forms, the gated vendor snippets, the accent's contrast). Pure, so it is unit-tested in Node.
 */
import { CATEGORY_ID, isSafeUrl, NECESSARY, tokens } from '../core/attributes.js';
import { LANGS, ONE_OF, parseConfig, type Lang } from '../controller/config.js';
import type { KeksiOptions, ServiceInfo } from '../core/options.js';
import { translations } from '../i18n/all.js';
import { serviceId, VIDEO_SERVICES } from '../ui/views.js';
import { attributeValue, categoryOf, gateSnippet, INTEGRATIONS, validId, type Integration, type TagAttribute } from './integrations.js';

/** How the shop's trackers are set up: Keksi loads them from attributes, or the shop pastes the vendors' gated snippets. */
export type Setup = 'attributes' | 'snippets';

/** Where the shop runs (docs/platforms.md): a plain HTML site, Shopify, or WordPress/WooCommerce. */
export const PLATFORMS = ['html', 'shopify', 'wordpress'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Everything the form holds; serialised as is to localStorage and to the exported JSON file. */
export interface State {
  name: string;
  'business-id': string;
  address: string;
  email: string;
  'notice-url': string;
  /**
   * The shop's languages, space-separated. One: the banner speaks it (`lang`); several or none: the
   * banner follows each page's `<html lang>`, as Keksi does without `lang`. The own texts are asked in each.
   */
  lang: string;
  /** The folder Keksi is uploaded to, ending in `/`. */
  path: string;
  setup: Setup;
  /** Where the shop runs: the tag's form and the platform notes follow it (docs/platforms.md). */
  platform: Platform;
  /** The chosen services and their IDs ('' when not chosen). */
  ga: string;
  'google-ads': string;
  gtm: string;
  'meta-pixel': string;
  /** Matomo's base URL (https) and its site id. */
  'matomo-url': string;
  matomo: string;
  clarity: string;
  hotjar: string;
  uet: string;
  'tiktok-pixel': string;
  'pinterest-tag': string;
  'linkedin-partner': string;
  /** A YouTube video's address or ID, and a Vimeo video's: the example of a gated embed. */
  youtube: string;
  vimeo: string;
  /** The optional categories, space-separated; the services' own are added. */
  categories: string;
  position: string;
  reopen: string;
  /** The accent colour as #rrggbb. */
  accent: string;
  /** 'auto' follows the visitor's light or dark setting; 'light' and 'dark' fix Keksi's colours. */
  theme: string;
  /** The shop's own services (a `configure({ services })` entry each). */
  services: CustomService[];
  /** Titles and descriptions of the shop's own categories, by category and language. */
  categoryTexts: Record<string, CategoryTexts>;
  /** Step 4: the privacy notice as notice-format JSON ('' before it is started); see notice-model.ts. */
  notice: string;
}

/** Texts by language, as `configure()` takes them. */
export type Texts = Partial<Record<Lang, string>>;
export interface CategoryTexts {
  title: Texts;
  description: Texts;
}

/** A service of the shop's own, as the form holds it. */
export interface CustomService {
  name: string;
  category: string;
  /** The provider's legal name. */
  provider: string;
  purpose: Texts;
  /** The cookies it sets, `name days` pairs separated by commas (0 days: a session cookie). */
  cookies: string;
}

const newService = (): CustomService => ({ name: '', category: 'preferences', provider: '', purpose: {}, cookies: '' });

export const DEFAULT_ACCENT = '#2b2b30';
/** The notice's address when the shop gives none on its own HTML pages: where keksi.zip puts tietosuojaseloste.html. */
export const DEFAULT_NOTICE_URL = '/tietosuojaseloste.html';
/**
 * The notice's address when the shop gives none, by platform (issue 16): no loose file can go to the root
 * of a Shopify or WordPress site, so the notice is a page of theirs, titled "Tietosuojaseloste". Shopify
 * makes a page's handle from its title and serves it at `/pages/<handle>`; WordPress a page's slug, at
 * `/<slug>/` with its usual permalinks.
 */
const DEFAULT_NOTICE_URLS: Record<Platform, string> = {
  html: DEFAULT_NOTICE_URL,
  shopify: '/pages/tietosuojaseloste',
  wordpress: '/tietosuojaseloste/',
};
export const defaultNoticeUrl = (p: Platform): string => DEFAULT_NOTICE_URLS[p] ?? DEFAULT_NOTICE_URL;

export const defaults = (): State => ({
  name: '',
  'business-id': '',
  address: '',
  email: '',
  'notice-url': '',
  lang: '',
  path: '/keksi/',
  setup: 'attributes',
  platform: 'html',
  ga: '',
  'google-ads': '',
  gtm: '',
  'meta-pixel': '',
  'matomo-url': '',
  matomo: '',
  clarity: '',
  hotjar: '',
  uet: '',
  'tiktok-pixel': '',
  'pinterest-tag': '',
  'linkedin-partner': '',
  youtube: '',
  vimeo: '',
  categories: '',
  position: ONE_OF.position[0],
  reopen: ONE_OF.reopen[0],
  accent: DEFAULT_ACCENT,
  theme: 'auto',
  services: [],
  categoryTexts: {},
  notice: '',
});

/** The themes offered: Keksi's own light and dark colours (ui/styles.ts, docs/theming.md), or the visitor's setting. */
export const THEMES = ['auto', 'light', 'dark'] as const;
const FIXED: Record<string, Record<string, string>> = {
  light: { bg: '#fff', fg: '#1d1d1f', muted: '#53535a', accent: DEFAULT_ACCENT },
  dark: { bg: '#1d1d1f', fg: '#f5f5f7', muted: '#c0c0c8', accent: '#e8e8ed' },
};

/** Reads a stored or imported state: unknown keys dropped, wrong types replaced by the defaults. */
export function restore(value: unknown): State {
  const state = defaults();
  const given = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  for (const key of Object.keys(state) as (keyof State)[]) {
    const v = given[key];
    if (typeof v === 'string' && typeof state[key] === 'string') (state as unknown as Record<string, string>)[key] = v;
  }
  const isObject = (o: unknown): o is Record<string, unknown> => !!o && typeof o === 'object' && !Array.isArray(o);
  const text = (o: unknown): string => (typeof o === 'string' ? o : '');
  const texts = (o: unknown): Texts => {
    const out: Texts = {};
    for (const l of LANGS) if (isObject(o) && typeof o[l] === 'string') out[l] = o[l] as string;
    return out;
  };
  if (Array.isArray(given.services))
    state.services = given.services.filter(isObject).map((o) => ({
      name: text(o.name),
      category: text(o.category) || 'preferences',
      provider: text(o.provider),
      purpose: texts(o.purpose),
      cookies: text(o.cookies),
    }));
  if (isObject(given.categoryTexts))
    for (const [id, o] of Object.entries(given.categoryTexts))
      if (CATEGORY_ID.test(id) && isObject(o)) state.categoryTexts[id] = { title: texts(o.title), description: texts(o.description) };
  if (state.setup !== 'snippets') state.setup = 'attributes';
  if (!(PLATFORMS as readonly string[]).includes(state.platform)) state.platform = 'html';
  if (!(THEMES as readonly string[]).includes(state.theme)) state.theme = 'auto';
  return state;
}

/**
 * Whether a Finnish business ID (Y-tunnus, `1234567-8`) is well formed and its check digit right:
 * the seven digits weighted 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0, remainder 1 is never issued,
 * otherwise 11 minus the remainder.
 */
export function validBusinessId(value: string): boolean {
  const m = /^(\d{7})-(\d)$/.exec(value.trim());
  if (!m) return false;
  const sum = [7, 9, 10, 5, 8, 4, 2].reduce((s, w, i) => s + w * Number(m[1][i]), 0);
  const r = sum % 11;
  return r !== 1 && Number(m[2]) === (r === 0 ? 0 : 11 - r);
}

/** Field name → error key (see i18n.ts `errors`); a field without an error is absent. */
export type ErrorKey = 'businessId' | 'email' | 'url' | 'id' | 'category' | 'colour' | 'path' | 'video' | 'service' | 'cookies' | 'name' | 'emailMissing';
/** Field name → error key; a service's fields are `service-N-field`. */
export type Errors = Partial<Record<string, ErrorKey>>;

/** The base URL a tracker's ID goes with (Matomo), '' for the others. */
const urlOf = (s: State, i: Integration) => (i.url ? s[`${i.attr}-url` as 'matomo-url'].trim() : '');
/** Whether a tracker's base URL is one Keksi takes (https, safe). */
const validUrl = (i: Integration, url: string) => validId(i.attr, i.example, url);

/** A YouTube video's ID from its address (watch, youtu.be, embed, shorts) or as given. */
export function youtubeId(value: string): string | null {
  const v = value.trim();
  const m =
    /^(?:https:\/\/(?:(?:www\.|m\.)?youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/))?([A-Za-z0-9_-]{11})(?:[?&#/].*)?$/.exec(v);
  return m ? m[1] : null;
}

/** A Vimeo video's number from its address (vimeo.com/N, player.vimeo.com/video/N) or as given. */
export function vimeoId(value: string): string | null {
  const m = /^(?:https:\/\/(?:www\.|player\.)?vimeo\.com\/(?:video\/)?)?(\d{6,12})(?:[?#/].*)?$/.exec(value.trim());
  return m ? m[1] : null;
}

/** What the fast path ("done — get the files") refuses: every error, and no name or e-mail (the notice names both). */
export function readyErrors(s: State): Errors {
  const errors: Errors = { ...validate(s) };
  if (!s.name.trim()) errors.name = 'name';
  if (!s.email.trim()) errors.email = 'emailMissing';
  return errors;
}

/** The look's answers, an invalid one back to its default (the fast path never stops at step 3). */
export function withLookDefaults(s: State): State {
  const d = defaults();
  const errors = validate(s);
  const next = { ...s };
  if (errors.accent) next.accent = d.accent;
  if (!(ONE_OF.position as readonly string[]).includes(s.position)) next.position = d.position;
  if (!(ONE_OF.reopen as readonly string[]).includes(s.reopen)) next.reopen = d.reopen;
  if (!(THEMES as readonly string[]).includes(s.theme)) next.theme = d.theme;
  return next;
}

export function validate(s: State): Errors {
  const errors: Errors = {};
  if (s['business-id'].trim() && !validBusinessId(s['business-id'])) errors['business-id'] = 'businessId';
  if (s.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim())) errors.email = 'email';
  if (s['notice-url'].trim() && !isSafeUrl(s['notice-url'].trim())) errors['notice-url'] = 'url';
  if (!s.path.trim() || !isSafeUrl(s.path.trim()) || /["<>\s]/.test(s.path.trim())) errors.path = 'path';
  for (const i of INTEGRATIONS) {
    const url = urlOf(s, i);
    const urlOk = !i.url || validUrl(i, url);
    if (i.url && (url ? !urlOk : s[i.attr].trim())) errors[`${i.attr}-url` as 'matomo-url'] = 'url';
    if (s[i.attr].trim() && !validId(i.attr, s[i.attr], i.url && (urlOk ? url : i.url))) errors[i.attr] = 'id';
  }
  if (s.youtube.trim() && !youtubeId(s.youtube)) errors.youtube = 'video';
  if (s.vimeo.trim() && !vimeoId(s.vimeo)) errors.vimeo = 'video';
  if (tokens(s.categories).some((c) => !CATEGORY_ID.test(c.toLowerCase()))) errors.categories = 'category';
  if (!/^#[0-9a-f]{6}$/i.test(s.accent)) errors.accent = 'colour';
  s.services.forEach((service, n) => {
    if (!service.name.trim()) errors[`service-${n}-name`] = 'service';
    if (!CATEGORY_ID.test(service.category.trim()) || service.category.trim() === NECESSARY) errors[`service-${n}-category`] = 'category';
    if (!cookieList(service.cookies)) errors[`service-${n}-cookies`] = 'cookies';
  });
  return errors;
}

/** `NID 183, _gm_session 0` as `configure()`'s cookie list, or null when a pair is not a name and days. */
export function cookieList(value: string): ServiceInfo['cookies'] | null {
  const pairs = value
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => /^(\S+)\s+(\d{1,4})$/.exec(p));
  return pairs.every(Boolean) ? pairs.map((m) => ({ name: m![1], days: Number(m![2]) })) : null;
}

/** The shop's languages among Keksi's, in the order given; none ticked: all of Keksi's (any page may ask for one). */
export function shopLangs(s: State): Lang[] {
  const list = tokens(s.lang).filter((l): l is Lang => (LANGS as readonly string[]).includes(l));
  return list.length ? [...new Set(list)] : [...LANGS];
}

/** The categories Keksi has texts for (i18n), besides `necessary`. */
const BUILT_IN_CATEGORIES = Object.keys(translations.en.categories);

/** The shop's services whose fields are all valid. */
const validServices = (s: State) => {
  const errors = validate(s);
  return s.services.filter((_, n) => !['name', 'category', 'cookies'].some((f) => errors[`service-${n}-${f}`]));
};

/** The categories on the tag that Keksi has no texts for: the shop gives their title and description. */
export const customCategories = (s: State): string[] => categoriesOf(s).filter((c) => !BUILT_IN_CATEGORIES.includes(c));

/**
 * A form field of a service or a category's texts, by its name: `service-add`, `service-N-remove`,
 * `service-N-(name|category|provider|cookies|purpose-LANG)`, `category-ID-(title|description)-LANG`.
 * Returns the new state, or null for any other field (then the field is the state's key of that name).
 */
export function withField(s: State, name: string, value: string): State | null {
  if (name === 'service-add') return { ...s, services: [...s.services, newService()] };
  const service = /^service-(\d+)-(remove|name|category|provider|cookies|purpose-(fi|sv|en))$/.exec(name);
  if (service) {
    const n = Number(service[1]);
    if (!s.services[n]) return s;
    const services = s.services.slice();
    if (service[2] === 'remove') services.splice(n, 1);
    else if (service[3]) services[n] = { ...services[n], purpose: { ...services[n].purpose, [service[3]]: value } };
    else services[n] = { ...services[n], [service[2]]: value };
    return { ...s, services };
  }
  const category = /^category-([a-z][a-z0-9_-]*)-(title|description)-(fi|sv|en)$/i.exec(name);
  if (category) {
    const [, id, field, lang] = category;
    const texts = s.categoryTexts[id] || { title: {}, description: {} };
    return { ...s, categoryTexts: { ...s.categoryTexts, [id]: { ...texts, [field]: { ...texts[field as 'title'], [lang]: value } } } };
  }
  return null;
}

/** Only the languages of the shop with a text. */
const given = (s: State, texts: Texts | undefined): Texts => {
  const out: Texts = {};
  for (const l of shopLangs(s)) if (texts?.[l]?.trim()) out[l] = texts[l]!.trim();
  return out;
};

/** What the videos and the shop's own services and categories need from `configure()`, or null when nothing. */
export function configureOptions(s: State): KeksiOptions | null {
  const options: KeksiOptions = {};
  const categories: NonNullable<KeksiOptions['categories']> = {};
  for (const c of customCategories(s)) {
    const title = given(s, s.categoryTexts[c]?.title);
    const description = given(s, s.categoryTexts[c]?.description);
    if (Object.keys(title).length || Object.keys(description).length) categories[c] = { title, description };
  }
  if (Object.keys(categories).length) options.categories = categories;
  // The videos first, as Keksi's own data describes them (walk 3's N2: the notice and the banner name them).
  const videos = embeds(s).map(({ kind }) => ({
    id: kind,
    category: EMBED_CATEGORY,
    purpose: { fi: translations.fi.purposes[kind], sv: translations.sv.purposes[kind], en: translations.en.purposes[kind] },
    ...VIDEO_SERVICES[kind],
  }));
  const services = [...videos, ...ownServices(s)];
  if (services.length) options.services = services;
  return Object.keys(options).length ? options : null;
}

/** The shop's own services (those whose fields are valid) as `configure()` entries. */
function ownServices(s: State): ServiceInfo[] {
  return validServices(s).map((v) => {
    const info: ServiceInfo = {
      name: v.name.trim(),
      id: '',
      category: v.category.trim(),
      provider: v.provider.trim(),
      purpose: given(s, v.purpose),
      cookies: cookieList(v.cookies)!,
    };
    info.id = serviceId({ ...info, id: undefined });
    return info;
  });
}

/**
 * The `configure()` call for the shop's own services and categories, to paste before Keksi's tag (calls
 * queued in `window.keksi` are run when Keksi loads, with the module tag as with the one-file tag), or ''
 * when none is needed. `<` is escaped so no text can end the script.
 */
export function configureCall(s: State): string {
  const script = configureScript(s);
  return script && `<script>\n  ${script.trimEnd().replace(/\n/g, '\n  ')}\n</script>`;
}

/**
 * The same call as a script file of its own (`keksi-config.js` in keksi.zip), for pages under a policy
 * that allows no inline script (the ready notice page), or '' when none is needed.
 */
export function configureScript(s: State): string {
  const options = configureOptions(s);
  if (!options) return '';
  const json = JSON.stringify(options, null, 2).replace(/</g, '\\u003c');
  return `window.keksi = window.keksi || [];\nkeksi.push((k) => k.configure(${json}));\n`;
}

/** For each own service, its code marked as the README shows (`data-category` and `data-service`); a video's markup is its embed. */
export const serviceMarkup = (s: State): string =>
  ownServices(s)
    .map(
      (v) =>
        `<!-- ${v.name.replace(/--/g, '- -')} -->\n<script type="text/plain" data-category="${escapeAttr(v.category)}" data-service="${escapeAttr(v.id!)}">\n  /* ${v.name.replace(/\*\//g, '* /')} */\n</script>`,
    )
    .join('\n');

/** The services chosen with a valid ID. */
const chosen = (s: State) => INTEGRATIONS.filter((i) => s[i.attr].trim() && validId(i.attr, s[i.attr], urlOf(s, i)));
/** Whether Keksi loads Google's or Meta's tags from their IDs: the shop's own codes of theirs must go (walk 3's N1). */
export const loadsGoogleOrMeta = (s: State): boolean => chosen(s).some((i) => ['ga', 'google-ads', 'gtm', 'meta-pixel'].includes(i.attr) && !pasted(s, i));

// The addresses each Google/Meta service and video needs in a page's Content Security Policy (Google's
// "Use Google Analytics / Tag Manager with a content security policy", Meta's pixel hosts), by directive.
const CSP: Record<string, Record<string, string[]>> = {
  ga: {
    'script-src': ['https://www.googletagmanager.com'],
    'connect-src': ['https://*.google-analytics.com', 'https://*.analytics.google.com', 'https://*.googletagmanager.com'],
    'img-src': ['https://*.google-analytics.com', 'https://*.googletagmanager.com'],
  },
  'google-ads': {
    'script-src': ['https://www.googletagmanager.com', 'https://www.googleadservices.com'],
    'connect-src': ['https://www.google.com', 'https://googleads.g.doubleclick.net'],
    'img-src': ['https://www.google.com', 'https://googleads.g.doubleclick.net'],
    'frame-src': ['https://td.doubleclick.net'],
  },
  gtm: { 'script-src': ['https://www.googletagmanager.com'], 'img-src': ['https://www.googletagmanager.com'] },
  'meta-pixel': { 'script-src': ['https://connect.facebook.net'], 'connect-src': ['https://www.facebook.com'], 'img-src': ['https://www.facebook.com'] },
  youtube: { 'frame-src': ['https://www.youtube-nocookie.com'] },
  vimeo: { 'frame-src': ['https://player.vimeo.com'] },
};

/** The CSP directives the chosen Google/Meta services and videos need, each with its addresses once (walk 3's N4); '' with none. */
export function cspSources(s: State): string {
  const needed: Record<string, string[]> = {};
  const used = [...chosen(s).map((i) => i.attr as string), ...embeds(s).map((e) => e.kind)];
  for (const name of used)
    for (const [directive, hosts] of Object.entries(CSP[name] || {}))
      for (const h of hosts) (needed[directive] ||= []).includes(h) || needed[directive].push(h);
  return Object.entries(needed)
    .map(([directive, hosts]) => `${directive} ${hosts.join(' ')}`)
    .join('; ');
}

/** Whether the shop pastes this service's snippet (setup 'snippets' and the table has one); else Keksi loads it from its attribute. */
const pasted = (s: State, i: Integration) => s.setup === 'snippets' && !!i.snippet;

/** The tag's categories: the field's, the attributes' (as `parseConfig()` adds them), the pasted snippets', the videos' and the own services'. */
function categoriesOf(s: State, read = tagReader(s)): string[] {
  const categories = [...parseConfig(read).categories];
  const add = (c: string) => categories.includes(c) || categories.push(c);
  // Gated snippets need their categories too, though no attribute names the service.
  chosen(s).forEach((i) => add(categoryOf(i)));
  // So do the videos (README: embeds are marketing) and the own services.
  if (embeds(s).length) add(EMBED_CATEGORY);
  validServices(s).forEach((v) => add(v.category.trim()));
  return categories;
}

/** The tag's trackers as attributes (those Keksi loads), and a reader of the attributes for `parseConfig()`. */
const tagAttributes = (s: State) =>
  chosen(s)
    .filter((i) => !pasted(s, i))
    .map((i): [TagAttribute, string] => [i.attr, attributeValue(i.attr, s[i.attr], urlOf(s, i))]);
const tagReader = (s: State) => {
  const tags = tagAttributes(s);
  return (name: string) => (name === 'categories' ? s.categories : (tags.find(([a]) => a === name)?.[1] ?? null));
};

/** The attributes the tag carries, in order, as Keksi will read them (`parseConfig()` adds the services' categories). */
export function attributes(s: State): [string, string][] {
  const errors = validate(s);
  const out: [string, string][] = [];
  const tags = tagAttributes(s);
  const read = tagReader(s);
  const categories = categoriesOf(s, read);
  if (categories.length) out.push(['categories', categories.join(' ')]);
  const langs = tokens(s.lang).length ? shopLangs(s) : [];
  if (langs.length === 1) out.push(['lang', langs[0]]);
  // The banner always links to the notice: when the shop gave no (valid) address, the platform's page for it
  // (on its own HTML pages, the one keksi.zip puts in the root). The shop's own address is never replaced.
  out.push(['notice-url', s['notice-url'].trim() && !errors['notice-url'] ? s['notice-url'].trim() : defaultNoticeUrl(s.platform)]);
  if (s.position !== ONE_OF.position[0] && (ONE_OF.position as readonly string[]).includes(s.position)) out.push(['position', s.position]);
  if (s.reopen !== ONE_OF.reopen[0] && (ONE_OF.reopen as readonly string[]).includes(s.reopen)) out.push(['reopen', s.reopen]);
  if (s.platform !== 'html') out.push(['platform', s.platform]);
  return [...out, ...tags];
}

/** The notice's address the tag gives the banner. */
export const noticeAddress = (s: State): string => attributes(s).find(([n]) => n === 'notice-url')?.[1] ?? defaultNoticeUrl(s.platform);

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The `data-*` attributes, one a line. */
const dataAttributes = (s: State) =>
  attributes(s)
    .map(([name, value]) => `\n  data-${name}="${escapeAttr(value)}"`)
    .join('');

/** The accent a page gets: the chosen one, or the fixed theme's own when the chosen one is Keksi's default. */
export const effectiveAccent = (s: State): string =>
  validate(s).accent ? DEFAULT_ACCENT : s.accent.toLowerCase() === DEFAULT_ACCENT && FIXED[s.theme] ? FIXED[s.theme].accent : s.accent.toLowerCase();

/** The theme as a style rule for the page (absent for Keksi's defaults): Keksi's custom properties on :root. */
export function accentStyle(s: State): string {
  const vars: [string, string][] = [];
  const fixed = FIXED[s.theme];
  if (fixed) vars.push(['bg', fixed.bg], ['fg', fixed.fg], ['muted', fixed.muted]);
  if (fixed || effectiveAccent(s) !== DEFAULT_ACCENT) vars.push(['accent', effectiveAccent(s)]);
  return vars.length ? `<style>:root { ${vars.map(([k, v]) => `--keksi-${k}: ${v};`).join(' ')} }</style>\n` : '';
}

/** The folder Keksi is uploaded to, ending in `/` (the default when the field is not valid). */
export const folder = (s: State): string => {
  const p = validate(s).path ? '/keksi/' : s.path.trim();
  return p.endsWith('/') ? p : p + '/';
};

/** A built file's address: in the folder, or on Shopify the theme asset's Liquid URL (docs/platforms.md). */
const src = (s: State, file: string) => (s.platform === 'shopify' ? `{{ '${file}' | asset_url }}` : escapeAttr(folder(s)) + file);

/** The recommended tag: the ES module build (never blocks the page; the UI loads only when shown). */
export const moduleTag = (s: State): string =>
  `${accentStyle(s)}<script type="module" fetchpriority="low" src="${src(s, 'keksi.mjs')}"${dataAttributes(s)}></script>`;

/** The one-file tag (`keksi.js`), with the same attributes. */
export const oneFileTag = (s: State): string => `${accentStyle(s)}<script defer src="${src(s, 'keksi.js')}"${dataAttributes(s)}></script>`;

/** Each chosen service's gated snippet, when the shop pastes the vendors' snippets (setup 'snippets'). */
export const gatedSnippets = (s: State): { attr: TagAttribute; label: string; markup: string }[] =>
  chosen(s)
    .filter((i) => pasted(s, i))
    .map((i) => ({ attr: i.attr, label: i.label, markup: gateSnippet(i.snippet!(s[i.attr].trim()), categoryOf(i)) }));

/** The category of the embedded videos, as the README's example gates them. */
export const EMBED_CATEGORY = 'marketing';

/**
 * Each video as the gated iframe the README documents: `data-src` on the privacy-enhanced address
 * (youtube-nocookie.com, Vimeo `dnt=1`, which Keksi's core would also choose), `data-category`, and a
 * width and height, so Keksi's placeholder ("Allow … and show") has the video's size; `data-service`, so
 * allowing the video allows only it (not the whole marketing category) and the configure() call describes it.
 */
export function embeds(s: State): { kind: 'youtube' | 'vimeo'; markup: string }[] {
  const out: { kind: 'youtube' | 'vimeo'; markup: string }[] = [];
  const yt = youtubeId(s.youtube);
  const vimeo = vimeoId(s.vimeo);
  if (yt)
    out.push({
      kind: 'youtube',
      markup: `<iframe data-category="${EMBED_CATEGORY}" data-src="https://www.youtube-nocookie.com/embed/${yt}" data-service="youtube"
  width="560" height="315" title="YouTube video" allow="encrypted-media; picture-in-picture" allowfullscreen></iframe>`,
    });
  if (vimeo)
    out.push({
      kind: 'vimeo',
      markup: `<iframe data-category="${EMBED_CATEGORY}" data-src="https://player.vimeo.com/video/${vimeo}?dnt=1" data-service="vimeo"
  width="640" height="360" title="Vimeo video" allow="fullscreen; picture-in-picture" allowfullscreen></iframe>`,
    });
  return out;
}

/** The relative luminance of #rrggbb (WCAG 2.x; the `y` of CIE XYZ that Keksi's styles.ts compares with 0.18). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The text Keksi puts on the accent (ui/styles.ts: white below a luminance of 0.18, black from
 * there) and its contrast ratio with the accent.
 */
export function accentContrast(hex: string): { text: '#ffffff' | '#000000'; ratio: number } {
  const y = luminance(hex);
  return y < 0.18 ? { text: '#ffffff', ratio: 1.05 / (y + 0.05) } : { text: '#000000', ratio: (y + 0.05) / 0.05 };
}
