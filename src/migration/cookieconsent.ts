/**
 * What a shop moving from cookieconsent v3 keeps: its `data-cc` buttons, and its visitors' stored
 * choice (`migrate-from="cookieconsent"`), so they are not asked again. A lazy chunk: the controller
 * imports it only when such a button is used, or when the attribute is set and there is no Keksi choice.
 *
 * cookieconsent keeps the choice in the cookie `cc_cookie` as percent-encoded JSON (its type
 * `CookieValue`, vanilla-cookieconsent/types/index.d.ts; https://cookieconsent.orestbida.com/reference/api-reference.html#getcookie):
 * `categories` (the accepted ones, `necessary` included), `revision`, `consentId` (a UUID),
 * `consentTimestamp` and `lastConsentTimestamp` (ISO), `expirationTime` (ms since the epoch),
 * `services` (for each configured category, the services enabled in it) and `languageCode`, `data`.
 *
 * The cookie is read once and then deleted, whatever it holds: Keksi's choice takes its place, and a
 * Keksi choice withdrawn or reset later must not come back from it. It becomes a Keksi choice only
 * when it is sound, of the same `revision`, not expired (by its own expiry and by `expires-days`),
 * and for the same categories (its `services` has a key for every category cookieconsent was
 * configured with, so a category added in Keksi is noticed); otherwise a `[keksi]` message says why
 * and the visitor is asked. Per-service choices: see migrateCookieconsent (and docs/migration.md).
 */
import { CATEGORY_ID, NECESSARY } from '../core/attributes.js';
import { cookieValues } from '../core/cookie-jar.js';
import { scriptNonce } from '../core/gating.js';
import { guard, warn } from '../core/log.js';
import type { ConsentHost } from '../controller/host.js';
import type { ConsentStore } from '../controller/store.js';
import { chunk } from '../entry/chunk.js';

/**
 * A click on a `data-cc` button or link (the controller has prevented its default): show-preferencesModal,
 * show-consentModal, accept-all, accept-necessary, as cookieconsent documents them
 * (https://cookieconsent.orestbida.com/advanced/custom-buttons.html... see docs/migration.md). `accept-custom`
 * saves the selection of cookieconsent's own dialog, which Keksi does not have: ignored with a message.
 * Injected HTML could make a page-wide invisible `accept-all`: under a nonce CSP it counts only on an
 * element with the nonce of Keksi's tag, as the guarded attributes do (core/attributes.ts).
 */
export function ccButton(host: ConsentHost & { showBanner(): unknown }, el: HTMLElement): void {
  const cc = el.getAttribute('data-cc');
  if (cc == 'accept-all' && (!scriptNonce || el.nonce == scriptNonce)) host.acceptAll();
  else if (cc == 'accept-necessary') host.rejectAll();
  else if (cc == 'show-consentModal') host.showBanner();
  else if (cc == 'show-preferencesModal') host.showPreferences(el);
  else
    warn(
      `data-cc="${cc}" ignored: Keksi knows show-preferencesModal, show-consentModal, accept-necessary and accept-all (under a nonce CSP with the nonce of Keksi's tag).`,
    );
}

/** cookieconsent v3's default cookie name. */
export const CC_COOKIE = 'cc_cookie';
const DAY = 864e5;

