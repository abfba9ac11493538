/** A shop's own text (configure(), the notice) in the visitor's language, bounded. */
import type { Lang } from '../controller/config.js';
import { warn } from '../core/log.js';
import type { LocalText } from '../core/options.js';

/** The longest text shown from a shop's input (a notice section, a service's purpose); the rest is cut. */
export const MAX_TEXT = 10000;

/**
 * Pick a text in the visitor's language: that language, then English, Finnish, anything. Anything
 * not a text gives ''. Own properties only: a polluted `Object.prototype` adds no text.
 */
export function localText(text: LocalText | undefined, lang: Lang): string {
  const t: Record<string, unknown> = { __proto__: null, ...(text && typeof text == 'object' ? text : { en: text }) };
  const found: string = [t[lang], t.en, t.fi, ...Object.values(t)].find((x) => typeof x == 'string') || '';
  if (found.length > MAX_TEXT) warn(`a text was cut to ${MAX_TEXT} characters.`, found.length);
  return found.slice(0, MAX_TEXT);
}
