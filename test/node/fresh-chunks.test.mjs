// The module build's retry of a failed lazy chunk (rollup.config.mjs, freshChunks; the behaviour is
// test/e2e/holds-retry.test.mjs): every dynamic import of a chunk but the core's goes through
// __keksiImport, and the dialog's and the placeholders' chunks no longer import the UI chunk (after a
// retry its first address is a failure or a second copy): they take its exports from it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const chunks = readdirSync('dist/chunks').map((f) => [f, readFileSync('dist/chunks/' + f, 'utf8')]);
const named = (prefix) => chunks.find(([f]) => f.startsWith(prefix + '-'))[1];
const statics = (code) => [...code.matchAll(/(?:^|;|\})\s*import\s*(?:[^'"()]*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);

test('no chunk imports the UI chunk statically; the dialog and the placeholders take its exports from it', () => {
  for (const [f, code] of chunks) assert.ok(!statics(code).some((s) => /ui-/.test(s)), `${f} imports the UI chunk statically`);
  for (const name of ['dialog', 'embed']) {
    assert.deepEqual(statics(named(name)), ['../keksi.mjs'], `${name}: imports other than the core`);
    // The function's parameter is a name the minifier never gives: the chunk's own names (a local `U`
    // once) must not shadow it (`const{A:U}=U` threw "Cannot access 'U' before initialization").
    const param = /export default (\w+)=>/.exec(named(name))?.[1];
    assert.equal(param, '__keksiUi', `${name}: the UI chunk's exports arrive as ${param}`);
    assert.ok(!new RegExp(`[{,:]\\s*${param}\\s*[,}=]`).test(named(name).replace(/export default \w+=>/, '')), `${name}: ${param} is declared again`);
    assert.match(named('ui'), new RegExp(`__keksiImport\\("\\./${name}-[^"]+\\.mjs"\\)\\.then\\(m=>m\\.default\\(__keksiUi\\)\\)`));
  }
});

test('every dynamic import in a chunk goes through __keksiImport', () => {
  // The helper's own import() is the one left.
  for (const [f, code] of chunks) assert.ok(!/\bimport\((?!m\[u\]\|\|u\))/.test(code), `${f} has an import() of its own`);
  for (const name of ['controller', 'ui']) assert.ok(named(name).startsWith('const __keksiImport='), `${name} has no __keksiImport`);
});
