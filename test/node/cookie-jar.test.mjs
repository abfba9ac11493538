// The cookie reader (src/core/cookie-jar.ts), property-tested: every value of a name comes back in
// order, other names never leak (also `constructor`, `__proto__`), malformed input never throws, and it
// reads what js-cookie reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import Cookies from 'js-cookie';
import { cookieValues } from '../../dist/esm/core/cookie-jar.js';

// Names as Keksi allows them (cookie-name: A-Z a-z 0-9 _ -), which need no encoding.
const NAMES = ['keksi_consent', 'shop_consent', '_ga', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
// A cookie as a browser hands it to document.cookie: values percent-encoded the way js-cookie writes
// them, or the way Keksi does (encodeURIComponent), or quoted.
const pair = fc.tuple(fc.constantFrom(...NAMES), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('js-cookie', 'uri', 'quoted'));
const encode = ([name, value, how]) => {
  const n = name;
  const v = encodeURIComponent(value);
  if (how === 'uri') return `${n}=${v}`;
  if (how === 'quoted') return `${n}="${v}"`;
  return `${n}=${v.replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent)}`;
};

test('every value of a name round-trips, in order, and other names never leak', () => {
  fc.assert(
    fc.property(fc.array(pair, { maxLength: 8 }), fc.constantFrom(...NAMES, 'absent', 'valueOf', '__defineGetter__'), (pairs, name) => {
      const cookie = pairs.map(encode).join('; ');
      assert.deepEqual(
        cookieValues(name, cookie),
        pairs.filter(([n]) => n === name).map(([, v]) => v),
      );
    }),
    { numRuns: 3000 },
  );
});

test('malformed input never throws and yields only strings', () => {
  const junk = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(fc.oneof(fc.constantFrom('%', '%E0%A4%A', '%FF', '=', '"', '; ', ';', 'keksi_consent=', 'keksi_consent'), fc.string({ maxLength: 5 })), {
        maxLength: 20,
      })
      .map((a) => a.join('')),
  );
  fc.assert(
    fc.property(junk, fc.constantFrom(...NAMES), (cookie, name) => {
      const values = cookieValues(name, cookie);
      assert.ok(Array.isArray(values) && values.every((v) => typeof v === 'string'));
    }),
    { numRuns: 3000 },
  );
});

test('a badly encoded copy still counts (as its raw text): a duplicate is never hidden', () => {
  assert.deepEqual(cookieValues('keksi_consent', 'keksi_consent=%E0%A4%A; keksi_consent=%7B%7D'), ['%E0%A4%A', '{}']);
  assert.deepEqual(cookieValues('constructor', ''), []);
  assert.deepEqual(cookieValues('__proto__', 'a=1'), []);
});

test('names are matched as written: a planted keksi%5Fconsent is another cookie', () => {
  assert.deepEqual(cookieValues('keksi_consent', 'keksi%5Fconsent=%7B%22v%22%3A1%7D; keksi_consent=%7B%7D'), ['{}']);
});

test('the first value is what js-cookie reads', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(pair.map(encode), fc.string({ maxLength: 20 })), { maxLength: 8 }),
      fc.constantFrom('keksi_consent', '_ga'),
      (parts, name) => {
        const cookie = parts.join('; ');
        globalThis.document = { cookie };
        const expected = Cookies.get(name);
        const values = cookieValues(name, cookie);
        // js-cookie skips a copy it cannot decode; the reader keeps it, so js-cookie's is among them.
        if (expected === undefined) return;
        assert.ok(values.includes(expected), `${JSON.stringify(cookie)}: ${JSON.stringify(values)} lacks ${JSON.stringify(expected)}`);
      },
    ),
    { numRuns: 3000 },
  );
  delete globalThis.document;
});

test('the stored record is schema 2 byte for byte (serialized without Array.prototype.toJSON), services included', async () => {
  const { serializeConsent, parseConsentCookie } = await Promise.all([
    import('../../dist/esm/controller/record-writer.js'),
    import('../../dist/esm/core/record.js'),
  ]).then(([w, r]) => ({ ...w, ...r }));
  const cats = ['preferences', 'analytics', 'marketing', 'x-custom'];
  const ids = ['ga', 'google-ads', 'meta-pixel', 'x_1'];
  fc.assert(
    fc.property(
      fc.uuid(),
      fc.nat(9),
      fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }),
      fc.subarray(cats),
      fc.array(fc.subarray(ids, { minLength: 1 }), { minLength: 4, maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      (id, revision, d, a, lists, some) => {
        const services = { __proto__: null };
        a.forEach((c, n) => some[n] && (services[c] = lists[n]));
        const consent = { id, revision, timestamp: d.toISOString(), accepted: ['necessary', ...a], rejected: cats.filter((c) => !a.includes(c)), services };
        const s = serializeConsent(consent);
        assert.equal(s, JSON.stringify({ v: 2, id, r: revision, t: consent.timestamp, a, x: consent.rejected, s: { ...services } }));
        assert.deepEqual(parseConsentCookie(s), consent);
      },
    ),
    { numRuns: 1000 },
  );
});