type Parsed = {
  accepted: string[];
  known: string[];
  /** For each category, the services on in it (cookieconsent's `services`). */
  services: Record<string, string[]>;
  revision: number;
  id?: string;
  timestamp: string;
  expires?: number;
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v == 'object' && !Array.isArray(v);
const isIds = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 64 && v.every((c) => typeof c == 'string' && CATEGORY_ID.test(c));

/** Parse a `cc_cookie` value; null when it is not a sound cookieconsent v3 choice. Never throws. */
export function parseCcCookie(raw: string): Parsed | null {
  let data: Record<string, unknown>;
  try {
    // Own keys only: a key missing from the cookie must not be found on a polluted Object.prototype.
    data = { __proto__: null, ...JSON.parse(raw) };
  } catch {
    return null;
  }
  const { categories, services, revision, consentId, lastConsentTimestamp, expirationTime } = data;
  if (!isIds(categories) || !isObject(services) || !isIds(Object.keys(services)) || !Object.values(services).every(isIds)) return null;
  if (typeof revision != 'number' || !Number.isInteger(revision) || revision < 0) return null;
  if (typeof lastConsentTimestamp != 'string' || !/^\d{4}-\d\d-\d\dT/.test(lastConsentTimestamp) || isNaN(Date.parse(lastConsentTimestamp))) return null;
  if (expirationTime !== undefined && typeof expirationTime != 'number') return null;
  return {
    accepted: categories.filter((c) => c != NECESSARY),
    known: [...new Set([...Object.keys(services), ...categories])].filter((c) => c != NECESSARY),
    services: { __proto__: null, ...services } as never,
    revision,
    id: typeof consentId == 'string' && /^[0-9a-f-]{8,64}$/i.test(consentId) ? consentId : undefined,
    timestamp: new Date(lastConsentTimestamp).toISOString(),
    expires: expirationTime,
  };
}

/**
 * Why a parsed cookieconsent choice cannot become a Keksi choice under this configuration, or ''
 * when it can.
 */
export function mismatch(cc: Parsed, categories: readonly string[], revision: number, expiresDays: number, now: number): string {
  const age = now - Date.parse(cc.timestamp);
  if (cc.revision !== revision) return `it is for revision ${cc.revision}, Keksi's revision is ${revision}`;
  if ((cc.expires !== undefined && cc.expires < now) || age > expiresDays * DAY) return 'it has expired';
  if (age < -DAY) return 'its time is in the future';
  const same = cc.known.length == categories.length && cc.known.every((c) => categories.includes(c));
  if (!same) return `its categories (${cc.known.join(' ')}) are not Keksi's (${categories.join(' ')})`;
  return '';
}

/**
 * Turn an existing `cc_cookie` into the store's choice if it applies, then delete it with
 * `deleteCookie` (the controller's: every copy, on every domain and path this page reaches).
 * cookieconsent's per-service choices are carried over when each of its services is one of Keksi's
 * (the dialog's list, in the UI chunk: fetched for this, once a visitor) in the same category: all of
 * a category's services on is the whole category, some are `category:service`; a category with none
 * listed was chosen whole. A service Keksi does not have means the visitor is asked again.
 */
export function migrateCookieconsent(store: ConsentStore, deleteCookie: (name: string) => void, now = Date.now()): Promise<void> | void {
  const notTaken = (why: string) => warn(`cookieconsent's choice (${CC_COOKIE}) not taken over: ${why}; asking again.`);
  return guard('migrating from cookieconsent', () => {
    const values = cookieValues(CC_COOKIE);
    if (!values.length) return;
    deleteCookie(CC_COOKIE);
    // A decision made while this chunk loaded wins.
    if (store.consent) return;
    const cc = values.every((v) => v === values[0]) ? parseCcCookie(values[0]) : null;
    const { categories, revision, expiresDays } = store.config;
    const why = cc ? mismatch(cc, categories, revision, expiresDays, now) : 'it is unreadable';
    if (why) return notTaken(why);
    if (!cc!.accepted.some((c) => cc!.services[c]?.length)) return void store.decide(cc!.accepted, cc!);
    return chunk((_fetchChunk) => import('../ui/index.js')).then(
      ({ servicesOf, serviceId }) =>
        guard('migrating from cookieconsent', () => {
          // A decision made while the UI chunk loaded wins too.
          if (store.consent) return;
          const accepted: string[] = [];
          for (const c of cc!.accepted) {
            const on = cc!.services[c] || [];
            const own = servicesOf(store.config)
              .filter((s) => s.category == c)
              .map(serviceId)
              .filter((id) => CATEGORY_ID.test(id));
            const foreign = on.filter((s) => !own.includes(s));
            if (foreign.length) return notTaken(`its services of ${c} (${foreign.join(' ')}) are not Keksi's (${own.join(' ') || 'none'})`);
            if (own.every((s) => on.includes(s))) accepted.push(c);
            else accepted.push(...on.map((s) => c + ':' + s));
          }
          store.decide(accepted, cc!);
        }),
      (error) => notTaken(`Keksi's list of services did not load (${error})`),
    );
  });
}
