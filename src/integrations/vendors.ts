/**
 * Google (Consent Mode, gtag.js, GTM) and Meta's pixel, as one lazy chunk (issue 17): integrations/index.ts
 * fetches it only when the page has something of theirs to drive (an attribute, a gated snippet of
 * theirs, the page's own dataLayer, gtag or fbq), so a page without them never loads their code.
 */
import type { KeksiConfig } from '../controller/config.js';
import { startGoogle } from './google.js';
import type { BUILT_IN } from './built-in.js';
import { startMeta } from './meta.js';

/**
 * Start Google and Meta: what to call after each decision (Google's, then Meta's) and what to call before a
 * gated snippet runs. The built-in services' list comes from the controller: this chunk imports nothing of
 * the controller's chunk (src/entry/script-tag.ts, src/entry/lazy.ts).
 */
export function startVendors(config: KeksiConfig, granted: (category: string) => boolean, decided: boolean, builtIn: typeof BUILT_IN) {
  const google = startGoogle(config, granted, decided, builtIn);
  return { after: [google.after, startMeta(config, granted)], before: google.before };
}
