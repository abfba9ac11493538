// custom-elements.json (built by `npm run manifest` from the elements' JSDoc) is what editors and docs
// tools know about Keksi's elements: it must name every element, every attribute each one reads (no
// more, no less) and its events, parts and custom properties; the README's attribute tables must say
// the same.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ELEMENTS = ['keksi-consent', 'keksi-banner', 'keksi-preferences', 'keksi-embed', 'keksi-notice'];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = new Map(
  manifest.modules.flatMap((mod) => (mod.declarations || []).filter((d) => d.tagName).map((d) => [d.tagName, { ...d, module: mod.path }])),
);
const attributes = (tag) => (elements.get(tag)?.attributes || []).map((a) => a.name).sort();

const files = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
/** The attribute names `<keksi-consent>` knows, from the list its configuration parser checks against. */
function consentAttributes() {
  for (const file of files('src')) {
    const m = /export const ATTRIBUTES = \[([^\]]*)\]/.exec(readFileSync(file, 'utf8'));
    if (m) return [...m[1].matchAll(/'([^']+)'/g)].map((a) => a[1]).sort();
  }
  throw new Error('no `export const ATTRIBUTES = [...]` in src/');
}

/**
 * The README's attribute tables: under a heading that names an element (`<keksi-notice>`), a markdown
 * table whose header's first cell says "attribute"; each row's backticked first cell is an attribute,
 * mapped to the row's other cells (default, meaning).
 */
export function readmeTables(text) {
  const tables = new Map();
  let element;
  let rows;
  for (const line of text.split('\n')) {
    if (/^#/.test(line)) {
      element = /<?(keksi-[a-z]+)>?/.exec(line)?.[1];
      rows = undefined;
    } else if (/^\|/.test(line)) {
      const [first, ...rest] = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      if (rows === undefined && element && /^attribute/i.test(first)) tables.set(element, (rows = new Map()));
      else if (rows && !/^:?-+:?$/.test(first)) for (const m of first.matchAll(/`([^`]+)`/g)) rows.set(m[1], rest);
    } else if (line.trim() === '' && rows) rows = null;
  }
  return tables;
}
// Elements a page author writes; the others are made by <keksi-consent>, so a table for them is optional.
const WRITTEN = ['keksi-consent', 'keksi-notice'];

test('package.json points at the manifest and ships it', () => {
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'), '"files" lists custom-elements.json');
});

test('the manifest names every element, each in the module that ships it', () => {
  assert.deepEqual([...elements.keys()].sort(), [...ELEMENTS].sort());
  for (const [tag, el] of elements) {
    assert.match(el.module, /^dist\/esm\/.*\.js$/, `<${tag}>'s module is a shipped file`);
    assert.ok(statSync(el.module).isFile(), `${el.module} exists (run the build first)`);
  }
});

test("<keksi-consent>'s attributes in the manifest are exactly those its configuration parser knows", () => {
  assert.deepEqual(attributes('keksi-consent'), consentAttributes());
});

test("each Lit element's attributes in the manifest are exactly those it observes", async () => {
  // Loaded in Node with the globals a server renderer's DOM shim gives (a plain base class and a
  // registry), the classes answer `observedAttributes`.
  globalThis.HTMLElement ??= class HTMLElement {};
  globalThis.customElements ??= { define() {}, get() {} };
  for (const tag of ELEMENTS.filter((t) => t !== 'keksi-consent')) {
    const { module, name } = elements.get(tag);
    const exported = await import(new URL('../../' + module, import.meta.url));
    // The dialog and the placeholder: their module exports the function of the UI chunk's kit that makes the class (src/ui/kit.ts).
    const made = !exported[name] && Object.values(exported).find((f) => typeof f == 'function');
    const cls = made ? made((await import(new URL('../../dist/esm/ui/kit.js', import.meta.url))).kit) : exported[name];
    assert.equal(cls.name, name, `<${tag}>'s class`);
    assert.deepEqual(attributes(tag), [...cls.observedAttributes].sort(), `<${tag}>`);
  }
});

