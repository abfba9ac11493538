/**
 * Imported first by both entries (script-tag.ts, notice-entry.ts), before Lit's code reads
 * `trustedTypes`: in a browser without Trusted Types (Safari, Firefox ESR before 145) an injected
 * `<img name="trustedTypes">` is window.trustedTypes (DOM clobbering), which Lit's and Keksi's code take
 * for the policy factory: it threw, and no banner or notice came. Anything that is not a factory is hidden.
 */
const w = globalThis as { trustedTypes?: { createPolicy?: unknown } };
try {
  if (w.trustedTypes && typeof w.trustedTypes.createPolicy != 'function') throw 0;
} catch {
  w.trustedTypes = undefined;
}
