// The notice checker on the three real seeds (shared/seeds, as demo/notices/*.json) and the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkNotice, validateNotice } from '../../dist/esm/notice/check.js';

const load = (name) => JSON.parse(readFileSync(`demo/notices/${name}.json`, 'utf8'));
const summary = (name) =>
  checkNotice(validateNotice(load(name)).notice).map((f) => `${f.severity} ${f.section} ${f.reference}`);

test('Kruununjalokivi: no legal basis, the repealed Personal Data Act, rights incomplete', () => {
  assert.deepEqual(summary('kruununjalokivi'), [
    'info controller GDPR 13(1)(a)',
    'error purposes GDPR 13(1)(c)',
    'warning rights GDPR 13(2)(b)',
    'warning rights GDPR 13(2)(b)',
    'warning transfers GDPR 13(1)(f)',
    'warning required GDPR 13(2)(e)',
    'warning automated GDPR 13(2)(f)',
    'warning updated GDPR 12(1)',
    'warning references Tietosuojalaki 1050/2018',
  ]);
});

test('Kehobalanssi: the missing retention period is an error; browser settings offered as the cookie choice', () => {
  const s = summary('kehobalanssi');
  assert.ok(s.includes('error retention GDPR 13(2)(a)'));
  assert.ok(s.includes('error purposes GDPR 13(1)(c)'));
  assert.ok(s.includes('warning references Tietosuojalaki 1050/2018'));
  assert.ok(s.includes('warning cookies EDPB 05/2020; Traficom'));
  assert.ok(!s.some((l) => l.startsWith('error rights')), 'it names the Ombudsman and correction rights');
  assert.equal(s.filter((l) => l.startsWith('error')).length, 2);
});

test('Kalvokeskus: no retention, no complaint right, profiling without art. 13(2)(f), "using the site accepts"', () => {
  const s = summary('kalvokeskus');
  for (const expected of [
    'error retention GDPR 13(2)(a)',
    'error rights GDPR 13(2)(d)',
    'error automated GDPR 13(2)(f)',
    'error cookies Tietoyhteiskuntakaari 205 §; EDPB 05/2020',
    'error purposes GDPR 13(1)(c)',
  ]) assert.ok(s.includes(expected), expected);
  assert.equal(s.filter((l) => l.startsWith('error')).length, 5);
});

test('the demo shop’s own notice passes with no findings', () => {
  assert.deepEqual(summary('pikku-paahtimo'), []);
});

test('consent-based processing without the right to withdraw, transfers without safeguards', () => {
  const findings = checkNotice({
    version: 1,
    controller: { name: 'X Oy', email: 'x@x.fi', businessId: '1234567-8' },
    updated: '2026-01-01',
    purposes: [{ purpose: 'Uutiskirje', basis: 'consent' }, { purpose: 'Turva', basis: 'legitimate-interests' }],
    recipients: { list: [{ name: 'Mailer Inc', country: 'US' }] },
    retention: 'Kunnes perut.',
    rights: { standard: false, text: 'Voit tehdä valituksen tietosuojavaltuutetulle ja pyytää oikaisua ja siirtoa.' },
    required: 'Vapaaehtoista.',
    automated: 'Ei.',
  }).map((f) => `${f.severity} ${f.section} ${f.reference}`);
  assert.deepEqual(findings.filter((f) => f.startsWith('error')), [
    'error purposes GDPR 13(1)(d)',
    'error rights GDPR 13(2)(c)',
    'error transfers GDPR 13(1)(f)',
  ]);
});

test('validateNotice keeps the valid parts and names the rest', () => {
  const { notice, problems } = validateNotice({ version: 2, controller: { name: 'A' }, retention: 5, purposes: [{ purpose: 'x', basis: 'whim' }], data: 'ok' });
  assert.deepEqual(Object.keys(notice).sort(), ['controller', 'data', 'version']);
  assert.equal(problems.length, 3);
  assert.deepEqual(validateNotice('nope'), { notice: null, problems: ['the notice is not a JSON object'] });
});

test('CLI: `keksi check` prints the findings and exits 1 on errors, 0 when clean', () => {
  const bad = spawnSync(process.execPath, ['bin/keksi.mjs', 'check', 'demo/notices/kehobalanssi.json', '--lang', 'en'], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /kehobalanssi\.json: 2 errors/);
  assert.match(bad.stdout, /✖ error {3}retention {3}The retention period, or the criteria for it, is missing\. {2}\[GDPR 13\(2\)\(a\)\]/);
  const good = spawnSync(process.execPath, ['bin/keksi.mjs', 'check', 'demo/notices/pikku-paahtimo.json'], { encoding: 'utf8' });
  assert.equal(good.status, 0);
  assert.match(good.stdout, /0 errors, 0 warnings, 0 notes/);
  const usage = spawnSync(process.execPath, ['bin/keksi.mjs'], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
});

test('every demo notice is valid against the format', () => {
  for (const name of ['kruununjalokivi', 'kehobalanssi', 'kalvokeskus', 'pikku-paahtimo']) {
    assert.deepEqual(validateNotice(load(name)).problems, [], name);
  }
});
