/**
 * The `[keksi]` message about a vendor's own script the page left ungated (walk 3's N1): Keksi cannot
 * stop it, so it says so once, naming each address and its fix. In the diagnostics chunk (diagnostics.ts),
 * which the controller's post-paint work (post-paint.ts) fetches only when an address in the page matched
 * VENDOR_ADDRESS (vendor-address.ts) or an attribute has a problem: a clean page never loads it (issue 17).
 */
import { warn } from '../core/log.js';
import { doc } from '../core/doc.js';

// The vendors' script addresses Keksi integrates (integrations/*.ts), each with the category its gated
// form needs and the attribute that loads it instead. The controller's VENDOR_ADDRESS is the cheap test
// that fetches this chunk; these decide what is said.
// Parts of addresses, not patterns: core/trackers.ts is the one tracker detector (test/node/facts.test.mjs).
export const VENDOR_SCRIPTS: [address: string, category: string, attribute: string][] = [
  ['gtag/js?id=AW-', 'marketing', 'google-ads'],
  ['gtag/js', 'analytics', 'ga'],
  ['gtm.js', 'analytics', 'gtm'],
  ['/fbevents.js', 'marketing', 'meta-pixel'],
  ['/matomo.js', 'analytics', 'matomo'],
  ['/piwik.js', 'analytics', 'matomo'],
  ['clarity.ms/tag', 'analytics', 'clarity'],
  ['static.hotjar.com', 'analytics', 'hotjar'],
  ['bat.bing.com', 'marketing', 'uet'],
  ['analytics.tiktok.com', 'marketing', 'tiktok-pixel'],
  ['s.pinimg.com/ct', 'marketing', 'pinterest-tag'],
  ['snap.licdn.com', 'marketing', 'linkedin-partner'],
];

/**
 * The vendor scripts the page runs without Keksi's gate: script elements that are neither gated
 * (`type="text/plain"`) nor activated by Keksi (`data-keksi`), and, before any consent, the resources
 * already fetched. Each address once, with its fix.
 */
export function ungatedScripts(consented: boolean): string[] {
  const scripts = [...doc('scripts')];
  const ours = (s: HTMLScriptElement) => s.type == 'text/plain' || s.hasAttribute('data-keksi');
  const addresses = scripts.filter((s) => !ours(s)).map((s) => s.src);
  // Fetched before this look: not one of Keksi's own (it loaded them for an earlier choice, since reset).
  const own = new Set(scripts.filter(ours).map((s) => s.src));
  if (!consented)
    addresses.push(
      ...performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => !own.has(name)),
    );
  const found: string[] = [];
  for (const address of new Set(addresses)) {
    const vendor = VENDOR_SCRIPTS.find(([part]) => address.includes(part));
    if (vendor) found.push(`${address} — mark it type="text/plain" data-category="${vendor[1]}" or remove it and use the \`${vendor[2]}\` attribute`);
  }
  return found;
}

/** Warn once about the vendor scripts the page runs outside Keksi's gate (`consented`: a choice is on record, so what was fetched may be Keksi's). */
export function reportUngated(consented: boolean): void {
  const found = ungatedScripts(consented);
  if (found.length) warn(`a vendor's script runs without consent (Keksi cannot stop a script that is not gated): ${found.join('; ')}.`);
}
