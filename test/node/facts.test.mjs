// Issue 12, "one source for each fact": each default is defined once (src/core/attributes.ts) and
// every message states it through the constant; visitors' texts live only under src/i18n/; every
// console message goes through src/core/log.ts; benchmark figures live in docs/benchmarks.md, not in
// code comments. Read statically from src/, so no build is needed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
const sources = files('src').sort();

/**
 * A TypeScript file split into its comments, its string literals (a template literal whole) and the
 * rest. Enough of a tokenizer for Keksi's sources: a `/` after an operator or bracket starts a regex.
 */
export function tokens(code) {
  const out = { comments: [], strings: [], regexes: [], code: '' };
  let i = 0;
  let last = '';
  while (i < code.length) {
    const c = code[i];
    const two = code.slice(i, i + 2);
    let end;
    if (two === '//' || two === '/*') {
      end = two === '//' ? code.indexOf('\n', i) : code.indexOf('*/', i) + 2;
      if (end < i + 2) end = code.length;
      out.comments.push(code.slice(i, end));
    } else if (c === "'" || c === '"' || c === '`') {
      end = i + 1;
      while (end < code.length && code[end] !== c) end += code[end] === '\\' ? 2 : 1;
      end++;
      out.strings.push(code.slice(i + 1, end - 1));
      last = c;
    } else if (c === '/' && /^$|[(,=:[!&|?{};+\-*%<>~^]$/.test(last)) {
      end = i + 1;
      let inClass = false;
      while (end < code.length && (code[end] !== '/' || inClass)) {
        if (code[end] === '[') inClass = true;
        else if (code[end] === ']') inClass = false;
        end += code[end] === '\\' ? 2 : 1;
      }
      end++;
      out.regexes.push(code.slice(i, end));
      out.code += code.slice(i, end);
      last = '/';
    } else {
      end = i + 1;
      out.code += c;
      if (!/\s/.test(c)) last = c;
    }
    i = end;
  }
  return out;
}
const parsed = new Map(sources.map((f) => [f, tokens(readFileSync(f, 'utf8'))]));

/** Where `pattern` matches in each file's `part` (comments, strings or code), as "file: match". */
const where = (part, pattern, skip = () => false) =>
  [...parsed].flatMap(([f, t]) => (skip(f) ? [] : [t[part]].flat().flatMap((text) => [...text.matchAll(pattern)].map((m) => `${f}: ${m[0]}`))));

const DEFAULTS = 'src/core/attributes.ts';

test('the tokenizer tells comments, strings, regexes and code apart', () => {
  const t = tokens("const a = 'x // y'; // note 1\nconst r = /['\"]/g; /* b */ const s = `t ${a}`;");
  assert.deepEqual(t.comments, ['// note 1', '/* b */']);
  assert.deepEqual(t.strings, ['x // y', 't ${a}']);
  assert.deepEqual(t.regexes, [`/['"]/`]);
  assert.ok(t.code.includes(`/['"]/g`));
});

test('each default (cookie name, lifetime, its cap) is written once, in src/core/attributes.ts', () => {
  // In strings and code alike (a JSDoc default names the constant: the manifest resolves it).
  const literals = /\bkeksi_consent\b|\b(182|395)\b/g;
  const found = [...where('strings', literals), ...where('code', literals), ...where('comments', literals)];
  const inDefaults = found
    .filter((f) => f.startsWith(DEFAULTS + ':'))
    .map((f) => f.split(': ')[1])
    .sort();
  assert.deepEqual(
    found.filter((f) => !f.startsWith(DEFAULTS + ':')),
    [],
  );
  assert.deepEqual(inDefaults, ['182', '395', 'keksi_consent']);
});

test("one tracker detector: only src/core/trackers.ts has a pattern for the vendors' snippets", () => {
  const markers = /dataLayer|googletag|fbq|facebook\\?\.net/;
  const found = [...parsed].flatMap(([f, t]) => (f === 'src/core/trackers.ts' ? [] : t.regexes.filter((r) => markers.test(r)).map((r) => `${f}: ${r}`)));
  assert.deepEqual(found, []);
  assert.ok(
    parsed.get('src/core/trackers.ts').regexes.some((r) => markers.test(r)),
    'the detector is where it should be',
  );
});

test('every console message goes through src/core/log.ts', () => {
  assert.deepEqual(
    where('code', /\bconsole\s*\./g, (f) => f === 'src/core/log.ts'),
    [],
  );
});

test('no benchmark figures in code comments: they live in docs/benchmarks.md', () => {
  assert.deepEqual(where('comments', /\d[\d,]*(\.\d+)? ?(KB|kB|ms|bytes)\b/g), []);
});

/** Every text of the language files (fi.ts, sv.ts, en.ts, notice texts), at least two words long. */
const knownTexts = [...parsed]
  .filter(([f]) => f.startsWith('src/i18n/'))
  .flatMap(([, t]) => t.strings)
  .filter((s) => /\p{L}+\s+\p{L}+/u.test(s));

/**
 * The checker's messages are under i18n/ too (i18n/check-messages.ts); what stays in src/notice/check*
 * is the vocabulary it matches a notice's own words with, which is never shown to anyone.
 */
const notVisitorTexts = (f) => f.startsWith('src/i18n/') || f === 'src/notice/check.ts' || f.startsWith('src/notice/check/');

test("visitors' texts live only under src/i18n/", () => {
  // A string with Finnish or Swedish words (a word of three letters or more with ä, ö or å), a word
  // for cookies, or a copy of a text the language files hold.
  const visible = (s) =>
    /\p{L}*[äöåÄÖÅ]\p{L}*/u.exec(s)?.[0].length >= 3 || /\b(evä?ste\p{L}*|kakor|cookie settings)/iu.test(s) || knownTexts.some((k) => s.includes(k));
  const found = [...parsed].flatMap(([f, t]) => (notVisitorTexts(f) ? [] : t.strings.filter(visible).map((s) => `${f}: ${s.slice(0, 60)}`)));
  assert.deepEqual(found, []);
});
