// `import 'keksi'` where there is no DOM: in plain Node (a build step, a test, a server that imports
// the shop's components) and under server rendering, whose DOM shim (Lit SSR's @lit-labs/ssr-dom-shim)
// gives `HTMLElement` and `customElements` but no `window` or `document`. Importing must not throw,
// and the API answers "no consent" (fail closed) instead of throwing. Runs against dist/esm/, what
// the package's `exports` point at. Each case runs in a child process, so no global leaks between them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** Runs `body` as an ES module in a fresh Node process; returns what it prints as JSON. */
function inNode(body, prelude = '') {
  const script = `${prelude}
    const out = {};
    try { ${body} } catch (e) { out.threw = String(e && e.stack || e).split('\\n').slice(0, 2).join(' '); }
    console.log(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim().split('\n').pop());
}

const INDEX = `
  const m = await import('${new URL('../../dist/esm/index.js', import.meta.url)}');
  out.exports = Object.keys(m).sort();
  out.types = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]));
  out.version = m.version;
  out.consent = m.getConsent();
  out.has = m.has('analytics');
  out.calls = [m.acceptAll(), m.rejectAll(), m.setConsent(['analytics']), m.showBanner(), m.showPreferences(), m.reset(), m.configure({})];
`;
const NOTICE = `
  const m = await import('${new URL('../../dist/esm/notice-entry.js', import.meta.url)}');
  out.exports = Object.keys(m).sort();
  out.valid = m.validateNotice({ version: 1, controller: { name: 'Oy' } }).problems.length === 0;
  const check = await import('${new URL('../../dist/esm/notice/check.js', import.meta.url)}');
  out.check = check.checkNotice(check.validateNotice({ version: 1, controller: { name: 'Oy' } }).notice).length > 0;
`;
// The globals Lit SSR's DOM shim installs: an HTMLElement base and a customElements registry.
const SSR_SHIM = `
  const registry = new Map();
  globalThis.HTMLElement = class HTMLElement {};
  globalThis.customElements = { define: (n, c) => registry.set(n, c), get: (n) => registry.get(n) };
  globalThis.__defined = registry;
`;

const API = [
  'CONSENT_MAP',
  'KeksiConsent',
  'acceptAll',
  'configure',
  'consentModeSignals',
  'getConsent',
  'has',
  'rejectAll',
  'reset',
  'setConsent',
  'showBanner',
  'showPreferences',
  'version',
];

test('import "keksi" in plain Node does not throw and exports the API, which answers "no consent"', () => {
  const out = inNode(`out.before = [typeof window, typeof document, typeof HTMLElement, typeof customElements];${INDEX}`);
  assert.equal(out.threw, undefined, out.threw);
  assert.deepEqual(out.before, ['undefined', 'undefined', 'undefined', 'undefined']);
  assert.deepEqual(out.exports, API);
  assert.equal(out.types.acceptAll, 'function');
  assert.equal(out.types.KeksiConsent, 'function');
  assert.equal(out.version, version, 'version comes from package.json');
  assert.equal(out.consent, null);
  assert.equal(out.has, false);
  assert.deepEqual(out.calls, [null, null, null, null, null, null, null]);
});

test('import "keksi/notice" in plain Node does not throw and exports the element and the checker', () => {
  const out = inNode(NOTICE);
  assert.equal(out.threw, undefined, out.threw);
  assert.deepEqual(out.exports, ['KeksiNotice', 'validateNotice']);
  assert.equal(out.valid, true, 'validateNotice runs in Node');
  assert.equal(out.check, true, 'the checker runs in Node');
});

test('under a server-rendering DOM shim (HTMLElement and customElements, no window) both imports work', () => {
  const out = inNode(
    `${INDEX} const n = await import('${new URL('../../dist/esm/notice-entry.js', import.meta.url)}');
    out.defined = [...globalThis.__defined.keys()];
    out.noticeBase = n.KeksiNotice.prototype instanceof HTMLElement;`,
    SSR_SHIM,
  );
  assert.equal(out.threw, undefined, out.threw);
  assert.deepEqual(out.exports, API);
  assert.equal(out.consent, null);
  // The notice entry defines its element where a registry exists (a server renderer needs it).
  assert.deepEqual(out.defined, ['keksi-notice']);
  assert.equal(out.noticeBase, true, "the element extends the shim's HTMLElement");
});
