/**
 * Entry for the privacy-notice page (`dist/keksi-notice.mjs`, `dist/keksi-notice.js`): defines
 * `<keksi-notice>`. A page without a notice never loads it.
 */
import { KeksiNotice } from './components/keksi-notice/keksi-notice.js';
import { setScriptNonce } from './core/gating.js';
import { define } from './define.js';

// The nonce of this bundle's own tag (read past DOM clobbering, as keksi.ts does): the notice's
// <style> elements need it in browsers without adoptedStyleSheets (ui/element.ts).
setScriptNonce((Reflect.get(Document.prototype, 'currentScript', document) as HTMLScriptElement | null)?.nonce || '');
define('keksi-notice', KeksiNotice);

export { KeksiNotice };
export { checkNotice, validateNotice, type Finding } from './notice/check.js';
export type { Notice } from './notice/types.js';
