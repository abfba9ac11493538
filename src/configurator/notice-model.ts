/**
 * Step 4's model, with no DOM: the draft privacy notice (the notice format) that the form edits, step 1's
 * answers filling the controller's untouched fields, the notice.json the shop gets, the checker's
 * findings on it, the cookie list the notice page generates from step 2, the template, and the ready
 * tietosuojaseloste.html. The importer and the checker are Keksi's own modules (the CLI's), called here.
 */
import { LANGS, parseConfig, type Lang } from '../controller/config.js';
import { translations } from '../i18n/all.js';
import { texts } from '../i18n/configurator.js';
import { localText } from '../i18n/local-text.js';
import { checkNotice, formatFindings, validateNotice, type Finding } from '../notice/check.js';
import type { LegalBasis, Notice, Party } from '../notice/types.js';
import { categoryViews, type CategoryView } from '../ui/views.js';
import { trackerDetails } from '../ui/tracker-details.js';
import type { MergedOptions } from '../core/options.js';
import { attributes, configureOptions, configureScript, DEFAULT_ACCENT, folder, noticeAddress, oneFileTag, validate, type State } from './model.js';

/** The `$schema` every notice.json names (schema/notice.schema.json's `$id`). */
export const NOTICE_SCHEMA = 'https://keksi.dev/schema/notice-1.json';

/** The controller's fields that step 1 asks for, and the step 1 field each comes from. */
export const SHOP_FIELDS: readonly [keyof Party, keyof State][] = [
  ['name', 'name'],
  ['businessId', 'business-id'],
  ['address', 'address'],
  ['email', 'email'],
];

/** The draft held in the state, or null before step 4 is started. A stored or loaded value is untrusted: only what is valid is kept. */
export function readDraft(s: State): Notice | null {
  if (!s.notice) return null;
  try {
    const data: unknown = JSON.parse(s.notice);
    // A draft may lack the controller's name until step 1 or the form gives one: check it with a placeholder.
    const object = !!data && typeof data === 'object' && !Array.isArray(data);
    const unnamed = object && typeof (data as Notice).controller?.name !== 'string';
    const notice = validateNotice(object ? { ...data, controller: Object.assign({ name: '' }, (data as Notice).controller) } : data).notice;
    if (notice && unnamed) delete (notice.controller as Partial<Party>).name;
    return notice;
  } catch {
    return null;
  }
}

/** Step 1's answer for a controller field, when it is there and valid; else ''. */
export function shopValue(s: State, field: keyof Party): string {
  const key = SHOP_FIELDS.find(([f]) => f === field)?.[1];
  return key && !validate(s)[key] ? String(s[key]).trim() : '';
}

/** A value without its empty strings, empty lists and empty objects (false and 0 are kept: `rights.standard: false` says something). */
function prune(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (Array.isArray(value)) {
    const list = value.map(prune).filter((v) => v !== undefined);
    return list.length ? list : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)])
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/**
 * The notice the shop gets: the draft, with the controller's fields the form has not touched taken from
 * step 1, empty texts left out, and each list entry kept only with what the format requires of it
 * (a purpose's text, a recipient's name, a section's heading and text).
 */
export function finalNotice(draft: Notice, s: State): Notice {
  const controller: Partial<Party> = { ...draft.controller };
  for (const [field] of SHOP_FIELDS) if (controller[field] === undefined && shopValue(s, field)) controller[field] = shopValue(s, field);
  const out = (prune({ ...draft, $schema: undefined, controller }) || {}) as Notice;
  if (out.purposes) out.purposes = out.purposes.filter((p) => p.purpose);
  if (out.recipients?.list) out.recipients.list = out.recipients.list.filter((r) => r.name);
  if (out.sections) out.sections = out.sections.filter((x) => x.title && x.text);
  for (const key of ['purposes', 'sections'] as const) if (!out[key]?.length) delete out[key];
  if (out.recipients?.list && !out.recipients.list.length) delete out.recipients.list;
  const notice: Notice = { ...out, $schema: NOTICE_SCHEMA, version: 1, controller: Object.assign({ name: '' }, out.controller) };
  // In the order the format documents its fields, as `keksi import` writes them.
  return Object.fromEntries(Object.entries(notice).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))) as unknown as Notice;
}

