/**
 * Whether the page has Google or Meta tags Keksi drives. On such a page the controller is needed at
 * once (their queues must hear the consent before any gated element runs), so the script-tag entry
 * and the early gate ask this before anything else; the integrations tell the vendors apart.
 */
import type { Read } from './attributes.js';
import { doc, own } from './doc.js';

/** The attributes naming Google and Meta tags. */
const TRACKER_ATTRIBUTES = ['ga', 'google-ads', 'gtm', 'meta-pixel'] as const;

/**
 * The one tracker detector, asked by gating, the entries and the integrations: what every documented
 * form of Google's snippets (gtag.js, GTM) and of Meta's pixel base code mentions, in its text or
 * address, in that order (`const [google, meta] = VENDOR_SNIPPETS`).
 */
export const VENDOR_SNIPPETS = [/gtag|dataLayer|googletag/, /fbq|facebook\.net/];

/** Whether an element (its text or its address) is one of `snippets`, a Google or Meta snippet unless told. */
export const isVendorSnippet = (el: Element, snippets = VENDOR_SNIPPETS): boolean => snippets.some((v) => v.test(el.outerHTML));

/** Whether a gated script still waiting is one of `snippets` (a Google or Meta snippet unless told). */
export const gatedSnippet = (snippets?: RegExp[]): boolean => [...doc('querySelectorAll')('script[data-category]')].some((s) => isVendorSnippet(s, snippets));

/**
 * Whether the page has Google or Meta tags Keksi drives (an attribute with a value, the page's own
 * `dataLayer`, or a vendor's own snippet gated): their queues must hear the consent before any gated
 * element runs. An element with id="dataLayer" (injected HTML) is no dataLayer (`own()`): it fetched the
 * controller and Google's and Meta's chunk on every returning visit (test/e2e/holds-clobber-loads).
 */
export const hasTrackers = (read: Read): boolean => TRACKER_ATTRIBUTES.some((name) => read(name)?.trim()) || !!own('dataLayer') || gatedSnippet();
