/** How the integrations load the vendors' own scripts (gtag.js, gtm.js, fbevents.js). */
import { scriptNonce, scriptPolicy } from '../core/gating.js';

/** Insert one of Keksi's own external scripts (Google's, Meta's), with Keksi's nonce. */
export function loadScript(src: string): HTMLScriptElement {
  const s = document.createElement('script');
  s.src = scriptPolicy().createScriptURL(src);
  s.nonce = scriptNonce;
  document.head.append(s);
  return s;
}
