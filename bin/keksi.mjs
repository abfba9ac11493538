#!/usr/bin/env node
// keksi CLI. Commands:
//   keksi check notice.json [more.json …] [--lang fi|sv|en] [--json | --format text|json]
//     prints what each privacy notice is missing (GDPR art. 13, Finnish practice); exits 1 when any
//     has errors, 2 on a usage error.
//   keksi import NOTICE.txt|.md|.html [-o notice.json] [--lang fi|sv|en]
//     an existing notice (plain text, markdown, HTML) in the notice format, then what went where and
//     the checker's findings.
// Each command is an async function that takes its own arguments and returns the exit status; the
// table COMMANDS dispatches to it (a usage error exits 2 at once).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const USAGE = `usage: keksi <command> [options]

commands:
  check FILE.json [FILE.json …]   what each privacy notice is missing (GDPR art. 13, Finnish practice)
      --lang fi|sv|en              language of the messages (default fi)
      --json, --format json        findings as JSON: rule id, severity, section, legal reference, messages in fi, sv, en
      --format text                findings as text (default)

  import NOTICE.txt|.md|.html      an existing privacy notice in Keksi's notice format (stdout, or -o FILE);
                                   then each heading and the field it went to, the headings kept as the
                                   shop's own sections, and the checker's findings. Text is kept as
                                   written; nothing is invented.
      -o, --output FILE            write the notice JSON to FILE
      --lang fi|sv|en              language of the findings (default fi)

  keksi <command> --help           this text

exit status: 0 no errors, 1 a notice has errors, 2 usage error`;

/** A usage error: names the problem, points to --help, exits 2. */
function usageError(message) {
  console.error(`keksi: ${message}\nRun "keksi --help" for usage.`);
  process.exit(2);
}

/** parseArgs with the errors a user can act on: the unknown option or the missing value, named. */
function parse(args, options) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(error.message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

const LANGS = ['fi', 'sv', 'en'];
const FORMATS = ['text', 'json'];

/** `keksi check FILE…`: 0 no errors, 1 a notice has errors. */
async function check(args) {
  const { values, positionals: files } = parse(args, { lang: { type: 'string' }, json: { type: 'boolean' }, format: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const lang = values.lang ?? 'fi';
  if (!LANGS.includes(lang)) usageError(`--lang must be one of ${LANGS.join(', ')}, not "${lang}"`);
  if (values.format !== undefined && !FORMATS.includes(values.format)) usageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  if (values.json && values.format === 'text') usageError('--json and --format text contradict each other');
  const json = values.json || values.format === 'json';
  if (!files.length) usageError('check: name at least one notice file (notice.json)');

  const { checkNotice, formatFindings, validateNotice } = await import('../dist/esm/notice/check.js');
  const icon = { error: '✖', warning: '⚠', info: 'ℹ' };
  const words = {
    fi: { error: 'virhettä', warning: 'varoitusta', info: 'huomiota', unreadable: 'JSONia ei voi lukea' },
    sv: { error: 'fel', warning: 'varningar', info: 'anmärkningar', unreadable: 'kan inte läsa JSON' },
    en: { error: 'errors', warning: 'warnings', info: 'notes', unreadable: 'cannot read JSON' },
  }[lang];
  let errors = 0;
  const report = {};
  for (const file of files) {
    let data;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      console.error(`${file}: ${words.unreadable}: ${e.message}`);
      errors++;
      continue;
    }
    const { notice, problems } = validateNotice(data);
    const findings = [...formatFindings(problems), ...(notice ? checkNotice(notice) : [])];
    errors += findings.filter((f) => f.severity === 'error').length;
    report[file] = findings;
    if (json) continue;
    const count = (s) => `${findings.filter((f) => f.severity === s).length} ${words[s]}`;
    console.log(`\n${file}: ${count('error')}, ${count('warning')}, ${count('info')}`);
    for (const f of findings)
      console.log(`  ${icon[f.severity]} ${f.severity.padEnd(7)} ${f.section.padEnd(11)} ${f.message[lang]}  [${f.reference}; ${f.rule}]`);
  }
  if (json) console.log(JSON.stringify(report, null, 2));
  return errors ? 1 : 0;
}

/**
 * `keksi import NOTICE`: converts the file with the pure importer (dist/esm/notice/import.js, also
 * used in the browser) and writes the notice JSON to the -o file or stdout; the report goes to stdout
 * with -o, else to stderr. 0 imported, 1 unreadable input.
 */
async function importCommand(args) {
  const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, lang: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const lang = values.lang ?? 'fi';
  if (!LANGS.includes(lang)) usageError(`--lang must be one of ${LANGS.join(', ')}, not "${lang}"`);
  if (positionals.length !== 1)
    usageError(positionals.length ? `import: one notice at a time (${positionals.join(', ')})` : 'import: name the notice file (NOTICE.txt, .md or .html)');
  const [input] = positionals;
  let source;
  try {
    source = readFileSync(input, 'utf8');
  } catch (e) {
    console.error(`keksi import: cannot read ${input}: ${e.message}`);
    return 1;
  }
  const { formatOf, importNotice } = await import('../dist/esm/notice/import.js');
  const { checkNotice } = await import('../dist/esm/notice/check.js');
  const { notice, mapped, custom } = importNotice(source, { format: formatOf(input) });
  const json = JSON.stringify(notice, null, 2) + '\n';
  const say = values.output ? console.log : console.error;
  if (values.output) writeFileSync(values.output, json);
  else process.stdout.write(json);
  say(`${input} → ${values.output || 'stdout'} (lang ${notice.lang})`);
  for (const m of mapped) say(`  ${m.heading} → ${m.field}`);
  for (const c of custom) say(`  ${c} → custom section`);
  const findings = checkNotice(notice);
  const mark = { error: '✖', warning: '⚠', info: 'ℹ' };
  const count = (s) => findings.filter((f) => f.severity === s).length;
  say(`\ncheck: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
  for (const f of findings) say(`  ${mark[f.severity]} ${f.severity.padEnd(7)} ${f.section.padEnd(11)} ${f.message[lang]}  [${f.reference}; ${f.rule}]`);
  return 0;
}

const COMMANDS = { check, import: importCommand };

const [command, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h' || command === 'help') {
  console.log(USAGE);
} else if (!command) {
  console.error(USAGE);
  process.exit(2);
} else if (Object.hasOwn(COMMANDS, command)) {
  process.exitCode = await COMMANDS[command](rest);
} else {
  usageError(command.startsWith('-') ? `unknown option "${command}" before the command` : `unknown command "${command}"`);
}
