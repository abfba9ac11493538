// DOM clobbering (docs/security.md): an injected <img name="createElement"> IS document.createElement
// (Document has [LegacyOverrideBuiltIns]). What a shop loads reads `document` only through its prototype:
// src/core/doc.ts for Keksi's own code, rollup.config.mjs's litDocument for Lit's. A new `document.x` in
// src/ would bring the hole back (test/e2e/holds-clobber.test.mjs shows it in the browsers).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const SHIPPED = ['dist/keksi.js', 'dist/keksi-rest.js', 'dist/keksi.mjs', 'dist/keksi-notice.js', ...readdirSync('dist/chunks').map((f) => 'dist/chunks/' + f)];

test("the built files read no property of `document` itself (src/core/doc.ts's doc() instead)", () => {
  const found = SHIPPED.flatMap((f) => (readFileSync(f, 'utf8').match(/.{0,30}\bdocument\.[\w$]+.{0,10}/g) || []).map((m) => `${f}: ${m}`));
  assert.deepEqual(found, []);
});

test("Lit's document calls go through Document.prototype in every built file with Lit", () => {
  for (const f of SHIPPED.filter((f) => readFileSync(f, 'utf8').includes('lit$'))) {
    const code = readFileSync(f, 'utf8');
    for (const method of ['createTreeWalker', 'createComment', 'createTextNode', 'importNode'])
      assert.ok(code.includes(`Document.prototype.${method}.call(`), `${f}: Lit's ${method} is not read through Document.prototype`);
  }
});