/** The notice's fields in the order of schema/notice.schema.json. */
const FIELD_ORDER = [
  '$schema',
  'version',
  'lang',
  'title',
  'intro',
  'updated',
  'created',
  'controller',
  'representative',
  'contact',
  'dpo',
  'register',
  'purposes',
  'purposesText',
  'data',
  'sources',
  'recipients',
  'transfers',
  'security',
  'retention',
  'rights',
  'required',
  'automated',
  'cookies',
  'sections',
  'headings',
];

/**
 * What `keksi check` says of the notice as the shop will upload it (the same JSON, read as the CLI
 * reads it), with the cookie section counted as there: the notice page always carries Keksi, which
 * generates it.
 */
export function noticeFindings(notice: Notice): Finding[] {
  const { notice: read, problems } = validateNotice(JSON.parse(JSON.stringify(notice)));
  return [...formatFindings(problems), ...(read ? checkNotice(read, { cookieSection: true }) : [])];
}

/** The attributes of Keksi's tag on the notice page: the services from attributes, so its cookie section lists them. */
export const pageAttributes = (s: State): [string, string][] => attributes({ ...s, setup: 'attributes' });

/**
 * The categories and services (with their cookies) the notice page's cookie section lists: Keksi's own
 * views of step 2, the shop's own services and categories (its `configure()` call) included.
 */
export function cookieViews(s: State, lang: Lang): CategoryView[] {
  const attrs = pageAttributes(s);
  return categoryViews(
    parseConfig((name) => attrs.find(([n]) => n === name)?.[1] ?? null),
    translations[lang],
    (configureOptions(s) || {}) as MergedOptions,
    trackerDetails,
  );
}

/** The notice's language: its own, else the banner's, else the configurator's. */
export const noticeLang = (notice: Notice | null, s: State, ui: Lang): Lang =>
  notice?.lang || ((LANGS as readonly string[]).includes(s.lang) ? (s.lang as Lang) : ui);

/**
 * The providers whose parent in the USA is certified under the EU–US Data Privacy Framework, as the
 * template's transfer text says (dataprivacyframework.gov: Google LLC, Meta Platforms, Inc.); their
 * recipients come with the country and the mechanism set. Others abroad are left for the shop to give.
 */
const DPF_BRANDS = ['Google', 'Meta'];
const DPF = { country: 'US', mechanism: 'dpf' } as const;

/** "a, b and c" in the notice's language. */
const list = (lang: Lang, items: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);

/** The services of step 2 (built-in, videos, own), without Keksi itself, as the notice page's cookie section lists them. */
const stepTwoServices = (s: State, lang: Lang) =>
  cookieViews(s, lang)
    .flatMap((v) => v.services)
    .filter((x) => x.id !== 'keksi');

/**
 * The retention period the template proposes, for the shop to check (step 4 marks it until changed):
 * the usual periods of a Finnish web shop (the customer relationship, the Accounting Act's six years for
 * vouchers, a newsletter until cancelled) and each step 2 service's longest-lived cookie, from Keksi's
 * own data of it (the same the cookie section shows).
 */
export function retentionDefault(s: State, lang: Lang): string {
  const t = texts[lang].noticeTemplate;
  const lives = stepTwoServices(s, lang)
    .filter((x) => x.cookies.length)
    .map((x) => `${x.name} ${t.days(Math.max(...x.cookies.map((c) => c.days)))}`);
  return t.retention(lives.length ? list(lang, lives) : '');
}

/**
 * Whether a retention text is still the template's proposal (step 4 marks it to check): it begins with
 * the proposal's own sentences, whatever cookie lifetimes step 2 gave it then.
 */
export const proposedRetention = (text: unknown, lang: Lang): boolean => typeof text === 'string' && text.startsWith(texts[lang].noticeTemplate.retention(''));

/**
 * A starting notice for a web shop in `lang`: the usual purposes with their legal bases, the data, the
 * sources, the services of step 2 as recipients (with the transfer for those outside the EU/EEA),
 * Keksi's standard texts on the rights, and a retention period to check (retentionDefault()).
 */
