/**
 * The host interface: what `<keksi-consent>` offers the code that works beside it, in the manner of
 * Lit's `ReactiveControllerHost`. It is the written contract between bundles: the post-paint work
 * (post-paint.ts, controller chunk), the UI half (`KeksiUi`, UI chunk) and `<keksi-notice>` (also a
 * bundle of its own, dist/keksi-notice.js, that finds the element of another copy of Keksi in the
 * page) use only this, never the store, the gate or the controller's other fields. Type-only: it
 * costs no bytes. A change here is a change to what a separately loaded notice may rely on.
 */
import type { MergedOptions } from '../core/options.js';
import type { Consent } from '../core/record.js';
import type { Texts } from '../i18n/translation.js';
import type { KeksiConfig, Lang } from './config.js';

/** A started `<keksi-consent>`, as the code beside it sees it. */
export interface ConsentHost {
  /**
   * The validated configuration. Set when the controller starts: a `<keksi-consent>` without it has
   * not started (a copy that gave way, or still loading) and is no host yet.
   */
  readonly config: KeksiConfig;
  /** The options given with `configure()`, validated and merged. */
  readonly options: MergedOptions;
  /** The visitor's language. */
  readonly language: Lang;
  /** Whether Global Privacy Control applies (marketing is then never offered as "accept all"). */
  readonly gpc: boolean;
  /** The open shadow root, where the banner, the dialog and the reopen button go. */
  readonly shadowRoot: ShadowRoot | null;
  /** The decision that applies now, or null. A copy: changing it changes nothing. */
  getConsent(): Consent | null;
  /** Whether a category is granted now. */
  has(category: string): boolean;
  /** Accept every category (but marketing under Global Privacy Control). */
  acceptAll(): void;
  /** Reject every optional category. */
  rejectAll(): void;
  /** Accept exactly these categories and reject the rest; the store writes the cookie. */
  setConsent(categories: string[]): void;
  /** Open the preferences dialog; focus returns to `opener` when it closes. */
  showPreferences(opener?: Element | null): Promise<void>;
  /**
   * The UI's texts in `lang`, in a module that exports them by the language's name (nothing when they
   * cannot be loaded): on the ES module build each language is a chunk of its own, fetched when first asked for.
   */
  texts(lang: Lang): Promise<Texts | void>;
}
