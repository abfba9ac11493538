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

// Window's named properties: an element's id (or an <iframe>'s name: its window) is window[id] wherever the page
// defined nothing of that name, so injected HTML decides what Keksi finds at window.dataLayer, Shopify, fbq…
// Every read of a window global in src/ goes through own() (src/core/doc.ts: an element, an HTMLCollection or a
// window is none), or is a `typeof` or `Array.isArray()` test (an element is neither a function nor an array), or
// is on this list with the reason it is safe, and how often the file reads it (one more read is one more to judge).
// A new unguarded read fails here (test/e2e/holds-clobber-loads.test.mjs shows what they did: a controller and
// chunks fetched, queues made, messages said).
// Not scanned: src/configurator/ (the developer's tool, not loaded by a shop's page), and bare global names
// (`requestIdleCallback`…) other than the `declare const` ones listed below.
const SAFE = {
  // The browser's own: a property of every window (Window's members and interface objects, [LegacyUnforgeable]
  // document and location), which a named property never shadows (the named properties object sits below them).
  'src/controller/diagnostics.ts: location': "the browser's own",
  'src/controller/keksi-consent.ts: HTMLElement': "the browser's own (undefined in Node only)",
  'src/ui/element.ts: HTMLElement': "the browser's own (undefined in Node only)",
  'src/entry/api.ts: customElements': "the browser's own (undefined in Node only)",
  'src/notice-entry.ts: customElements': "the browser's own (undefined in Node only)",
  'src/notice-entry.ts: document': "the browser's own (undefined in Node only)",
  'src/entry/script-tag.ts: Symbol': "the language's own",
  // Keksi's own, guarded where it is read first.
  'src/entry/script-tag.ts: keksi ×4': 'taken only as an Object.prototype object or an array (an element is neither)',
  'src/entry/script-tag.ts: [key]': "the nonce probe's random name, set by Keksi's own inline script",
  'src/core/doc.ts: [name]': 'own() itself',
  'src/core/trusted-types.ts: trustedTypes ×2': 'the guard itself: anything without a createPolicy function is hidden (set undefined)',
  'src/core/gating.ts: trustedTypes (a bare global)': 'read after core/trusted-types.ts, run first by both entries, hid a clobbered one',
  'src/single/loader.ts: trustedTypes (a bare global)': 'read after core/trusted-types.ts, run first by both entries, hid a clobbered one',
  'src/entry/api.ts: __KEKSI_VERSION__ (a bare global)': 'a build constant (rollup replaces it)',
  'src/single/loader.ts: __KEKSI_REST__ (a bare global)': 'a build constant (rollup replaces it)',
  'src/single/loader.ts: __KEKSI_REST_SRI__ (a bare global)': 'a build constant (rollup replaces it)',
  // A vendor's queue read after Keksi made sure it is one (a `typeof` or `Array.isArray()` test, defining its own).
  'src/integrations/clarity.ts: clarity ×2': "after typeof != 'function' defined Keksi's own",
  'src/integrations/matomo.ts: _paq': 'after Array.isArray()',
  'src/integrations/tiktok.ts: ttq': 'after Array.isArray()',
  'src/integrations/uet.ts: UET': "after typeof == 'function' (bat.js's own constructor)",
  'src/integrations/wordpress.ts: wp_set_consent': "after typeof == 'function'",
  'src/integrations/meta.ts: fbq ×3': "after typeof != 'function' defined Keksi's own, or own('fbq') found the page's",
  'src/integrations/google.ts: dataLayer ×3':
    'after Array.isArray() (dataLayer(), reached only where own() found Google), or compared by identity with the one told',
  'src/integrations/after-consent.ts: pintrk ×2': "after typeof != 'function' defined Keksi's own",
  'src/integrations/after-consent.ts: hj': "after typeof != 'function' defined Keksi's own",
};

const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${d}/${e.name}`) : [`${d}/${e.name}`]));

/**
 * `file: name` for every read of a window global in src/ that is not through own(), a typeof or an Array.isArray(),
 * `file: name ×n` for a name read n times there (so a new read of a listed name is one more to judge).
 */
function windowReads() {
  const found = new Map();
  const add = (key) => found.set(key, (found.get(key) || 0) + 1);
  for (const f of walk('src').filter((f) => f.endsWith('.ts') && !f.startsWith('src/configurator/'))) {
    const code = readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|\s)\/\/.*$/gm, '$1')
      .replace(/'(?:[^'\\\n]|\\.)*'/g, (s) => (s == "'function'" ? s : "''"));
    // Names the window goes by in the file: `const w = window as …`, a parameter `w: SomeWindow`.
    const aliases = [...code.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:window|globalThis)\b|\b(\w+)\??\s*:\s*\w*Window\b/g)].map((m) => m[1] || m[2]);
    const roots = ['window', 'globalThis', 'self', ...aliases].join('|');
    const read = new RegExp(
      `(typeof\\s+|Array\\.isArray\\(\\s*)?(?:\\b(?:${roots})|\\(\\s*(?:window|globalThis)\\s+as\\s[^()]*?\\))\\s*\\??\\.\\s*(\\w+)(\\s*=(?!=)|\\s*[!=]==?\\s*'function')?`,
      'g',
    );
    for (const [, before, name, after] of code.matchAll(read))
      if (!(before?.startsWith('Array') || (before && after?.includes('function')) || (!before && after?.trim() == '='))) add(`${f}: ${name}`);
    for (const [, name] of code.matchAll(/declare\s+const\s+(\w+)/g)) add(`${f}: ${name} (a bare global)`);
    for (const [, key] of code.matchAll(/Reflect\.get\(\s*window\s*,\s*([^),]+)\)/g)) add(`${f}: [${key}]`);
  }
  return [...found].map(([key, n]) => (n > 1 ? `${key} ×${n}` : key)).sort();
}

test('every window global src/ reads goes through own() (src/core/doc.ts), a typeof or Array.isArray() test, or is listed as safe with its reason', () => {
  const reads = windowReads();
  assert.deepEqual(
    reads.filter((r) => !(r in SAFE)),
    [],
    'an unguarded read of a window global (an element of that id is window[id]): read it through own(), or list it in SAFE with the reason',
  );
  // The list keeps up with the code: a read that went away leaves the list.
  assert.deepEqual(
    Object.keys(SAFE).filter((r) => !reads.includes(r)),
    [],
  );
});
