/**
 * `<keksi-consent>`: the controller. A plain custom element (no Lit) so that a returning visitor's
 * page runs only the small core: it reads its attributes, restores the stored choice, drives gating
 * and integrations, and fetches the Lit UI (banner, dialog, embed placeholders) only when it is shown.
 */
import { NECESSARY, parseConfig, resolveLang, type KeksiConfig, type Lang } from '../../core/config.js';
import { Gate } from '../../core/gating.js';
import { guard, warn } from '../../core/log.js';
import { options, type KeksiOptions } from '../../core/options.js';
import type { Consent } from '../../core/record.js';
import { ConsentStore } from '../../core/store.js';
import { usesTrackers } from '../../integrations/uses.js';
import type { UiAction } from '../../ui/events.js';
import type { Extras } from './extras.js';

/** Detail of `keksi-ready` and `keksi-change` on `document`. */
export interface KeksiEventDetail {
  consent: Consent | null;
  /** Categories whose granted state changed (only on `keksi-change`). */
  changed?: string[];
}

declare global {
  interface DocumentEventMap {
    'keksi-ready': CustomEvent<KeksiEventDetail>;
    'keksi-change': CustomEvent<KeksiEventDetail>;
  }
  interface HTMLElementTagNameMap {
    'keksi-consent': KeksiConsent;
  }
}

/** What the controller needs of the lazily loaded UI elements. */
type UiElement = HTMLElement & Record<string, unknown>;

/**
 * The consent controller. Attributes: see the README (`categories`, `lang`, `revision`, …).
 * @fires keksi-ready - on `document`, once at start-up
 * @fires keksi-change - on `document`, after every decision and reset
 * @csspart reopen - the floating button that reopens the preferences
 * @csspart banner - the banner; also `accept-all`, `reject-all`, `settings`, `notice-link`
 * @csspart preferences - the preferences dialog; also `save`, `toggle`
 */
export class KeksiConsent extends HTMLElement {
  /** The validated configuration (after start-up). */
  config!: KeksiConfig;
  /** The consent store (after start-up). */
  store!: ConsentStore;
  /** The visitor's language. */
  language: Lang = 'en';
  /** Whether Global Privacy Control applies (the browser sends it and `ignore-gpc` is not set). */
  gpc = false;
  /** The options given with `configure()`, shared with `<keksi-notice>` (which may be another bundle). */
  readonly options: Required<KeksiOptions> = options;

  private _gate?: Gate;
  /** The started extras (integrations, reopen button), once loaded. */
  private _extras?: Extras;
  private _extrasLoading?: Promise<unknown>;
  private _banner?: UiElement;
  private _prefs?: UiElement;
  private _reopen?: HTMLButtonElement;
  private _embeds = new Map<Element, UiElement>();
  private _ui?: Promise<unknown>;
  private _ran = new Set<string>();
  /** Whether the banner should be open: a decision made while the UI is still loading wins. */
  private _bannerWanted = false;
  private _readyResolve!: () => void;
  /** Resolves once the controller has started. */
  readonly ready = new Promise<void>((resolve) => (this._readyResolve = resolve));

  connectedCallback(): void {
    if (this.store) {
      document.addEventListener('click', this._onDocumentClick);
      this._gate?.update();
      return;
    }
    guard('starting Keksi', () => this._start());
  }

  disconnectedCallback(): void {
    document.removeEventListener('click', this._onDocumentClick);
    this._gate?.disconnect();
  }

  private _start(): void {
    const other = document.querySelector('keksi-consent') as KeksiConsent | null;
    if (other && other !== this && other.store) {
      warn('there is more than one <keksi-consent> on the page; only the first one runs.');
      return;
    }
    const config = (this.config = parseConfig((n) => this.getAttribute(n), this.getAttributeNames(), location.hostname));
    const store = (this.store = new ConsentStore(config));
    store.load();
    this.language = resolveLang(config.lang, document.documentElement.lang, navigator.languages || []);
    this.gpc = !config.ignoreGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
    this.attachShadow({ mode: 'open' });

    this._gate = new Gate((c) => store.granted(c), (c) => c === NECESSARY || config.categories.includes(c), (el) => this._placehold(el));
    store.subscribe((consent, changed) => this._withExtras(() => this._onChange(consent, changed)));
    document.addEventListener('click', this._onDocumentClick);
    this._extrasLoading = import('./extras.js')
      .then((m) => (this._extras = m.startExtras(this)))
      .catch((error) => warn('the integrations could not be loaded; Google and Meta tags stay off', error));

    const activate = () =>
      guard('starting Keksi', () => {
        this._noteRun();
        this._gate!.update();
        if (store.ask) this.showBanner();
        else this._setBannerOpen(false);
        this._readyResolve();
        document.dispatchEvent(new CustomEvent('keksi-ready', { detail: { consent: this.getConsent() } }));
      });
    // Google's and Meta's queues must hear the consent before any gated tag runs; otherwise the
    // page's gated elements activate at once, before the extras have even been fetched.
    if (usesTrackers(config)) this._extrasLoading.then(activate);
    else activate();
  }

  /** Run `fn` with the extras: now when they are loaded (keeping the order of effects), else once they are. */
  private _withExtras(fn: (extras?: Extras) => void): void {
    if (this._extras) fn(this._extras);
    else this._extrasLoading!.then(() => guard('a consent change', () => fn(this._extras)));
  }

