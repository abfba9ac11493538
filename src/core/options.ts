/**
 * Options a shop can only give from JavaScript (`keksi.configure()`): texts for custom categories,
 * extra services, extra cookies to delete on withdrawal, a Consent Mode map for custom categories.
 * The core only queues them; controller/merge-options.ts validates them when the controller loads.
 */
import type { Lang } from '../controller/config.js';

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
  /**
   * The service's id for `data-service`, `has('category:id')` and the stored choice (`a-z`, digits,
   * `-`, `_`); default: the name in lower case with every other character run as `-` ("Google Maps" → `google-maps`).
   */
  id?: string;
  category: string;
  /** The provider's legal name ("Klarna Bank AB (publ)"); never a host name. */
  provider: LocalText;
  /** The provider's short name for the banner's "who" ("Klarna"); default: `provider` up to " (". */
  brand?: string;
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
  /**
   * Cookie names or `prefix*` patterns to delete when a category is withdrawn. A prefix needs at least
   * 3 characters (`_hj*`); `*` alone and anything matching the consent cookie are refused.
   */
  cookies?: Record<string, string[]>;
  /** Google Consent Mode types granted by each category, for custom categories (only the seven v2 types). */
  consentMode?: Record<string, string[]>;
  /**
   * Where vendor scripts are loaded from, for a self-hosted or first-party tag gateway (and the demo's
   * offline stand-ins). `gtag` and `gtm` get the tag ID appended. http(s) or relative URLs only.
   * `matomo` replaces `<tracker URL>matomo.js`; `clarity` gets the project ID appended; `tiktok`
   * gets `?sdkid=<ID>&lib=ttq`; `uet`, `pinterest`, `linkedin` and `hotjar` replace the vendor's script.
   */
  scriptUrls?: {
    gtag?: string;
    gtm?: string;
    fbevents?: string;
    matomo?: string;
    clarity?: string;
    uet?: string;
    tiktok?: string;
    pinterest?: string;
    linkedin?: string;
    hotjar?: string;
  };
  /**
   * Which Keksi category decides each purpose of a platform's consent API, `'platform:purpose'` →
   * category (`necessary` for always), e.g. `{ 'wordpress:statistics-anonymous': 'necessary' }`.
   * Defaults in docs/platforms.md. Read by the platforms chunk (integrations/platforms.ts) from the
   * configure() inputs kept in `given`, so it is not merged into `options`.
   */
  platforms?: Record<string, string>;
}

/**
 * The options as merged: every map present, and no `platforms` (the platforms chunk reads that from
 * the configure() inputs themselves, see `given`).
 */
export type MergedOptions = Required<Omit<KeksiOptions, 'platforms'>>;

/**
 * The options given so far, validated and merged by the controller (controller/merge-options.ts) into
 * maps without a prototype. Empty until the controller has loaded.
 */
export const options = {} as MergedOptions;

/**
 * Every `configure()` input, in order. The core only queues it: the checks load with the controller,
 * which merges the queue and from then on takes each call at once (as `window.keksi.push` does), so a
 * returning visitor's first script carries none of them. The controller keeps each input here after
 * merging it, for a lazy chunk that reads its own option (the platforms chunk: `platforms`).
 */
export const given: unknown[] = [];

/** Merge options; later calls add to and override earlier ones. Bad entries are skipped with a `[keksi]` message. */
export function configure(more: KeksiOptions): void {
  given.push(more);
}
