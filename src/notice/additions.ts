/**
 * Validation of the format additions of issue 14 (representative, legal form and short name of a party,
 * processors and transfer mechanisms of recipients, the shop's own headings), kept apart from
 * `validateNotice` in check.ts while the checker is rewritten in parallel; to be folded into it.
 */
import { SECTION_ORDER, TRANSFER_MECHANISMS, type Notice } from './types.js';

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => !!v && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): boolean =>
  (typeof v === 'string' && v.length < 20000) || (isObject(v) && Object.entries(v).every(([k, s]) => /^(fi|sv|en)$/.test(k) && typeof s === 'string'));

/**
 * Keep what is valid of the added fields of untrusted data in `notice` (the result of `validateNotice`,
 * which does not know them yet; the caller's data is never changed). Returns a description of each
 * part that was dropped.
 */
export function validateAdditions(data: unknown, notice: Notice | null): string[] {
  const problems: string[] = [];
  if (!notice || !isObject(data)) return problems;
  /** A copy of `value` without the keys that fail `ok`, each named in `problems`. */
  const clean = (value: Data, path: string, ok: (key: string, v: unknown) => boolean) =>
    Object.fromEntries(Object.entries(value).filter(([k, v]) => ok(k, v) || !problems.push(`"${path}.${k}" is not valid and was left out`)));
  const party = (p: unknown, path: string) =>
    isObject(p) && typeof p.name === 'string' ? clean(p, path, (k, v) => typeof v === 'string') : undefined;
  const n = notice as unknown as Data;
  for (const key of ['controller', 'contact', 'dpo']) if (n[key]) n[key] = party(n[key], key);
  if (data.representative !== undefined && !(n.representative = party(data.representative, 'representative'))) {
    problems.push('"representative" is not valid and was left out');
  }
  if (isObject(data.headings)) n.headings = clean(data.headings, 'headings', (k, v) => (SECTION_ORDER as readonly string[]).includes(k) && isText(v));
  else if (data.headings !== undefined) problems.push('"headings" is not valid and was left out');
  const list = notice.recipients?.list;
  if (list) {
    notice.recipients = {
      ...notice.recipients,
      list: list.map((r, i) =>
        clean(r as unknown as Data, `recipients.list[${i}]`, (k, v) =>
          k == 'processor' ? typeof v == 'boolean' : k == 'mechanism' ? TRANSFER_MECHANISMS.includes(v as never) : k == 'mechanismText' ? isText(v) : true,
        ) as never,
      ),
    };
  }
  return problems;
}
