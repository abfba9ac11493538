/**
 * Finding what a notice says, in Finnish, Swedish or English, whatever the inflection: texts are cut
 * into sentences and words, each word is stemmed with the Snowball stemmers (Finnish, Swedish), and a
 * concept is a list of word sets, any of which must occur together in one sentence.
 *
 * A concept word is written as a word of its language; it is stemmed with the same stemmer, so
 * "oikaisua", "oikaisun" and "oikaisu" all meet "oikaisu". Forms:
 * - `word`   a token whose stem equals the word's stem
 * - `word*`  a token whose stem starts with the word's stem (compounds: "tarkastaa*" meets "tarkastusoikeus")
 * - `=text`  a token that starts with `text` as written (where the stemmer joins words that must stay
 *            apart: Swedish "rättelse" and "rätt" share the stem "rätt")
 * - `!word`  (any of the forms above) the sentence must not contain it
 * English has no stemmer here (it hardly inflects): its words are matched as written, `*` for a prefix.
 */
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as swedish } from '@orama/stemmers/swedish';

/** Word sets per language; a set is words separated by spaces, all to be found in one sentence. */
export interface Concept {
  fi?: string[];
  sv?: string[];
  en?: string[];
}

type Lang = keyof Concept;
const STEMMERS: Record<Lang, (word: string) => string> = { fi: finnish, sv: swedish, en: (w) => w };

interface Token {
  raw: string;
  fi: string;
  sv: string;
  en: string;
}

/** One sentence as tokens: each word, and each part of a hyphenated word ("kielto-oikeus"). */
function tokens(sentence: string): Token[] {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) || [];
  const all = words.flatMap((w) => (w.includes('-') ? [w, ...w.split('-').filter((p) => p.length > 1)] : [w]));
  return all.map(token);
}

/** Tokens by word: a notice repeats its words, and stemming is most of the checker's time. */
const seen = new Map<string, Token>();
function token(raw: string): Token {
  let t = seen.get(raw);
  if (!t) {
    t = { raw, fi: finnish(raw), sv: swedish(raw), en: raw };
    if (seen.size < 20000) seen.set(raw, t);
  }
  return t;
}

/** A text's sentences. A line break ends a sentence too (headings, list items). */
export function sentences(text: string): Token[][] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map(tokens)
    .filter((s) => s.length);
}

interface Matcher {
  lang: Lang;
  /** What the token must equal or start with. */
  value: string;
  prefix: boolean;
  raw: boolean;
  negated: boolean;
}

function matcher(lang: Lang, word: string): Matcher {
  const negated = word.startsWith('!');
  let w = negated ? word.slice(1) : word;
  const raw = w.startsWith('=');
  if (raw) w = w.slice(1);
  const prefix = raw || w.endsWith('*');
  if (w.endsWith('*')) w = w.slice(0, -1);
  return { lang, value: raw ? w.toLowerCase() : STEMMERS[lang](w.toLowerCase()), prefix, raw, negated };
}

/** Each concept's word sets as matchers, made once. */
const compiled = new WeakMap<Concept, Matcher[][]>();
function compile(concept: Concept): Matcher[][] {
  let sets = compiled.get(concept);
  if (!sets) {
    sets = (Object.keys(concept) as Lang[]).flatMap((lang) => concept[lang]!.map((set) => set.split(' ').map((w) => matcher(lang, w))));
    compiled.set(concept, sets);
  }
  return sets;
}

const meets = (t: Token, m: Matcher): boolean => {
  const v = m.raw ? t.raw : t[m.lang];
  return m.prefix ? v.startsWith(m.value) : v === m.value;
};

/** Whether one of the sentences says the concept: one of its word sets, whole, in a single sentence. */
export function says(text: Token[][], concept: Concept): boolean {
  return compile(concept).some((ms) => text.some((s) => ms.every((m) => s.some((t) => meets(t, m)) !== m.negated)));
}
