/**
 * The notice checker: what a privacy notice is missing or gets wrong against GDPR art. 13 and Finnish
 * practice, read as strictly as a data-protection officer would. Pure functions, no DOM: used by
 * `<keksi-notice>` (findings go to the console), by the CLI (`npx keksi check notice.json`) and by
 * tests. Words are matched on Snowball stems (check/words.ts), so inflected Finnish and Swedish count.
 */
import type { LegalBasis, Notice } from './types.js';
import { KNOWN_ABROAD } from './check/known-abroad.js';
import { RULES, type RuleId } from '../i18n/check-messages.js';
import { COMPLAINT, CONSENT, RIGHTS, WITHDRAW, type RightId } from './check/rights.js';
import { DENIED, EEA, MECHANISM, TRANSFER } from './check/transfers.js';
import { sentences, says } from './check/words.js';

export { validateNotice } from './check/validate.js';
export { RULES, type RuleId } from '../i18n/check-messages.js';
export { KNOWN_ABROAD } from './check/known-abroad.js';

export interface Finding {
  /** Stable id of the rule, e.g. "gdpr-13-2-b-erasure". */
  rule: RuleId;
  severity: 'error' | 'warning' | 'info';
  /** The section the finding is about (a key of the notice format). */
  section: string;
  /** Where the requirement comes from, e.g. "GDPR 13(2)(a)". */
  reference: string;
  message: { fi: string; sv: string; en: string };
}

/** A finding of `rule`, its message filled in with `params` ({n}, {names}, {problem}). */
export function finding(rule: RuleId, params: Record<string, string | number> = {}): Finding {
  const r = RULES[rule];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  return { rule, severity: r.severity, section: r.section, reference: r.reference, message: { fi: fill(r.fi), sv: fill(r.sv), en: fill(r.en) } };
}

/** The validator's problems (validateNotice) as findings. */
export const formatFindings = (problems: string[]): Finding[] => problems.map((problem) => finding('notice-format', { problem }));

/** Every text of a value (all languages), one per line. */
function allText(value: unknown): string {
  if (typeof value === 'string') return value + '\n';
  if (value && typeof value === 'object') return Object.values(value).map(allText).join('');
  return '';
}

const EMAIL = /[\w.+-]+\s*(?:@|\(at\)|\[at\]|\(ät\)|\[ät\]|\{at\})\s*[\w-]+(?:\.[\w-]+)+/i;
const URL = /https?:\/\/\S+|\bwww\.\S+/i;
const RIGHT_ORDER: RightId[] = ['access', 'rectification', 'erasure', 'restriction', 'objection'];

/**
 * What a notice is missing or gets wrong, against GDPR art. 13 and Finnish practice.
 * @param options.cookieSection whether the page generates a cookie section (a `<keksi-consent>` is present)
 */