  // ----- private handlers -----

  private _onChange(consent: Consent | null, changed: string[]): void {
    const withdrawn = changed.filter((c) => !this.store.granted(c) && this._ran.has(c));
    this._extras?.decided(consent);
    this._gate!.update();
    this._noteRun();
    for (const [iframe, placeholder] of this._embeds) {
      if (iframe.getAttribute('data-keksi') === 'on') {
        placeholder.remove();
        (iframe as HTMLElement).hidden = false;
        this._embeds.delete(iframe);
      }
    }
    if (this._prefs) this._prefs.accepted = consent?.accepted || [];
    document.dispatchEvent(new CustomEvent('keksi-change', { detail: { consent: this.getConsent(), changed } }));
    if (withdrawn.length && this.config.reloadOnWithdraw) location.reload();
  }

  /** Remember which categories have had code run on this page (it cannot be unloaded). */
  private _noteRun(): void {
    for (const c of this.config.categories) if (this.store.granted(c)) this._ran.add(c);
  }

  private _onDocumentClick = (event: Event): void => {
    const opener = (event.target as Element | null)?.closest?.('[data-keksi-open]');
    if (opener) {
      event.preventDefault();
      this.showPreferences(opener);
    }
  };

  private _onAction = (event: Event): void => {
    const { action, accepted } = (event as CustomEvent<UiAction>).detail;
    if (action === 'accept-all') this.acceptAll();
    else if (action === 'reject-all') this.rejectAll();
    else if (action === 'save') this.setConsent(accepted || []);
    else if (action === 'allow') this.setConsent([...(this.store.consent?.accepted || []), ...(accepted || [])]);
    else if (action === 'settings') this.showPreferences(event.composedPath()[0] as Element);
  };

  private _loadUi(): Promise<unknown> {
    return (this._ui ||= import('../../ui/index.js').catch((error) => guard('loading the Keksi UI', () => { throw error; })));
  }

  private _uiElement(tag: string, parts: string, parent: Node = this.shadowRoot!): UiElement {
    const el = document.createElement(tag) as UiElement;
    el.setAttribute('exportparts', parts);
    el.lang = this.language;
    el.config = this.config;
    el.gpc = this.gpc;
    el.addEventListener('keksi-action', this._onAction);
    parent.appendChild(el);
    return el;
  }

  private _placehold(el: Element): void {
    if (!(el instanceof HTMLIFrameElement) || this._embeds.has(el)) return;
    (el as HTMLElement).hidden = true;
    this._loadUi().then(() => {
      if (el.getAttribute('data-keksi') === 'on' || this._embeds.has(el)) return;
      const placeholder = this._uiElement('keksi-embed', 'embed,button', document.createDocumentFragment());
      placeholder.categories = (el.getAttribute('data-category') || '').split(/\s+/);
      placeholder.width = el.getAttribute('width');
      placeholder.height = el.getAttribute('height');
      el.before(placeholder);
      this._embeds.set(el, placeholder);
    });
  }

  private _setBannerOpen(open: boolean): void {
    this._bannerWanted = open;
    if (this._banner) this._banner.open = open;
    this._withExtras((extras) => {
      if (!this._bannerWanted) this._reopen ||= extras?.reopenButton();
      if (this._reopen) this._reopen.hidden = this._bannerWanted;
    });
  }

  // ----- public methods (also window.keksi and the ESM exports) -----

  /** The decision that applies now, or null. A copy: changing it changes nothing. */
  getConsent(): Consent | null {
    const c = this.store?.consent;
    return c ? { ...c, accepted: [...c.accepted], rejected: [...c.rejected] } : null;
  }

  /** Whether a category is granted now. */
  has(category: string): boolean {
    return !!this.store?.granted(category);
  }

  /** Accept every category (but marketing under Global Privacy Control). */
  acceptAll(): void {
    this.setConsent(this.config.categories.filter((c) => !(this.gpc && c === 'marketing')));
  }

  /** Reject every optional category. */
  rejectAll(): void {
    this.setConsent([]);
  }

  /** Accept exactly these categories and reject the rest. */
  setConsent(categories: string[]): void {
    if (!Array.isArray(categories)) categories = [];
    this.store.decide(categories);
    this._setBannerOpen(false);
    (this._prefs?.close as (() => void) | undefined)?.call(this._prefs);
  }

  /** Show the banner. */
  showBanner(): Promise<void> {
    this._bannerWanted = true;
    return this._loadUi().then(() => {
      if (!this._bannerWanted) return;
      this._banner ||= this._uiElement('keksi-banner', 'banner,accept-all,reject-all,settings,notice-link,button');
      this._setBannerOpen(true);
    });
  }

  /** Open the preferences dialog; focus returns to `opener` (or what had focus) when it closes. */
  showPreferences(opener?: Element | null): Promise<void> {
    const from = opener || document.activeElement;
    return this._loadUi().then(() => {
      this._prefs ||= this._uiElement('keksi-preferences', 'preferences,save,accept-all,reject-all,close,toggle,button');
      this._prefs.accepted = this.store.consent?.accepted || [];
      (this._prefs.show as (from: Element | null) => void).call(this._prefs, from);
    });
  }

  /** Forget the decision: delete the cookie and show the banner again. */
  reset(): void {
    this.store.reset();
    this.showBanner();
  }
}
