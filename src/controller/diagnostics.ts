/**
 * The `[keksi]` messages for bad attribute values found by `parseConfig()`, and the one about a
 * vendor's own script the page left ungated. Reported by the controller's post-paint work
 * (post-paint.ts), after start-up; in the ES module build they are not in the core, so a returning
 * visitor's gated elements never wait for these texts.
 */
import { ATTRIBUTES, ONE_OF, type KeksiConfig, type Problem } from './config.js';
import { warn } from '../core/log.js';

// A message states the value used instead from the parsed configuration, never a copy of the default
// (src/core/attributes.ts holds each default once).
const MESSAGES: Record<string, (name: string, value: string, config: KeksiConfig) => string> = {
  unknown: (name) => `unknown attribute "${name}" ignored. Known: ${ATTRIBUTES.join(', ')}.`,
  category: (_, id) => `category "${id}" ignored: use letters, digits, "-" or "_", a letter first.`,
  added: (_, id) => `category "${id}" added: a configured tag needs it.`,
  id: (name, id) => `${name}="${id}" is not a valid ID; that tag will not be loaded.`,
  'one-of': (name, value) => {
    const allowed = ONE_OF[name as keyof typeof ONE_OF];
    return `${name}="${value}" is not one of ${allowed.join(', ')}; using "${allowed[0]}".`;
  },
  url: (name, value) => `${name}="${value}" is not an http(s) or relative URL; ignored.`,
  origin: (name, value) => `${name}="${value}" is not on this site; ignored.`,
  lang: (_, value) => `lang="${value}" is not fi, sv or en; following the page language.`,
  revision: (_, value) => `revision="${value}" is not a whole number ≥ 0; using 0.`,
  'cookie-name': (_, value, config) => `cookie-name="${value}" may only use letters, digits, "-" and "_"; using ${config.cookieName}.`,
  'cookie-domain': (_, value) => `cookie-domain="${value}" is not a domain of this page's host ${globalThis.location?.hostname}; using the host.`,
  'expires-days': (_, value, config) => `expires-days="${value}" is not a number; using ${config.expiresDays}.`,
  clamped: (_, value, config) => `expires-days="${value}" is out of range; clamped to ${config.expiresDays}.`,
};

/** The message for one problem of `config`. */
export const describeProblem = ([kind, name, value]: Problem, config: KeksiConfig): string => MESSAGES[kind](name, value, config);

// The vendors' script addresses Keksi integrates (integrations/*.ts), each with the category its gated
// form needs and the attribute that loads it instead. The controller's UNGATED (post-paint.ts) is the
// cheap test for Google's and Meta's on a returning visit; these decide what is said.
// Parts of addresses, not patterns: core/trackers.ts is the one tracker detector (test/node/facts.test.mjs).
const VENDOR_SCRIPTS: [address: string, category: string, attribute: string][] = [
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
  const scripts = [...document.scripts];
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

/**
 * Warn (once each) about every bad value in a configuration, then once about the vendor scripts the
 * page runs outside Keksi's gate (`consented`: a choice is on record, so what was fetched may be Keksi's).
 */
export function reportProblems(config: KeksiConfig, consented = true): void {
  for (const problem of config.problems) warn(describeProblem(problem, config));
  const found = ungatedScripts(consented);
  if (found.length) warn(`a vendor's script runs without consent (Keksi cannot stop a script that is not gated): ${found.join('; ')}.`);
}
