#!/usr/bin/env node
// keksi CLI. `keksi check notice.json [more.json …]`: prints what each privacy notice is missing
// (GDPR art. 13, Finnish practice) and exits 1 when any has errors. `--lang en` for English messages,
// `--json` for machine-readable output.
import { readFileSync } from 'node:fs';
import { checkNotice, validateNotice } from '../dist/esm/notice/check.js';

const args = process.argv.slice(2);
const [command, ...rest] = args;
const lang = rest.includes('--lang') ? rest[rest.indexOf('--lang') + 1] : 'fi';
const json = rest.includes('--json');
const files = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--lang');

if (command !== 'check' || !files.length) {
  console.error('usage: keksi check notice.json [more.json …] [--lang fi|en] [--json]');
  process.exit(2);
}

const icon = { error: '✖', warning: '⚠', info: 'ℹ' };
let errors = 0;
const report = {};
for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: cannot read JSON: ${e.message}`);
    errors++;
    continue;
  }
  const { notice, problems } = validateNotice(data);
  const findings = [
    ...problems.map((p) => ({ severity: 'error', section: 'format', reference: 'schema/notice.schema.json', message: { fi: p, en: p } })),
    ...(notice ? checkNotice(notice) : []),
  ];
  errors += findings.filter((f) => f.severity === 'error').length;
  report[file] = findings;
  if (json) continue;
  const count = (s) => findings.filter((f) => f.severity === s).length;
  console.log(`\n${file}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
  for (const f of findings) console.log(`  ${icon[f.severity]} ${f.severity.padEnd(7)} ${f.section.padEnd(11)} ${f.message[lang === 'en' ? 'en' : 'fi']}  [${f.reference}]`);
}
if (json) console.log(JSON.stringify(report, null, 2));
process.exit(errors ? 1 : 0);
