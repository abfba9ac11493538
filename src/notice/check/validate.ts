/** Keeping what is valid of untrusted notice data (a fetched or pasted JSON file). */
import { LEGAL_BASES, SECTION_ORDER, TRANSFER_MECHANISMS, type Notice, type Party, type Text } from '../types.js';

export const isText = (v: unknown): v is Text =>
  (typeof v === 'string' && v.length < 20000) ||
  (!!v && typeof v === 'object' && !Array.isArray(v) && Object.entries(v).every(([k, s]) => /^(fi|sv|en)$/.test(k) && typeof s === 'string'));
const isParty = (v: unknown): v is Party =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as Party).name === 'string' &&
  ['businessId', 'address', 'email', 'phone', 'url'].every(
    (k) => (v as Record<string, unknown>)[k] === undefined || typeof (v as Record<string, unknown>)[k] === 'string',
  );
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isRecipient = (r: unknown): boolean =>
  isObject(r) && typeof r.name === 'string' && (r.role === undefined || isText(r.role)) && (r.country === undefined || /^[A-Z]{2}$/.test(String(r.country)));
/** The optional fields of issue 14 whose bad value drops only the field, each with its test. */
const PARTY_EXTRAS: Record<string, (v: unknown) => boolean> = { legalForm: (v) => typeof v === 'string', shortName: (v) => typeof v === 'string' };
const RECIPIENT_EXTRAS: Record<string, (v: unknown) => boolean> = {
  processor: (v) => typeof v === 'boolean',
  mechanism: (v) => TRANSFER_MECHANISMS.includes(v as never),
  mechanismText: isText,
};

/**
 * Keep what is valid of untrusted notice data. Returns the usable notice (null when nothing is) and a
 * description of each part that was dropped.
 */
export function validateNotice(data: unknown): { notice: Notice | null; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(data)) return { notice: null, problems: ['the notice is not a JSON object'] };
  if (data.version !== 1) problems.push(`version ${JSON.stringify(data.version)} is not 1; reading it as version 1`);
  const out: Record<string, unknown> = { version: 1 };
  const keep = (key: string, ok: (v: unknown) => boolean) => {
    if (data[key] === undefined) return;
    if (ok(data[key])) out[key] = data[key];
    else problems.push(`"${key}" is not valid and was left out`);
  };
  /** A copy of `value` without the fields `ok` rejects, each named in `problems` (the caller's data is not changed). */
  const clean = <T>(value: T, path: string, ok: (key: string, v: unknown) => boolean): T =>
    Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(([k, v]) => ok(k, v) || !problems.push(`"${path}.${k}" is not valid and was left out`)),
    ) as T;
  const extras = (tests: Record<string, (v: unknown) => boolean>) => (k: string, v: unknown) => !tests[k] || tests[k](v);
  for (const key of ['title', 'intro', 'register', 'purposesText', 'data', 'sources', 'retention', 'required', 'automated', 'cookies']) keep(key, isText);
  for (const key of ['controller', 'contact', 'dpo', 'representative']) {
    keep(key, isParty);
    if (out[key]) out[key] = clean(out[key], key, extras(PARTY_EXTRAS));
  }
  keep('lang', (v) => v === 'fi' || v === 'sv' || v === 'en');
  keep('updated', (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v));
  keep('created', (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v));
  keep('headings', isObject);
  if (out.headings) out.headings = clean(out.headings, 'headings', (k, v) => SECTION_ORDER.includes(k as never) && isText(v));
  keep(
    'purposes',
    (v) =>
      Array.isArray(v) &&
      v.every(
        (p) =>
          isObject(p) &&
          isText(p.purpose) &&
          (p.basis === undefined || [p.basis].flat().every((b) => LEGAL_BASES.includes(b as never))) &&
          (p.legitimateInterest === undefined || isText(p.legitimateInterest)),
      ),
  );
  keep(
    'recipients',
    (v) => isObject(v) && (v.text === undefined || isText(v.text)) && (v.list === undefined || (Array.isArray(v.list) && v.list.every(isRecipient))),
  );
  const recipients = out.recipients as Notice['recipients'];
  if (recipients?.list) out.recipients = { ...recipients, list: recipients.list.map((r, i) => clean(r, `recipients.list[${i}]`, extras(RECIPIENT_EXTRAS))) };
  keep(
    'transfers',
    (v) => isObject(v) && (v.outsideEu === undefined || typeof v.outsideEu === 'boolean') && [v.text, v.safeguards].every((t) => t === undefined || isText(t)),
  );
  keep('security', (v) => isObject(v) && [v.text, v.manual, v.electronic].every((t) => t === undefined || isText(t)));
  keep(
    'rights',
    (v) => isObject(v) && (v.standard === undefined || typeof v.standard === 'boolean') && [v.text, v.howTo].every((t) => t === undefined || isText(t)),
  );
  keep('sections', (v) => Array.isArray(v) && v.every((s) => isObject(s) && isText(s.title) && isText(s.text)));
  if (!out.controller) problems.push('"controller" is missing or has no name');
  return { notice: out as unknown as Notice, problems };
}