export function checkNotice(notice: Notice, options: { cookieSection?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: RuleId, params?: Record<string, string | number>) => findings.push(finding(rule, params));
  const whole = allText(notice);
  const lower = whole.toLowerCase();
  const wholeSentences = sentences(whole);
  const words = wholeSentences.flat();
  const has = (key: keyof Notice) => !!allText(notice[key]).trim();
  const purposes = notice.purposes || [];
  const bases = new Set<LegalBasis>(purposes.flatMap((p) => [p.basis || []].flat()));
  const c = notice.controller;

  // Art. 13(1)(a): who the controller is and how to reach them, electronically too (art. 12(2)).
  const parties = [c, notice.contact, notice.dpo, notice.representative].filter((p) => !!p);
  if (!c?.name) add('gdpr-13-1-a-controller-name');
  else if (!c.email && !c.phone && !c.address && !c.url) add('gdpr-13-1-a-controller-contact');
  else if (!parties.some((p) => p.email || p.url) && !EMAIL.test(allText(notice.rights)) && !URL.test(allText(notice.rights?.howTo))) {
    add('gdpr-13-1-a-electronic-contact');
  }
  if (c && !c.businessId) add('gdpr-13-1-a-business-id');

  // Art. 13(1)(c), (d): purposes, each with its legal basis and, for legitimate interests, the interest.
  if (!purposes.length) add('gdpr-13-1-c-purposes');
  purposes.forEach((p, i) => {
    if (!p.basis || ![p.basis].flat().length) add('gdpr-13-1-c-legal-basis', { n: i + 1 });
    if ([p.basis].flat().includes('legitimate-interests') && !p.legitimateInterest) add('gdpr-13-1-d-legitimate-interest', { n: i + 1 });
  });
  if (!has('recipients')) add('gdpr-13-1-e-recipients');

  // Art. 13(1)(f): a transfer outside the EU/EEA needs a named mechanism; saying data may go abroad is none.
  const list = notice.recipients?.list || [];
  const listAbroad = list.filter((r) => r.country && !EEA.includes(r.country));
  const saysAbroad = wholeSentences.some((s) => says([s], TRANSFER) && !says([s], DENIED));
  const abroad = listAbroad.length > 0 || notice.transfers?.outsideEu === true || saysAbroad;
  const named = says(wholeSentences, MECHANISM) || (listAbroad.length > 0 && listAbroad.every((r) => r.mechanism));
  if (abroad && !named) add('gdpr-13-1-f-transfer-mechanism');
  else if (!has('transfers') && !listAbroad.length) add('gdpr-13-1-f-transfers');
  // Each listed recipient abroad names its own mechanism; a transfer told beside a list where nobody is abroad leaves out who and where.
  const unnamed = listAbroad.filter((r) => !r.mechanism && !allText(r.mechanismText).trim());
  if (named && unnamed.length) add('gdpr-13-1-f-recipient-mechanism', { names: unnamed.map((r) => r.name).join(', ') });
  if (list.length && !listAbroad.length && (notice.transfers?.outsideEu === true || saysAbroad)) add('gdpr-13-1-f-recipient-country');
  const known = KNOWN_ABROAD.filter((k) => words.some((t) => k.words.some((w) => t.raw.startsWith(w)) || k.exact?.includes(t.fi)));
  if (known.length && !(abroad && named)) add('gdpr-13-1-f-known-abroad', { names: known.map((k) => k.name).join(', ') });

  if (!has('retention')) add('gdpr-13-2-a-retention');

  // Art. 13(2)(b)–(d): with Keksi's standard texts every right is stated; otherwise the shop's own words are read.
  if (notice.rights?.standard === false) {
    const own = sentences(allText([notice.rights.text, notice.rights.howTo, notice.sections]));
    for (const right of RIGHT_ORDER) if (!says(own, RIGHTS[right])) add(`gdpr-13-2-b-${right}`);
    if (!says(own, RIGHTS.portability)) {
      if (bases.has('consent') || bases.has('contract')) add('gdpr-13-2-b-portability');
      else if (!bases.size) add('gdpr-13-2-b-portability-unknown');
    }
    if (!says(own, WITHDRAW)) {
      if (bases.has('consent')) add('gdpr-13-2-c-withdraw-consent');
      else if (!bases.size && says(wholeSentences, CONSENT)) add('gdpr-13-2-c-withdraw-consent-unknown');
    }
    if (!says(own, COMPLAINT)) add('gdpr-13-2-d-complaint');
  }

  if (!has('required')) add('gdpr-13-2-e-required');
  if (!has('automated')) add(/profiloi|profiler|profiling/.test(lower) ? 'gdpr-13-2-f-profiling' : 'gdpr-13-2-f-automated');
  if (!has('data')) add('practice-data');
  if (!has('sources')) add('practice-sources');
  if (!has('security')) add('practice-security');
  if (!notice.updated) add('gdpr-12-1-updated');

  // Repealed law and its terms.
  if (/523\/1999/.test(lower) || words.some((t) => /^(henkilötietola(?!insäädän)|personuppgiftslag)/.test(t.raw))) add('outdated-personal-data-act');
  if (/95\/46/.test(lower) || words.some((t) => /^(tietosuojadirektiiv|henkilötietodirektiiv|dataskyddsdirektiv)/.test(t.raw))) add('outdated-directive');
  if (
    sentences(allText(notice.title))
      .flat()
      .some((t) => /rekisteriselost|registerbeskrivning/.test(t.raw))
  )
    add('outdated-register-description');

  // Cookies (Finnish Information Society Code 205 §).
  // "By using the site you accept": not consent; about strictly necessary cookies only (which need none) it misleads.
  const byUse =
    /käyttämällä (sivustoa|palvelua)[^.]*hyväksyt|by using (this|the) (site|website)[^.]*(agree|accept)|genom att använda webbplatsen[^.]*godkänner/.exec(
      lower,
    );
  if (byUse) {
    const sentence = lower.slice(byUse.index, lower.indexOf('.', byUse.index + byUse[0].length) >>> 0);
    add(/välttämät|nödvändig|necessary|essential/.test(sentence) ? 'cookies-use-wording' : 'cookies-use-is-not-consent');
  }
  // Browser settings offered as the way to choose; as a further way beside the site's own cookie banner they are fine.
  const cookieText = allText(notice.cookies).toLowerCase();
  if (
    /selaime\w* asetu|selainasetu|webbläsarens inställningar|browser settings/.test(cookieText) &&
    !/banner|evästeasetuks|kakinställning|cookie settings/.test(cookieText)
  ) {
    add('cookies-browser-settings');
  }
  if (/eväst|cookie|kakor|google analytics|facebook|pixel/.test(lower) && !options.cookieSection && !has('cookies')) add('cookies-missing');
  return findings;
}
