/**
 * Options a shop can only give from JavaScript (`keksi.configure()`): texts for custom categories,
 * extra services, extra cookies to delete on withdrawal, a Consent Mode map for custom categories.
 */
import type { Lang } from './config.js';

/** A text in one language, or per language. */
export type LocalText = string | Partial<Record<Lang, string>>;

/** A cookie a service sets, for the dialog and the notice. */
export interface CookieInfo {
  name: string;
  /** Lifetime in days; 0 for a session cookie. */
  days: number;
}

/** A service shown under its category in the dialog and the notice's cookie section. */
export interface ServiceInfo {
  name: string;
  category: string;
  provider: string;
  purpose: LocalText;
  cookies: CookieInfo[];
  /** Whether personal data may leave the EU/EEA. */
  outsideEu?: boolean;
  /** Link to the provider's privacy policy. */
  policy?: string;
}

export interface KeksiOptions {
  /** Title and description of categories, also to override the built-in texts. */
  categories?: Record<string, { title: LocalText; description: LocalText }>;
  /** Services beyond the built-in integrations. */
  services?: ServiceInfo[];
  /** Cookie names or `prefix*` patterns to delete when a category is withdrawn. */
  cookies?: Record<string, string[]>;
  /** Google Consent Mode types granted by each category, for custom categories. */
  consentMode?: Record<string, string[]>;
  /**
   * Where vendor scripts are loaded from, for a self-hosted or first-party tag gateway (and the demo's
   * offline stand-ins). `gtag` and `gtm` get the tag ID appended.
   */
  scriptUrls?: { gtag?: string; gtm?: string; fbevents?: string };
}

/** The options given so far (merged). */
export const options: Required<KeksiOptions> = { categories: {}, services: [], cookies: {}, consentMode: {}, scriptUrls: {} };

/** Merge options; later calls add to and override earlier ones. */
export function configure(more: KeksiOptions): void {
  if (!more || typeof more !== 'object') return;
  Object.assign(options.categories, more.categories);
  Object.assign(options.cookies, more.cookies);
  Object.assign(options.consentMode, more.consentMode);
  Object.assign(options.scriptUrls, more.scriptUrls);
  if (Array.isArray(more.services)) options.services.push(...more.services);
}

/** Pick a text in the visitor's language: that language, then English, Finnish, anything. */
export function localText(text: LocalText | undefined, lang: Lang): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.fi ?? Object.values(text)[0] ?? '';
}
