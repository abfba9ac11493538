/**
 * The consent record as the controller writes it, and how it recognises its own records. The reading
 * side (core/record.ts) is what a returning visitor's first script needs; this is not.
 */
import { NECESSARY } from '../core/attributes.js';
import { SCHEMA, type Consent } from '../core/record.js';

// Arrays by hand: a page's Array.prototype.toJSON (Prototype.js) would make JSON.stringify write them as strings.
const list = (a: string[]) => '[' + a.map((c) => JSON.stringify(c)).join() + ']';

/**
 * Encode a consent for the cookie (percent-encoded when written):
 * `{"v":2,"id":…,"r":…,"t":…,"a":[…],"x":[…],"s":{"category":[services on],…}}`, `necessary` left out of
 * `a`, `s` naming only the categories accepted with some of their services.
 */
export const serializeConsent = (c: Consent): string =>
  `{"v":${SCHEMA},"id":${JSON.stringify(c.id)},"r":${c.revision},"t":${JSON.stringify(c.timestamp)},"a":${list(
    c.accepted.filter((a) => a !== NECESSARY),
  )},"x":${list(c.rejected)},"s":{${Object.entries(c.services)
    .map(([k, v]) => JSON.stringify(k) + ':' + list(v))
    .join()}}}`;

/**
 * Whether a cookie value is a Keksi record (of any schema, readable or not): anything else under the
 * consent cookie's name belongs to someone else, and Keksi neither overwrites nor deletes it.
 */
export const isKeksiRecord = (value: string): boolean => /^\{"v":/.test(value);
