/**
 * Whether the page has Google or Meta tags Keksi drives. On such a page the controller is needed at
 * once (their queues must hear the consent before any gated element runs), so the script-tag entry
 * and the early gate ask this before anything else; the integrations tell the vendors apart.
 */
import type { Read } from './attributes.js';

/** The attributes naming Google and Meta tags. */
const TRACKER_ATTRIBUTES = ['ga', 'google-ads', 'gtm', 'meta-pixel'] as const;

/**
 * What every documented form of Google's (gtag.js, GTM) and Meta's snippets mentions, in its text or
 * address; the integrations tell the two apart (GOOGLE_SNIPPET, META_SNIPPET).
 */
export const VENDOR_SNIPPET = /gtag|dataLayer|googletag|fbq|facebook\.net/;

/** Whether a gated script still waiting (its text or its address) matches `snippet`. */
export const gatedSnippet = (snippet: RegExp): boolean =>
  [...document.querySelectorAll('script[data-category]')].some((s) => snippet.test(s.outerHTML));

/**
 * Whether the page has Google or Meta tags Keksi drives (an attribute with a value, the page's own
 * `dataLayer`, or a vendor's own snippet gated): their queues must hear the consent before any gated
 * element runs.
 */
export const hasTrackers = (read: Read): boolean =>
  TRACKER_ATTRIBUTES.some((name) => read(name)?.trim()) ||
  !!(window as { dataLayer?: unknown }).dataLayer ||
  gatedSnippet(VENDOR_SNIPPET);
