/**
 * Whether a page needs the integrations before its gated elements may run: Google's and Meta's
 * queues must hear the consent (default, then the stored choice) before any tag does. Kept apart
 * from the integrations so the controller's core can ask without loading them.
 */
import type { KeksiConfig } from '../core/config.js';

/** True when the page uses Google tags Keksi should drive (configured, or the page's own `dataLayer`). */
export const usesGoogle = (c: KeksiConfig): boolean =>
  !!(c.ga.length || c.googleAds.length || c.gtm.length || (window as { dataLayer?: unknown }).dataLayer);

/** True when Google or the Meta pixel is driven: the integrations must start before gating. */
export const usesTrackers = (c: KeksiConfig): boolean => usesGoogle(c) || !!c.metaPixel.length;
