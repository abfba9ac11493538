// The module build's retry of a failed lazy chunk (src/entry/chunk.ts; the behaviour is
// test/e2e/holds-retry.test.mjs), checked on the built files: every chunk is fetched through the core's
// one helper (rollup.config.mjs, chunkAddresses, renders each import() as the chunk's address handed
// to it), and the dialog's and the placeholders' chunks import nothing of the UI chunk (after a retry
// its first address is a failure or a second copy): each exports a function of the UI chunk's kit. Likewise
// no chunk imports the controller's chunk (vendors, diagnostics, configure()'s take what they need of it as
// arguments), so the core can ask for a failed controller again at a new address (src/entry/script-tag.ts, src/entry/lazy.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const chunks = readdirSync('dist/chunks').map((f) => [f, readFileSync('dist/chunks/' + f, 'utf8')]);
const core = readFileSync('dist/keksi.mjs', 'utf8');
const named = (prefix) => chunks.find(([f]) => f.startsWith(prefix + '-'))[1];
const statics = (code) => [...code.matchAll(/(?:^|;|\})\s*import\s*(?:[^'"()]*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);

test('no chunk imports the UI chunk statically; the dialog and the placeholders export a function of its kit', () => {
  for (const [f, code] of chunks) assert.ok(!statics(code).some((s) => /ui-/.test(s)), `${f} imports the UI chunk statically`);
  for (const name of ['dialog', 'embed']) {
    assert.deepEqual(statics(named(name)), ['../keksi.mjs'], `${name}: imports other than the core`);
    assert.match(named(name), /export\s*\{\s*\w+ as default\s*\};?\s*$/, `${name}: its one export, the default function`);
    // The UI chunk calls it with the kit when it has loaded the chunk.
    const calls = new RegExp(`\\("\\./${name}-[^"]+\\.mjs",import\\.meta\\.url\\)\\.href\\)\\)\\.then\\((\\w+)=>\\(?\\1\\.default\\(`);
    assert.ok(calls.test(named('ui')), `the UI chunk does not call ${name}'s default export when it has loaded it`);
  }
});

test("no chunk imports the controller's chunk statically", () => {
  const importers = chunks.filter(([, code]) => statics(code).some((s) => /controller-/.test(s))).map(([f]) => f);
  assert.deepEqual(importers, [], `${importers.join(', ')} import the controller's chunk statically`);
});

test('every chunk is fetched through the core helper, at an address it can move', () => {
  // The helper's own import() is the only one left in the build.
  const imports = [core, ...chunks.map(([, code]) => code)].join('\n').match(/\bimport\(/g);
  assert.equal(imports?.length, 1, 'one import() in all the built files');
  assert.match(core, /\bimport\((\w+)\[(\w+)\]\|\|\2\)/, "the core's import() takes the moved address");
  // The core's export of the helper, as the chunks import it.
  const exported = new Map([...core.matchAll(/(\w+) as (\w+)/g)].map(([, local, name]) => [local, name]));
  for (const [f, code] of [['keksi.mjs', core], ...chunks]) {
    const addresses = code.match(/new URL\(["`]\.\/[^"`]+\.mjs["`],import\.meta\.url\)/g) || [];
    // Each address is handed to the loader's parameter, in an arrow function passed to the helper: h(t=>t(new URL(…)…)).
    const calls = [...code.matchAll(/([\w$]+)\(([\w$]+)=>\2\(new URL\(["`]\.\/[^"`]+\.mjs["`],import\.meta\.url\)\.href\)/g)];
    assert.equal(calls.length, addresses.length, `${f}: an address not handed to the helper`);
    const helpers = new Set(calls.map((c) => c[1]));
    assert.ok(helpers.size <= 1, `${f}: more than one helper (${[...helpers]})`);
    if (!helpers.size) continue;
    const [helper] = helpers;
    const name =
      f == 'keksi.mjs'
        ? exported.get(helper)
        : new RegExp(`import\\{[^}]*\\b(\\w+) as ${helper.replace('$', '\\$')}\\b[^}]*\\}from"\\.\\./keksi\\.mjs"`).exec(code)?.[1];
    assert.ok(name, `${f}: the helper ${helper} is not the core's`);
    (globalThis.helperName ??= name) == name || assert.fail(`${f}: the helper is the core's ${name}, not ${globalThis.helperName}`);
  }
  for (const name of ['keksi.mjs', 'controller', 'ui', 'trackers'])
    assert.ok(/_fetchChunk|=>\w+\(new URL/.test(name == 'keksi.mjs' ? core : named(name)), `${name} fetches no chunk`);
});
