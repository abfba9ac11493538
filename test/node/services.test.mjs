// Per-service choice (issue 15), attacked: whatever a forged or corrupted record says, a service is
// granted only when its category is. Runs on the built modules (dist/esm), as a returning visitor's core does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';

const { parseConsentCookie, grants } = await import('../../dist/esm/core/record.js');
const cats = ['preferences', 'analytics', 'marketing', 'necessary', 'constructor', '__proto__', 'x'];
const ids = ['ga', 'meta-pixel', 'google-ads', 'toString', 'Bad Name', ''];
const list = (from) => fc.array(fc.oneof(fc.constantFrom(...from), fc.string({ maxLength: 6 })), { maxLength: 5 });

test('a forged record grants no service of a category it does not grant, and never throws', () => {
  fc.assert(
    fc.property(
      list(cats),
      list(cats),
      fc.oneof(fc.dictionary(fc.constantFrom(...cats), fc.oneof(list(ids), fc.string(), fc.constant(null))), fc.anything()),
      fc.constantFrom(1, 2, 3, '2', undefined),
      (a, x, s, v) => {
        const raw = JSON.stringify({ v, id: '6f1c1b2e-1111-4aaa-8bbb-123456789abc', r: 0, t: new Date().toISOString(), a, x, s });
        const c = parseConsentCookie(raw);
        if (v !== 1 && v !== 2) assert.equal(c, null, 'an unknown schema is no consent');
        for (const category of cats) {
          for (const id of ids) {
            const name = `${category}:${id}`;
            if (category !== 'necessary' && !c?.accepted.includes(category)) assert.equal(grants(c, name), false, `${raw} grants ${name}`);
            if (c?.accepted.includes(category) && category !== 'necessary') {
              const on = c.services[category];
              assert.equal(grants(c, name), !on || on.includes(id), `${raw}: ${name}`);
            }
          }
        }
      },
    ),
    { numRuns: 3000 },
  );
});

test('an empty service name is a service no partial grant lists (fuzz counterexample, seed 114360441)', () => {
  const c = parseConsentCookie(
    JSON.stringify({ v: 2, id: '6f1c1b2e-1111-4aaa-8bbb-123456789abc', r: 0, t: new Date().toISOString(), a: ['x'], x: [], s: { x: [] } }),
  );
  assert.equal(grants(c, 'x:'), false);
  assert.equal(grants(c, 'x'), true);
});

test('a schema 1 record (before services) grants every service of its granted categories', () => {
  const c = parseConsentCookie(
    JSON.stringify({ v: 1, id: '6f1c1b2e-1111-4aaa-8bbb-123456789abc', r: 0, t: new Date().toISOString(), a: ['marketing'], x: ['analytics'] }),
  );
  assert.deepEqual(
    [grants(c, 'marketing'), grants(c, 'marketing:meta-pixel'), grants(c, 'analytics:ga'), grants(c, 'marketing:!meta-pixel')],
    [true, true, false, false],
  );
});
