/**
 * The consent record: what is stored in the cookie, how it is parsed back (defensively: any value a
 * browser, another script or an attacker may leave there) and how it is judged against the current
 * configuration. Pure functions, no DOM.
 */
import { CATEGORY_ID, NECESSARY, negated } from './attributes.js';

/**
 * Version of the stored record's shape: 2 since per-service choice (`s`). A record of schema 1 (no
 * services) still reads, as every service of a granted category granted; any other counts as no consent.
 */
export const SCHEMA = 2;
const DAY = 864e5;

/** A visitor's decision, as the public API returns it. */
export interface Consent {
  /** Random UUID naming this decision, for proof of consent. */
  id: string;
  /** The `revision` the visitor decided on. */
  revision: number;
  /** When the visitor decided (ISO-8601). */
  timestamp: string;
  /** Accepted categories; always includes `necessary`. */
  accepted: string[];
  /** Rejected categories. */
  rejected: string[];
  /**
   * Categories accepted with only some of their services: category → the services switched on. An
   * accepted category not listed here has every service on.
   */
  services: Record<string, string[]>;
}

/** The record as stored in the cookie: short keys, a schema version. */
interface Stored {
  v: number;
  id: string;
  r: number;
  t: string;
  a: string[];
  x: string[];
  s?: Record<string, string[]>;
}

/** A copy of a consent, so a caller changing it changes nothing. */
export const copyConsent = (c: Consent | null): Consent | null => c && structuredClone(c);

const isCategoryList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 64 && value.every((c) => typeof c === 'string' && CATEGORY_ID.test(c));

/**
 * Parse a cookie value into a consent, or null when it is missing, malformed, of a foreign or future
 * schema, or inconsistent. Never throws.
 */
export function parseConsentCookie(raw: unknown): Consent | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  let data: Partial<Stored>;
  try {
    // Own keys only: a key missing from the cookie must not be found on a polluted Object.prototype.
    data = { __proto__: null, ...JSON.parse(raw) };
  } catch {
    return null;
  }
  if (data.v !== 1 && data.v !== SCHEMA) return null;
  const { id, r, t, a, x, s = {} } = data;
  if (typeof id !== 'string' || !/^[0-9a-f-]{8,64}$/i.test(id)) return null;
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) return null;
  if (typeof t !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(t) || isNaN(Date.parse(t))) return null;
  if (!isCategoryList(a) || !isCategoryList(x)) return null;
  if (a.some((c) => x.includes(c)) || x.includes(NECESSARY)) return null;
  // Services only of a category the record grants: a forged list for a rejected one makes it unreadable.
  if (!Object.entries(s || 0).every(([c, on]) => a.includes(c) && isCategoryList(on))) return null;
  return {
    id,
    revision: r,
    timestamp: t,
    accepted: [NECESSARY, ...a.filter((c) => c !== NECESSARY)],
    rejected: x,
    services: { __proto__: null, ...s } as never,
  };
}

/**
 * Whether a consent grants `name`: a category (`marketing`), a service of one (`marketing:meta-pixel`:
 * its category is granted and its switch on), or, negated (`!marketing`, `marketing:!meta-pixel`), the
 * visitor decided and it is not granted.
 */
export function grants(c: Consent | null, name: string): boolean {
  const [what, not] = negated(name);
  const [category, service] = what.split(':');
  const on = c?.services[category];
  const yes = category == NECESSARY || (!!c?.accepted.includes(category) && !(service != null && on && !on.includes(service)));
  return not ? !!c && !yes : yes;
}

/**
 * Judge a stored consent against the configuration: the consent that still applies (or null when it
 * expired, is from the future, or is for another revision), and whether the visitor must be asked
 * again (also when a category was added after they decided).
 */
export function applicableConsent(
  stored: Consent | null,
  categories: readonly string[],
  revision: number,
  expiresDays: number,
  now: number,
): { consent: Consent | null; ask: boolean } {
  if (!stored || stored.revision !== revision) return { consent: null, ask: true };
  const age = now - Date.parse(stored.timestamp);
  if (age > expiresDays * DAY || age < -DAY) return { consent: null, ask: true };
  const consent: Consent = {
    ...stored,
    accepted: stored.accepted.filter((c) => c === NECESSARY || categories.includes(c)),
    rejected: stored.rejected.filter((c) => categories.includes(c)),
  };
  const ask = categories.some((c) => !consent.accepted.includes(c) && !consent.rejected.includes(c));
  return { consent, ask };
}
