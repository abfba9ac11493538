/**
 * The configurator's state and what it produces, with no DOM: the form's fields (named after the
 * attributes they set), their validation, and the outputs (the script tag in its module and one-file
 * forms, the gated vendor snippets, the accent's contrast). Pure, so it is unit-tested in Node.
 */
import { CATEGORY_ID, isSafeUrl, tokens } from '../core/attributes.js';
import { LANGS, ONE_OF, parseConfig } from '../controller/config.js';
import { categoryOf, gateSnippet, INTEGRATIONS, validId, type TagAttribute } from './integrations.js';

/** How the shop's trackers are set up: Keksi loads them from attributes, or the shop pastes the vendors' gated snippets. */
export type Setup = 'attributes' | 'snippets';

/** Everything the form holds; serialised as is to localStorage and to the exported JSON file. */
export interface State {
  name: string;
  'business-id': string;
  address: string;
  email: string;
  'notice-url': string;
  /** The banner's language: '' follows the page. */
  lang: string;
  /** The folder Keksi is uploaded to, ending in `/`. */
  path: string;
  setup: Setup;
  /** The chosen services and their IDs ('' when not chosen). */
  ga: string;
  'google-ads': string;
  gtm: string;
  'meta-pixel': string;
  /** The optional categories, space-separated; the services' own are added. */
  categories: string;
  position: string;
  reopen: string;
  /** The accent colour as #rrggbb. */
  accent: string;
  /** 'auto' follows the visitor's light or dark setting; 'light' and 'dark' fix Keksi's colours. */
  theme: string;
  /** Step 4: the privacy notice as notice-format JSON ('' before it is started); see notice-model.ts. */
  notice: string;
}

export const DEFAULT_ACCENT = '#2b2b30';

export const defaults = (): State => ({
  name: '',
  'business-id': '',
  address: '',
  email: '',
  'notice-url': '',
  lang: '',
  path: '/keksi/',
  setup: 'attributes',
  ga: '',
  'google-ads': '',
  gtm: '',
  'meta-pixel': '',
  categories: '',
  position: ONE_OF.position[0],
  reopen: ONE_OF.reopen[0],
  accent: DEFAULT_ACCENT,
  theme: 'auto',
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
  if (value && typeof value === 'object') {
    for (const key of Object.keys(state) as (keyof State)[]) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'string') (state as unknown as Record<string, string>)[key] = v;
    }
  }
  if (state.setup !== 'snippets') state.setup = 'attributes';
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
export type Errors = Partial<Record<keyof State, 'businessId' | 'email' | 'url' | 'id' | 'category' | 'colour' | 'path'>>;

export function validate(s: State): Errors {
  const errors: Errors = {};
  if (s['business-id'].trim() && !validBusinessId(s['business-id'])) errors['business-id'] = 'businessId';
  if (s.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim())) errors.email = 'email';
  if (s['notice-url'].trim() && !isSafeUrl(s['notice-url'].trim())) errors['notice-url'] = 'url';
  if (!s.path.trim() || !isSafeUrl(s.path.trim()) || /["<>\s]/.test(s.path.trim())) errors.path = 'path';
  for (const { attr } of INTEGRATIONS) if (s[attr].trim() && !validId(attr, s[attr])) errors[attr] = 'id';
  if (tokens(s.categories).some((c) => !CATEGORY_ID.test(c.toLowerCase()))) errors.categories = 'category';
  if (!/^#[0-9a-f]{6}$/i.test(s.accent)) errors.accent = 'colour';
  return errors;
}

/** The services chosen with a valid ID. */
const chosen = (s: State) => INTEGRATIONS.filter(({ attr }) => s[attr].trim() && validId(attr, s[attr]));

/** The attributes the tag carries, in order, as Keksi will read them (`parseConfig()` adds the services' categories). */
export function attributes(s: State): [string, string][] {
  const errors = validate(s);
  const out: [string, string][] = [];
  const tags = s.setup === 'attributes' ? chosen(s).map(({ attr }): [TagAttribute, string] => [attr, s[attr].trim()]) : [];
  const read = (name: string) => (name === 'categories' ? s.categories : (tags.find(([a]) => a === name)?.[1] ?? null));
  const categories = [...parseConfig(read).categories];
  // Gated snippets need their categories too, though no attribute names the service.
  for (const i of chosen(s)) if (!categories.includes(categoryOf(i))) categories.push(categoryOf(i));
  if (categories.length) out.push(['categories', categories.join(' ')]);
  if ((LANGS as readonly string[]).includes(s.lang)) out.push(['lang', s.lang]);
  if (s['notice-url'].trim() && !errors['notice-url']) out.push(['notice-url', s['notice-url'].trim()]);
  if (s.position !== ONE_OF.position[0] && (ONE_OF.position as readonly string[]).includes(s.position)) out.push(['position', s.position]);
  if (s.reopen !== ONE_OF.reopen[0] && (ONE_OF.reopen as readonly string[]).includes(s.reopen)) out.push(['reopen', s.reopen]);
  return [...out, ...tags];
}

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

/** The recommended tag: the ES module build (never blocks the page; the UI loads only when shown). */
export const moduleTag = (s: State): string =>
  `${accentStyle(s)}<script type="module" fetchpriority="low" src="${escapeAttr(folder(s))}keksi.mjs"${dataAttributes(s)}></script>`;

/** The one-file tag (`keksi.js`), with the same attributes. */
export const oneFileTag = (s: State): string => `${accentStyle(s)}<script defer src="${escapeAttr(folder(s))}keksi.js"${dataAttributes(s)}></script>`;

/** Each chosen service's gated snippet, when the shop pastes the vendors' snippets (setup 'snippets'). */
export const gatedSnippets = (s: State): { attr: TagAttribute; label: string; markup: string }[] =>
  s.setup === 'snippets' ? chosen(s).map((i) => ({ attr: i.attr, label: i.label, markup: gateSnippet(i.snippet(s[i.attr].trim()), categoryOf(i)) })) : [];

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