test('every element documents its events, parts and custom properties, one tag per item', () => {
  for (const [tag, el] of elements) {
    for (const kind of ['events', 'cssParts', 'cssProperties', 'attributes']) {
      for (const item of el[kind] || []) {
        // `@csspart a - x; also b, c` is one part named a: each item is a single name with its own text.
        assert.match(item.name, /^(--)?[a-z][a-z0-9-]*$/, `<${tag}> ${kind}: "${item.name}"`);
        assert.ok(item.description && !/\balso\b/.test(item.description), `<${tag}> ${kind} ${item.name}: "${item.description}"`);
      }
    }
  }
  const names = (tag, kind) => (elements.get(tag)?.[kind] || []).map((p) => p.name).sort();
  assert.deepEqual(names('keksi-consent', 'events'), ['keksi-change', 'keksi-ready']);
  for (const tag of ['keksi-banner', 'keksi-preferences', 'keksi-embed']) assert.deepEqual(names(tag, 'events'), ['keksi-action'], tag);
  assert.deepEqual(names('keksi-embed', 'cssParts'), ['allow', 'button', 'embed', 'settings']);
  assert.ok(names('keksi-banner', 'cssProperties').includes('--keksi-accent'));
  // <keksi-consent> exports its banner's and dialog's parts (exportparts), so a page styles them
  // through it: it documents each of them too.
  const inner = new Set(['reopen', ...names('keksi-banner', 'cssParts'), ...names('keksi-preferences', 'cssParts')]);
  assert.deepEqual(names('keksi-consent', 'cssParts'), [...inner].sort());
});

test('every part an element renders is in its manifest entry', () => {
  // The parts in each element's template (`part="button accept-all"`), read from its shipped module.
  for (const [tag, el] of elements) {
    if (tag === 'keksi-consent') continue;
    const source = readFileSync(el.module, 'utf8');
    const rendered = new Set([...source.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1].trim().split(/\s+/)));
    const documented = new Set((el.cssParts || []).map((p) => p.name));
    assert.deepEqual([...rendered].filter((p) => !documented.has(p)).sort(), [], `<${tag}> renders parts the manifest does not name`);
  }
});

test("the README's attribute tables match the manifest, element by element, defaults included", () => {
  const tables = readmeTables(readFileSync('README.md', 'utf8'));
  for (const tag of ELEMENTS) {
    if (!WRITTEN.includes(tag) && !tables.has(tag)) continue;
    assert.ok(tables.has(tag), `README.md has no attribute table under a heading naming <${tag}>`);
    assert.deepEqual([...tables.get(tag).keys()].sort(), attributes(tag), `README.md's table for <${tag}> (left) vs the manifest (right)`);
    for (const { name, default: value } of elements.get(tag).attributes) {
      if (value !== undefined) assert.equal(tables.get(tag).get(name)[0], `\`${value}\``, `<${tag}> ${name}: README default vs manifest`);
    }
  }
});

test('the README table parser reads one table per element heading', () => {
  const md = [
    '## `<keksi-consent>` attributes',
    '',
    '| attribute | default | meaning |',
    '|---|---|---|',
    '| `categories` | – | x |',
    '| `lang` | page | `fi`, `sv` |',
    '',
    'Text with | a pipe.',
    '',
    '### Other',
    '| attribute | x |',
    '|---|---|',
    '| `not-this` | y |',
    '## <keksi-notice>',
    '| Attribute | meaning |',
    '|:--|--|',
    '| `src` | url |',
    '| `heading-level` | `2` |',
  ].join('\n');
  const tables = readmeTables(md);
  assert.deepEqual([...tables.keys()], ['keksi-consent', 'keksi-notice']);
  assert.deepEqual(Object.fromEntries(tables.get('keksi-consent')), { categories: ['–', 'x'], lang: ['page', '`fi`, `sv`'] });
  assert.deepEqual(Object.fromEntries(tables.get('keksi-notice')), { src: ['url'], 'heading-level': ['`2`'] });
});
