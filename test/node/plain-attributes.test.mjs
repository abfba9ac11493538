// Issue 17, item 3: the core holds the controller back on a returning visit only when the tag's
// attributes are "plain" (src/entry/lean.ts) and their values good; the controller parses the same
// attributes (src/controller/config.ts). One validator per attribute (src/core/attributes.ts, `PLAIN`)
// serves both, so they cannot drift: for every value tried, the core's verdict is the controller's.
// Runs on the unbundled build (dist/esm/), as the other parser tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGating, PLAIN } from '../../dist/esm/core/attributes.js';
import { ATTRIBUTES, ONE_OF, parseConfig } from '../../dist/esm/controller/config.js';

// What the controller understands beyond the plain ones: the core fetches the controller when one is set.
const CONTROLLER_ONLY = [
  'cookie-domain',
  'ga',
  'google-ads',
  'gtm',
  'meta-pixel',
  'consent-mode',
  'log-url',
  'reload-on-withdraw',
  'ignore-gpc',
  'migrate-from',
  'platform',
  'matomo',
  'clarity',
  'hotjar',
  'uet',
  'tiktok-pixel',
  'pinterest-tag',
  'linkedin-partner',
];

test('every attribute the controller understands is classified: plain (the core can do without the controller) or the controller’s', () => {
  const plain = Object.keys(PLAIN);
  assert.deepEqual(
    plain.filter((name) => !ATTRIBUTES.includes(name)),
    [],
    'a plain attribute the controller does not know',
  );
  assert.deepEqual(
    plain.filter((name) => CONTROLLER_ONLY.includes(name)),
    [],
    'an attribute classified twice',
  );
  assert.deepEqual(
    ATTRIBUTES.filter((name) => !plain.includes(name) && !CONTROLLER_ONLY.includes(name)),
    [],
    'an attribute neither plain nor listed as the controller’s',
  );
  assert.deepEqual(plain.sort(), ['categories', 'cookie-name', 'expires-days', 'lang', 'no-reopen-button', 'notice-url', 'position', 'reopen', 'revision']);
  for (const name of plain) assert.equal(typeof PLAIN[name], 'function', `${name} has a validator`);
});

test('the core’s verdict on each plain attribute’s value is the controller’s: good where it reports no problem, bad where it does', () => {
  const values = [
    null,
    '',
    ' ',
    ...Object.values(ONE_OF).flat(),
    'Bottom',
    'bottom-center',
    'left',
    'fi',
    'sv-FI',
    'EN-gb',
    'de',
    'x',
    '#',
    '/privacy',
    ' https://shop.example/privacy ',
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,x',
    'analytics marketing',
    'necessary',
    'Analytics!',
    '0',
    '3',
    '-1',
    '1000',
    'abc',
    'keksi_consent',
    'a b',
    'yes',
  ];
  const disagree = [];
  for (const name of Object.keys(PLAIN)) {
    for (const value of values) {
      const read = (n) => (n === name ? value : null);
      const controllerOk = !parseConfig(read, value === null ? [] : [name]).problems.some(([, n]) => n === name);
      // The core: the validator, and for gating's own attributes the problems parseGating reports (`troubled`).
      let gatingOk = true;
      parseGating(read, (_kind, n) => n === name && (gatingOk = false));
      const coreOk = PLAIN[name](value) && gatingOk;
      if (coreOk !== controllerOk) disagree.push(`${name}=${JSON.stringify(value)}: core ${coreOk}, controller ${controllerOk}`);
    }
  }
  assert.deepEqual(disagree, []);
});
