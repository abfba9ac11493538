#!/usr/bin/env node
// keksi CLI. `keksi check notice.json [more.json …]`: prints what each privacy notice is missing
// (GDPR art. 13, Finnish practice) and exits 1 when any has errors. `--lang en` for English messages,
// `--json` for machine-readable output. `keksi import NOTICE.txt|.md|.html [-o notice.json]`: an
// existing notice into the JSON format (see importCommand below).
import { readFileSync, writeFileSync } from 'node:fs';
import { checkNotice, validateNotice } from '../dist/esm/notice/check.js';

const args = process.argv.slice(2);
const [command, ...rest] = args;
const lang = rest.includes('--lang') ? rest[rest.indexOf('--lang') + 1] : 'fi';
const json = rest.includes('--json');
const files = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--lang');

if (command === 'import') process.exit(await importCommand(rest));

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

/**
 * `keksi import NOTICE [-o notice.json] [--lang fi|sv|en]`: reads the file, converts it with the pure
 * importer (dist/esm/notice/import.js, also used in the browser) and writes the notice JSON to the
 * file or to stdout; what was mapped, what was kept as custom and the checker's findings go to stdout
 * with -o, else to stderr. Returns the exit code: 0 imported, 1 unreadable input, 2 usage.
 */
async function importCommand(args) {
  const usage = 'usage: keksi import NOTICE.txt|.md|.html [-o notice.json] [--lang fi|sv|en]';
  let input;
  let output;
  let messages = 'fi';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      console.log(`${usage}\n\nReads an existing privacy notice (plain text, markdown, HTML) and writes it in Keksi's notice format\n` +
        '(to stdout, or to the -o file), then prints each heading and the field it went to, the headings kept as\n' +
        "the shop's own sections, and the checker's findings. Text is kept as written; nothing is invented.");
      return 0;
    }
    if ((a === '-o' || a === '--output' || a === '--lang') && (args[i + 1] === undefined || args[i + 1].startsWith('-'))) {
      console.error(`keksi import: ${a} needs a value\n${usage}`);
      return 2;
    }
    if (a === '-o' || a === '--output') output = args[++i];
    else if (a === '--lang') messages = args[++i];
    else if (a.startsWith('-')) {
      console.error(`keksi import: unknown option ${a}\n${usage}`);
      return 2;
    } else if (input === undefined) input = a;
    else {
      console.error(`keksi import: one notice at a time (${input}, ${a})\n${usage}`);
      return 2;
    }
  }
  if (!['fi', 'sv', 'en'].includes(messages)) {
    console.error(`keksi import: --lang ${messages} is not fi, sv or en\n${usage}`);
    return 2;
  }
  if (input === undefined) {
    console.error(usage);
    return 2;
  }
  let source;
  try {
    source = readFileSync(input, 'utf8');
  } catch (e) {
    console.error(`keksi import: cannot read ${input}: ${e.message}`);
    return 1;
  }
  const { formatOf, importNotice } = await import('../dist/esm/notice/import.js');
  const { notice, mapped, custom } = importNotice(source, { format: formatOf(input) });
  const json = JSON.stringify(notice, null, 2) + '\n';
  const say = output ? console.log : console.error;
  if (output) writeFileSync(output, json);
  else process.stdout.write(json);
  say(`${input} → ${output || 'stdout'} (lang ${notice.lang})`);
  for (const m of mapped) say(`  ${m.heading} → ${m.field}`);
  for (const c of custom) say(`  ${c} → custom section`);
  const findings = checkNotice(notice);
  const mark = { error: '✖', warning: '⚠', info: 'ℹ' };
  const count = (s) => findings.filter((f) => f.severity === s).length;
  say(`\ncheck: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
  for (const f of findings) say(`  ${mark[f.severity]} ${f.severity.padEnd(7)} ${f.section.padEnd(11)} ${f.message[messages] || f.message.fi}  [${f.reference}]`);
  return 0;
}
