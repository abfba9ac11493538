/**
 * Entry for the privacy-notice page (`dist/keksi-notice.mjs`, `dist/keksi-notice.js`): defines
 * `<keksi-notice>`. A page without a notice never loads it.
 */
// First: before Lit's code reads window.trustedTypes (DOM clobbering, see the module).
import './core/trusted-types.js';
import { KeksiNotice } from './notice/keksi-notice.js';
import { setScriptNonce } from './core/gating.js';
import { define } from './core/define.js';
import { doc } from './core/doc.js';

// Without a registry (Node, a server renderer without a DOM shim) there is nothing to define.
if (globalThis.customElements) {
  // The nonce of this bundle's own tag (read past DOM clobbering, as the script-tag entry does): the
  // notice's <style> elements need it in browsers without adoptedStyleSheets (ui/element.ts).
  if (globalThis.document) setScriptNonce((doc('currentScript') as HTMLScriptElement | null)?.nonce || '');
  define('keksi-notice', KeksiNotice);
}

export { KeksiNotice };
export { validateNotice } from './notice/check.js';
export type { Notice } from './notice/types.js';
