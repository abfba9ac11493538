// The GTM custom template (integrations/gtm/keksi-consent.tpl) in the Community Template Gallery's
// format: its sections are there, the JSON ones parse, and the permissions cover every sandboxed API
// the code requires (GTM refuses to run a template whose code calls what its permissions do not allow).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const text = readFileSync('integrations/gtm/keksi-consent.tpl', 'utf8');
/** The template's sections by name: `___NAME___` on a line of its own, then the body. */
export const sections = Object.fromEntries([...text.matchAll(/^___([A-Z_]+)___\n([\s\S]*?)(?=^___[A-Z_]+___\n|(?![\s\S]))/gm)].map((m) => [m[1], m[2].trim()]));
const js = sections.SANDBOXED_JS_FOR_WEB_TEMPLATE;
const permissions = JSON.parse(sections.WEB_PERMISSIONS);
const permission = (id) => permissions.find((p) => p.instance.key.publicId === id)?.instance.param;
const strings = (param, key) =>
  JSON.stringify(param?.find((p) => p.key === key)?.value || {})
    .match(/"string":"[^"]*"/g)
    ?.map((s) => s.slice(10, -1)) || [];

test('the template has the gallery format sections, and the JSON ones parse', () => {
  for (const name of ['INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE', 'WEB_PERMISSIONS']) assert.ok(sections[name], name);
  const info = JSON.parse(sections.INFO);
  assert.equal(info.type, 'TAG');
  assert.deepEqual(info.containerContexts, ['WEB']);
  const params = JSON.parse(sections.TEMPLATE_PARAMETERS).map((p) => p.name);
  for (const [, name] of js.matchAll(/\bdata\.(\w+)/g)) if (!/^gtm/.test(name)) assert.ok(params.includes(name), `data.${name} is a parameter`);
});

test('the permissions cover what the sandboxed code calls', () => {
  const apis = [...js.matchAll(/require\('(\w+)'\)/g)].map((m) => m[1]).sort();
  assert.deepEqual(apis, ['JSON', 'copyFromDataLayer', 'getCookieValues', 'getType', 'makeNumber', 'setDefaultConsentState', 'updateConsentState']);
  // Consent Mode: write every type the code sets.
  const written = permission('access_consent')
    .find((p) => p.key === 'consentTypes')
    .value.listItem.filter((i) => i.mapValue[2].boolean)
    .map((i) => i.mapValue[0].string);
  const setInCode = [...new Set([...js.matchAll(/'((?:ad|analytics|functionality|personalization|security)_[a-z_]+)'/g)].map((m) => m[1]))];
  assert.deepEqual(written.sort(), setInCode.sort());
  // Cookies: the default consent cookie; data layer: the keys read.
  assert.deepEqual(strings(permission('get_cookies'), 'cookieNames'), ['keksi_consent']);
  const read = [...js.matchAll(/copyFromDataLayer\('(\w+)'\)/g)].map((m) => m[1]);
  assert.deepEqual(strings(permission('read_data_layer'), 'keyPatterns').sort(), [...new Set(read)].sort());
  // Nothing else is asked for.
  assert.deepEqual(permissions.map((p) => p.instance.key.publicId).sort(), ['access_consent', 'get_cookies', 'read_data_layer']);
});
