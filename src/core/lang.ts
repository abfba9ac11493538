/**
 * The visitor's language, for the controller, the notice and the core's own reopen button (which a
 * returning visit draws without the controller: entry/returning-visitor.ts).
 */
import { doc } from './doc.js';

/** The languages Keksi speaks. */
export type Lang = 'fi' | 'sv' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

/** Map a language tag (`fi-FI`, `sv`, `EN-gb`) to a supported language, or undefined. */
export function toLang(tag: string | null | undefined): Lang | undefined {
  const base = (tag || '').trim().toLowerCase().split(/[-_]/)[0] as Lang;
  return LANGS.includes(base) ? base : undefined;
}

/**
 * The visitor's language: the explicit one (a language tag: the element's `lang`), then `<html lang>`,
 * then the browser's languages, then English.
 */
export const resolveLang = (explicit?: string | null): Lang =>
  [explicit, doc('documentElement').lang, ...(navigator.languages || [])].map(toLang).find(Boolean) || 'en';
