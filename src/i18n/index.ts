/**
 * The UI's texts by language (issue 17): each language's table is a chunk of its own on the ES module
 * build, so a visitor downloads only their own. The controller fetches them (`ConsentHost.texts`: it asks
 * for the visitor's beside the UI chunk, not after it) and hands its loader to the UI half, which sets
 * it here (`textsFrom`). The elements look their texts up inside render() with `textsFor()`; a table
 * that has not arrived is asked for and the element renders again when it has. One that cannot be
 * loaded is a `[keksi]` message, and English is shown instead; with no table at all the elements render
 * nothing (no blank banner, and no choice is made without one shown). What shows every language (the
 * notice, the configurator) imports all three at once instead (all.ts).
 */
import { warn } from '../core/log.js';
import type { Lang } from '../controller/config.js';
import type { Texts, Translation } from './translation.js';

export type { Translation, CategoryText, Plural, PurposeId, Texts } from './translation.js';

/** Where the tables come from (the controller's loader; none: nothing can be loaded). */
let source: ((lang: Lang) => Promise<Texts | void>) | undefined;
/** The tables that have arrived. */
const have: Partial<Record<Lang, Translation>> = {};
/** Each language's load while it is on its way or has arrived (one that failed is forgotten: the next need asks again). */
const loading: Partial<Record<Lang, Promise<Translation | undefined>>> = {};

/** Set where the tables come from (the UI half does, with its controller's loader). */
export const textsFrom = (load: (lang: Lang) => Promise<Texts | void>): void => void (source = load);

const load = (lang: Lang): Promise<Translation | undefined> =>
  (loading[lang] ||= Promise.resolve(source?.(lang)).then((m) => (m?.[lang] ? (have[lang] = m[lang]) : void delete loading[lang])));

/**
 * Load `lang`'s table; resolves with it, or, when it cannot be loaded, with English's (or undefined: then
 * nothing is shown). A table that failed is asked for again at the next need (chunks are fetched again
 * at a new address: entry/chunk.ts).
 */
export const loadTexts = (lang: Lang): Promise<Translation | undefined> =>
  load(lang).then(
    (t) =>
      t ||
      (lang == 'en' ? Promise.resolve(t) : load('en')).then(
        (en) => (
          warn(en ? `the texts in "${lang}" could not be loaded; showing English` : 'the texts could not be loaded: nothing is shown until they can be.'),
          en
        ),
      ),
  );

/**
 * The texts for an element in its `lang` (English when it is none of Keksi's `fi`, `sv`, `en`): that
 * table when it has arrived, else English, else any that has (undefined when none has). One still to
 * come is asked for, and the element updates when it brings other texts than those shown now.
 */
export function textsFor(el: { lang: string; requestUpdate(): void }): Translation | undefined {
  const lang = (/^(fi|sv)$/.test(el.lang) ? el.lang : 'en') as Lang;
  const shown = have[lang] || have.en || Object.values(have)[0];
  if (!have[lang]) loadTexts(lang).then((t) => t && t != shown && el.requestUpdate());
  return shown;
}
