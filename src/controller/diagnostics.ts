/**
 * The `[keksi]` messages for bad attribute values found by `parseConfig()`. Reported by the controller's
 * post-paint work (post-paint.ts), after start-up, with the one about a vendor's own script left
 * ungated (ungated.ts), only when there is something to say: in the ES module build they are a chunk of
 * their own, so a page whose attributes are right and that runs no vendor's script outside the gate never
 * fetches these texts (issue 17).
 */
import type { ATTRIBUTES, ONE_OF, KeksiConfig, Problem } from './config.js';
import { warn } from '../core/log.js';
import { reportUngated } from './ungated.js';

// A message states the value used instead from the parsed configuration, never a copy of the default
// (src/core/attributes.ts holds each default once). The attribute lists come from the controller (`Known`):
// this chunk imports nothing of the controller's, so a controller asked for again at a new address is the only one.
/** What the messages name of the controller's attribute lists (config.ts). */
export type Known = [attributes: typeof ATTRIBUTES, oneOf: typeof ONE_OF];
const MESSAGES: Record<string, (name: string, value: string, config: KeksiConfig, known: Known) => string> = {
  unknown: (name, _, _config, [attributes]) => `unknown attribute "${name}" ignored. Known: ${attributes.join(', ')}.`,
  category: (_, id) => `category "${id}" ignored: use letters, digits, "-" or "_", a letter first.`,
  added: (_, id) => `category "${id}" added: a configured tag needs it.`,
  id: (name, id) => `${name}="${id}" is not a valid ID; that tag will not be loaded.`,
  'one-of': (name, value, _, [, oneOf]) => {
    const allowed = oneOf[name as keyof typeof oneOf];
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
export const describeProblem = ([kind, name, value]: Problem, config: KeksiConfig, known: Known): string => MESSAGES[kind](name, value, config, known);

/**
 * Warn (once each) about every bad value in a configuration, then, when the controller's cheap test
 * found a vendor's address (`vendor`), once about the vendor scripts the page runs outside Keksi's gate.
 */
export function report(config: KeksiConfig, consented: boolean, vendor: boolean, known: Known): void {
  for (const problem of config.problems) warn(describeProblem(problem, config, known));
  if (vendor) reportUngated(consented);
}