export function templateNotice(s: State, lang: Lang): Notice {
  const t = texts[lang].noticeTemplate;
  const services = stepTwoServices(s, lang);
  const abroad = [...new Set(services.filter((x) => x.outsideEu).map((x) => x.brand))];
  // One recipient per provider, its roles the services it runs ("Google Analytics, YouTube").
  const providers = [...new Set(services.map((x) => x.provider))].map((provider) => {
    const mine = services.filter((x) => x.provider === provider);
    // A provider in the USA itself ("Vimeo.com, Inc. (USA)") is there; its mechanism is the shop's to give (the checker asks).
    const where = DPF_BRANDS.includes(mine[0].brand) ? DPF : /^[^(]*\(USA\)$/.test(provider) ? { country: 'US' } : {};
    return { name: provider, role: mine.map((x) => x.name).join(', '), ...where };
  });
  const email = shopValue(s, 'email');
  return {
    version: 1,
    lang,
    title: t.title,
    updated: new Date().toISOString().slice(0, 10),
    intro: t.intro,
    controller: {} as Party,
    // The last purpose, the cookies', names step 2's services.
    purposes: t.purposes.map(([purpose, basis], i) => ({
      purpose: i === t.purposes.length - 1 && services.length ? t.cookiesFor(list(lang, [...new Set(services.map((x) => x.name))])) : purpose,
      basis: [basis as LegalBasis],
    })),
    data: t.data,
    sources: t.sources,
    recipients: { text: t.recipients, list: providers },
    transfers: abroad.length ? { outsideEu: true, text: t.transfers(list(lang, abroad)) } : { outsideEu: false },
    security: { text: t.security },
    retention: retentionDefault(s, lang),
    rights: { standard: true, howTo: t.howTo(email) },
    required: t.required,
    automated: t.automated,
    // The page's Keksi lists the cookies after this text; with it, `keksi check` of notice.json alone agrees with step 4.
    cookies: t.cookies,
  };
}

const escapeHtml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The ready privacy-notice page: Keksi's one-file tag (the shop's attributes, so the banner and the
 * notice's cookie section are the shop's; its own services from `keksi-config.js`, a file in keksi.zip) and `<keksi-notice>` with the notice as a JSON data block.
 * No inline script and no inline style, so it runs under `script-src 'self'; style-src 'self'`; the
 * accent colour (an inline style on the other pages) is left out for that reason.
 */
export function noticePage(notice: Notice, s: State, lang: Lang): string {
  const title = localText(notice.title, lang) || texts[lang].notice.pageTitle;
  const name = notice.controller?.name;
  const tag = oneFileTag({ ...s, setup: 'attributes', theme: 'auto', accent: DEFAULT_ACCENT });
  // Inside a data block only "<" matters ("</script>", "<!--"); \u003c is the same character to JSON.
  const json = JSON.stringify(notice, null, 2).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(name ? `${title} | ${name}` : title)}</title>
  ${configureScript(s) ? `<script src="${escapeHtml(folder(s))}keksi-config.js"></script>\n  ` : ''}${tag.replace(/\n/g, '\n  ')}
  <script defer src="${escapeHtml(folder(s))}keksi-notice.js"></script>
</head>
<body>
  <main>
    <keksi-notice heading-level="1">
      <script type="application/json">
${json}
      </script>
    </keksi-notice>
  </main>
</body>
</html>
`;
}

/**
 * The notice as a page body (`tietosuojaseloste-sisalto.html`, issue 16), for a shop whose notice is a page
 * of its platform: pasted into Shopify's page editor (Show HTML) or a WordPress Custom HTML block. No
 * `<html>` or `<head>`: Keksi's tag is already in every page's head (theme.liquid, the plugin). The notice
 * is `<keksi-notice>` with its JSON data block, rendered by `keksi-notice.js`, which the body loads on
 * WordPress; on Shopify a page body holds no Liquid (no asset address), so theme.liquid loads it on that
 * page only ({@link shopifyNoticeScript}). Heading level 2: the platform's template shows the page's title as
 * the h1.
 */
export function noticeFragment(notice: Notice, s: State): string {
  const json = JSON.stringify(notice, null, 2).replace(/</g, '\\u003c');
  const script = s.platform === 'shopify' ? '' : `\n<script defer src="${escapeHtml(folder(s))}keksi-notice.js"></script>`;
  return `<keksi-notice heading-level="2">
  <script type="application/json">
${json}
  </script>
</keksi-notice>${script}
`;
}

/** The Shopify page's handle: from the notice's address `/pages/<handle>`, else the default page's. */
const shopifyHandle = (s: State) => /^\/pages\/([a-z0-9][a-z0-9-]*)$/i.exec(noticeAddress(s))?.[1] ?? 'tietosuojaseloste';

/** The line for Shopify's theme.liquid that loads `keksi-notice.js` (a theme asset) on the notice's page only. */
export const shopifyNoticeScript = (s: State): string =>
  `{% if page.handle == '${shopifyHandle(s)}' %}<script defer src="{{ 'keksi-notice.js' | asset_url }}"></script>{% endif %}`;
