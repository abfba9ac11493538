/**
 * `<keksi-consent>`: the controller. A plain custom element (no Lit): it reads its attributes,
 * restores the stored choice and drives gating (taking over the gate the script-tag entry may already
 * have started for a returning visitor, see entry/returning-visitor.ts). It then starts its post-paint
 * work (post-paint.ts: integrations, reopen button, attribute messages; before gating when Google or
 * Meta tags must hear the consent, else after the page's first paint) and fetches, only when something
 * is shown, the Lit UI with the controller's UI half (`KeksiUi`). What those see of it is the host
 * interface (host.ts); decisions go to the store (store.ts), the only writer of the consent cookie.
 */
import { NECESSARY, parseConfig, resolveLang, type KeksiConfig, type Lang } from './config.js';
import { readTrusted } from '../core/attributes.js';
import { hasTrackers } from '../core/trackers.js';
import { Gate, scriptNonce } from '../core/gating.js';
import { guard, warn } from '../core/log.js';
import { given, options, type MergedOptions } from '../core/options.js';
import { copyConsent, type Consent } from '../core/record.js';
import { afterFirstPaint, atNextChance, whenIdle } from '../core/schedule.js';
import { ConsentStore } from './store.js';
import { deleteCookie } from './cookie-writer.js';
import { adoptGate, early, earlyValues, pending, toldReady } from '../entry/returning-visitor.js';
import type { KeksiUi } from '../ui/keksi-ui.js';
import type { Texts } from '../i18n/translation.js';
import { textsModule } from '../i18n/load.js';
import type { ConsentHost } from './host.js';
import { startPostPaint, type PostPaint } from './post-paint.js';
import { chunk } from '../entry/chunk.js';
import { doc, openerOf, own } from '../core/doc.js';
import { matchesCookie } from './cleanup.js';

/** The lazy chunk for what a shop moving from cookieconsent keeps (src/migration/cookieconsent.ts); a failure to load it says so. */
const cookieconsent = () =>
  chunk((_fetchChunk) => import('../migration/cookieconsent.js')).catch((error) => warn('cookieconsent support could not be loaded', error));

// configure()'s checks (merge-options.ts) are a chunk of their own, fetched only once configure() has
// been called (issue 17: a returning visit of a shop that never calls it does not load them). Until
// they have merged the options, the integrations, the UI and keksi-ready wait for them; the options'
// maps start empty.
Object.assign(options, {
  categories: { __proto__: null },
  services: [],
  cookies: { __proto__: null },
  consentMode: { __proto__: null },
  scriptUrls: { __proto__: null },
});
let merging: Promise<unknown> | undefined;
// A failed load is forgotten: the next configure() call, the visitor's next press or key, or the network's return asks again.
const mergeOptions = (): Promise<unknown> =>
  (merging ||= chunk((_fetchChunk) => import('./merge-options.js')).then(
    (m) => m.default(matchesCookie),
    (error) => {
      merging = undefined;
      atNextChance(mergeOptions);
      warn('configure() could not be loaded; its options are ignored until it can be', error);
    },
  ));
if (given.length) mergeOptions();
// The chunk takes over `push` (and the inputs queued here) when it has loaded (unless it already has).
// Defined, not assigned: on a page that froze Array.prototype (SES lockdown) an assignment throws.
else if (given.push == [].push)
  Object.defineProperty(given, 'push', {
    value: (...more: unknown[]) => (Array.prototype.push.apply(given, more), mergeOptions(), given.length),
    configurable: true,
  });

/** Give `el` and the custom elements in its shadow tree their classes' prototypes back (see disconnectedCallback). */
const ownPrototypes = (el: Element): void => {
  const own = customElements.get(el.localName);
  if (own && !(el instanceof own)) Object.setPrototypeOf(el, own.prototype);
  for (const child of el.shadowRoot?.querySelectorAll('*') || []) ownPrototypes(child);
};

/** Detail of `keksi-ready` and `keksi-change` on `document`. */
export interface KeksiEventDetail {
  consent: Consent | null;
  /**
   * Categories, and `category:service` names the page has asked about, whose granted state changed, as
   * `has()` answers them (only on `keksi-change`).
   */
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

/**
 * The consent controller: one per page, made from the script tag's `data-*` attributes unless the page
 * has its own. It reads its attributes once, at start-up.
 * @tag keksi-consent
 * @attr categories - space-separated optional categories (`preferences`, `analytics`, `marketing` or your own ids); `necessary` is always on
 * @attr lang - `fi`, `sv` or `en`; default: `<html lang>`, then the browser's languages, then English
 * @attr {number} [revision=0] - a stored consent of another revision counts as none: the visitor is asked again
 * @attr [cookie-name=DEFAULT_COOKIE] - name of the consent cookie
 * @attr cookie-domain - share the choice across subdomains (`example.fi`); must contain the page's host
 * @attr {number} [expires-days=DEFAULT_EXPIRES_DAYS] - how long a choice lasts, 1–MAX_EXPIRES_DAYS days
 * @attr notice-url - link to the privacy notice, shown in the banner
 * @attr {'bottom' | 'top' | 'center'} [position=bottom] - where the banner is shown
 * @attr {'bottom-left' | 'bottom-right' | 'none'} [reopen=bottom-left] - corner of the floating button that reopens the settings; `none`: no button, put a `data-keksi-open` link in your footer
 * @attr {boolean} no-reopen-button - the same as `reopen="none"`
 * @attr ga - GA4 measurement IDs (`G-…`), category `analytics`
 * @attr google-ads - Google Ads IDs (`AW-…`), category `marketing`
 * @attr gtm - Google Tag Manager containers (`GTM-…`)
 * @attr meta-pixel - Meta pixel IDs, category `marketing`
 * @attr matomo - Matomo tracker URL (https) and site id, category `analytics`
 * @attr clarity - Microsoft Clarity project ID, category `analytics`
 * @attr uet - Microsoft Advertising UET tag ID, category `marketing`
 * @attr tiktok-pixel - TikTok pixel ID, category `marketing`
 * @attr pinterest-tag - Pinterest tag ID, category `marketing`
 * @attr linkedin-partner - LinkedIn Insight partner ID, category `marketing`
 * @attr hotjar - Hotjar site ID, category `analytics`
 * @attr {'basic' | 'advanced'} [consent-mode=basic] - `advanced` loads Google's and Meta's scripts at once with everything denied
 * @attr log-url - POST each decision to the shop's own endpoint (proof of consent)
 * @attr {boolean} reload-on-withdraw - reload the page when a category or service that already ran is withdrawn
 * @attr {boolean} ignore-gpc - do not treat Global Privacy Control as an objection to marketing
 * @attr {'detected' | 'shopify' | 'wordpress'} [platform=detected] - drive this platform's consent API even before its script has loaded (detected otherwise; docs/platforms.md)
 * @attr {'none' | 'cookieconsent'} [migrate-from=none] - `cookieconsent`: take over cookieconsent v3's stored choice (`cc_cookie`) once, when there is no Keksi choice
 * @fires keksi-ready - on `document`, once at start-up
 * @fires keksi-change - on `document`, after every decision and reset
 * @csspart reopen - the floating button that reopens the preferences
 * @csspart banner - the banner box
 * @csspart accept-all - the accept buttons of the banner and the dialog
 * @csspart reject-all - the reject buttons of the banner and the dialog
 * @csspart settings - the banner's settings button
 * @csspart notice-link - the banner's link to the privacy notice
 * @csspart preferences - the preferences dialog
 * @csspart toggle - each category switch in the dialog
 * @csspart save - the dialog's save button
 * @csspart close - the dialog's close button
 * @csspart button - every button of the banner and the dialog
 * @cssprop [--keksi-bg=#fff] - background (dark mode default #1d1d1f)
 * @cssprop [--keksi-fg=#1d1d1f] - text colour
 * @cssprop [--keksi-muted=#53535a] - secondary text
 * @cssprop [--keksi-accent=#2b2b30] - accept and reject buttons, switches (dark mode default #e8e8ed)
 * @cssprop [--keksi-accent-fg=auto] - text on the accent: black or white, whichever has AA contrast
 * @cssprop [--keksi-focus=currentColor] - focus ring (the text colour)
 * @cssprop [--keksi-radius=10px] - corner radius
 * @cssprop [--keksi-font=system-ui] - font family
 * @cssprop [--keksi-font-size=16px] - text size every size is relative to (the root size when larger)
 * @cssprop [--keksi-z=2147483000] - stacking order of the banner
 */
// The base is looked up, not named: importing 'keksi' in Node, where there is no HTMLElement, must not throw.
export class KeksiConsent extends ((globalThis.HTMLElement || Object) as typeof HTMLElement) implements ConsentHost {
  /** The running controller (internal: tests reach it as `customElements.get('keksi-consent').live`), also while it moves to a new `<body>`. */
  static live?: KeksiConsent;

  /** The validated configuration (after start-up). */
  config!: KeksiConfig;
  /** The consent store (after start-up). */
  store!: ConsentStore;
  /** The visitor's language. */
  language: Lang = 'en';
  /** Whether Global Privacy Control applies (the browser sends it and `ignore-gpc` is not set). */
  gpc = false;
  /** The options given with `configure()`, shared with `<keksi-notice>` (which may be another bundle). */
  readonly options: MergedOptions = options;

  private _gate?: Gate;
  /** The started post-paint work (integrations, reopen button). */
  private _postPaint?: PostPaint;
  private _postPaintLoading?: Promise<unknown>;
  private _reopen?: HTMLButtonElement;
  /** The UI half (banner, dialog, placeholders), once its chunk is loaded. */
  private _ui?: KeksiUi;
  private _uiLoading?: Promise<KeksiUi | undefined>;
  private _ran = new Set<string>();
  /** Between the replacement of `<body>` (Turbo, Swup) and the next task: see disconnectedCallback(). */
  private _moving?: boolean;
  /** Whether the banner should be open: a decision made while the UI is still loading wins. */
  private _bannerWanted = false;
  private _readyResolve!: () => void;
  /** Resolves once the controller has started. */
  readonly ready = new Promise<void>((resolve) => (this._readyResolve = resolve));

  connectedCallback(): void {
    const c = KeksiConsent.live;
    ownPrototypes(this);
    // In another document (a frame's, by adoptNode): not this page's controller; it stays stopped.
    if (this.ownerDocument != document) return;
    // Started before: moved, or put back when no other one runs (then it runs again, banner and all).
    if (this.store && (!c || c == this)) {
      KeksiConsent.live = this;
      this._listen('addEventListener');
      this._gate?.connect();
      // Put back when none ran: it runs again, and calls waiting for a running one (api.ts) hear it.
      if (!c) {
        if (this.store.ask) this.showBanner();
        this._ready();
      }
    } else if (!c) guard('starting Keksi', () => this._start());
    // A copy of the controller in the new page (Turbo's clone of a permanent element, or the page's
    // own markup, also where a page script set `body.innerHTML`: Chromium connects the new markup's copy
    // before it disconnects the running one) gives way to the running one: one store, one gate.
    else if (c._moving || !c.isConnected) this.replaceWith(c);
    else warn('there is more than one <keksi-consent> on the page; only the first one runs.');
  }

  disconnectedCallback(): void {
    // Moved into or out of a frame's document (adoptNode): Firefox has given this element, and the UI's
    // elements in its shadow tree, a plain HTMLElement prototype of the new document's window (their
    // fields kept). They get their own back before any of them is called (also for the calls below).
    ownPrototypes(this);
    const live = KeksiConsent.live == this;
    // Turbo and Swup replace <body>, and this element with it: it moves into the new body at once (the
    // new body's scripts, which ran first, found it through `live`), and the gate, which watches the
    // whole document, gates the new content. Until the next task it stays on whatever the page does
    // with it: Turbo takes a permanent element out again and puts it where the new page wants it.
    // Still connected: moved within the document (see _setBannerOpen), still running; moved into another
    // document (a frame's), it stops.
    if (this._moving || (this.isConnected && this.ownerDocument == document)) return;
    if (live && this.getRootNode() instanceof HTMLBodyElement) {
      this._moving = true;
      doc('body')?.prepend(this);
      setTimeout(() => {
        this._moving = false;
        if (!this.isConnected) this.disconnectedCallback();
      });
    } else {
      if (live) KeksiConsent.live = undefined;
      this._gate?.disconnect();
      this._listen('removeEventListener');
    }
  }

  private _start(): void {
    const read = readTrusted(this, scriptNonce, (name) => warn(`${name} ignored: no nonce of Keksi's tag.`));
    const config = (this.config = parseConfig(read, this.getAttributeNames(), location.hostname));
    const store = (this.store = new ConsentStore(config));
    KeksiConsent.live = this;
    // From the values the core gated the page on, if it did, or its look that found none of this cookie (a first visit:
    // one read of document.cookie less before the banner; taken once): a choice made in another tab since is a change.
    store.load(earlyValues() || (!early.values?.length && early.cookieName == config.cookieName ? early.values : undefined));
    early.values = undefined;
    // A choice another tool stored (migrate-from), taken over before anything is shown or run.
    const migrated: Promise<void> | void =
      !store.consent && config.migrateFrom != 'none' ? cookieconsent().then((m) => m?.migrateCookieconsent(store, deleteCookie)) : undefined;
    this.language = resolveLang(config.lang);
    this.gpc = !config.ignoreGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
    // The core may have drawn the reopen button in it already (entry/reopen.ts).
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });

    const granted = (c: string) => store.granted(c);
    const known = (c: string) => c === NECESSARY || config.categories.includes(c);
    const blocked = (el: Element) => this._placehold(el);
    // A returning visitor's page may already be gated by the script-tag entry (entry/returning-visitor.ts): take that gate over.
    this._gate = adoptGate(granted, known, blocked) || new Gate(granted, known, blocked);
    const trackers = hasTrackers(read);
    // With Google or Meta tags, a decision reaches their queues before any gated tag runs, so it waits
    // for the post-paint work (started at once on such pages); otherwise gating follows the decision at once.
    // A removed element hears nothing: the running one tells the page.
    store.subscribe(
      (consent, changed) =>
        KeksiConsent.live == this && (trackers ? this._withPostPaint(() => this._onChange(consent, changed)) : this._onChange(consent, changed)),
    );
    this._listen('addEventListener');
    this._postPaintLoading = (trackers ? Promise.resolve(migrated) : afterFirstPaint())
      .then(() => merging)
      // A vendor's snippet held back until its queue knows the consent (see vendorHold) runs if allowed
      // once Google's and Meta's chunk has started; with their tags, gating waits for it (see below).
      .then(() => (this._postPaint = startPostPaint(this, () => this._gate!.update())).ready)
      .catch((error) => warn('integrations failed; Google and Meta stay off', error));

    const activate = () =>
      guard('starting Keksi', () => {
        this._noteRun();
        this._gate!.update();
        if (store.ask) this.showBanner();
        // The reopen button is not needed during the page's load: it comes when the page is idle.
        // Not for an element stopped by then (in Firefox, one moved into a frame's document has lost its methods).
        else whenIdle(() => this._bannerWanted || KeksiConsent.live != this || this._setBannerOpen(false));
        this._readyResolve();
        // Not when the core told it for this page view already (entry/lean.ts): the page hears it once.
        if (!toldReady()) this._ready();
      });
    // Google's and Meta's queues must hear the consent before any gated tag runs; otherwise a
    // returning visitor's gated elements activate at once, before the post-paint work has started.
    // With no choice that applies there is nothing to run yet: the page paints first.
    // Calls of the page's API that fetched this controller (entry/lean.ts) are made first: what the early
    // gate held back since then runs on their decision.
    for (const call of pending.splice(0)) guard('a queued keksi call', call);
    if (trackers) this._postPaintLoading.then(activate);
    else if (store.consent) merging ? merging.then(activate) : activate();
    else
      afterFirstPaint()
        .then(() => migrated)
        .then(() => merging)
        .then(activate);
  }

  /** Tell the page this element runs (at start-up, and put back when none ran); not while it is stopped. */
  private _ready(): void {
    if (KeksiConsent.live == this) doc('dispatchEvent')(new CustomEvent('keksi-ready', { detail: { consent: this.getConsent() } }));
  }

  /** Run `fn` with the post-paint work: now when it has started (keeping the order of effects), else once it has. */
  private _withPostPaint(fn: (work?: PostPaint) => void): void {
    if (this._postPaint) fn(this._postPaint);
    else this._postPaintLoading!.then(() => guard('a consent change', () => fn(this._postPaint)));
  }

  // ----- private handlers -----

  private _onChange(consent: Consent | null, changed: string[]): void {
    const withdrawn = changed.filter((c) => !this.store.granted(c) && this._ran.has(c));
    this._withPostPaint((work) => work?.decided(consent));
    this._gate!.update();
    this._noteRun();
    this._ui?.changed(consent);
    // Another tab's decision: the banner it answers closes here too; its reset: this tab asks again. In a microtask: this
    // tab's own decision or reset is told (synchronously) before it sets the banner itself (and moves focus on: keksi-ui.ts
    // _decided()); then nothing is left to do.
    queueMicrotask(() => this._bannerWanted != this.store.ask && (this._ui ? this._ui.elsewhere(this._follow) : this._follow()));
    doc('dispatchEvent')(new CustomEvent('keksi-change', { detail: { consent: this.getConsent(), changed } }));
    if (withdrawn.length && this.config.reloadOnWithdraw) location.reload();
  }

  /**
   * After another tab's decision or reset: the banner opens while this tab must ask, and closes once it need not.
   * Returns whether it closed it (then focus in it moves on). Called again when the dialog closes (see elsewhere()).
   */
  private _follow = (): boolean => {
    const ask = this.store.ask;
    if (ask == this._bannerWanted) return false;
    if (ask) this.showBanner();
    else this._setBannerOpen(false);
    return !ask;
  };

  /** Remember which categories and services have had code run on this page (it cannot be unloaded). */
  private _noteRun(): void {
    for (const c of this.store.names()) if (this.store.granted(c)) this._ran.add(c);
  }

  /**
   * The page-wide listeners, while connected: `data-keksi-open` clicks, and a choice made in another
   * tab (gating looks for one itself; the rest hears of it when the visitor comes back to this tab, or
   * at once where the browser tells: Cookie Store API).
   */
  private _listen(how: 'addEventListener' | 'removeEventListener'): void {
    doc(how)('click', this._onDocumentClick);
    doc(how)('visibilitychange', this._sync);
    // The page's own Cookie Store, never an element of that id (see entry/lean.ts: it threw here, and Keksi did not start).
    (own('cookieStore') as EventTarget | undefined)?.[how]('change', this._sync);
  }

  private _sync = (): void => this.store.sync();

  /**
   * `data-keksi-open`, and cookieconsent v3's `data-cc` (src/migration/cookieconsent.ts) on the shop's buttons and
   * links: clicks, so Enter and Space too.
   */
  private _onDocumentClick = (event: Event): void => {
    const opener = openerOf(event);
    if (opener) {
      event.preventDefault();
      if (opener.hasAttribute('data-cc')) cookieconsent().then((m) => m?.ccButton(this, opener));
      else this.showPreferences(opener);
    }
  };

  /** Run `fn` with the UI half, loading its chunk the first time; not when this element does not run (see `_runs`). */
  private _withUi(fn: (ui: KeksiUi) => void): Promise<void> {
    if (!this._runs()) return Promise.resolve();
    this._uiLoading ||= afterFirstPaint()
      .then(() => merging)
      // The visitor's texts are asked for beside the UI chunk, not after it (issue 17; on a first visit the
      // core asked for both already, beside this chunk: entry/lazy.ts): the UI half asks
      // again (texts()) and gets the same module, or its failure, which it reports.
      .then(() => (this.texts(this.language), chunk((_fetchChunk) => import('../ui/index.js'))))
      // The chunk's evaluation (with the UI half's set-up) and the first render are two tasks, so
      // neither is a long one.
      .then((m) => new Promise<KeksiUi>((resolve) => setTimeout(resolve, 0, new m.KeksiUi(this))))
      .then(
        (ui) => (this._ui = ui),
        // Forgotten, so the next need fetches it again (at a new address: entry/chunk.ts), at the latest the visitor's next
        // press or key, or the network's return: then the banner that should ask, and the blocked embeds' placeholders.
        (error) => ((this._uiLoading = undefined), warn('the Keksi UI could not be loaded', error), atNextChance(this._uiAgain)) as undefined,
      );
    return this._uiLoading.then((ui) => ui && guard('showing the Keksi UI', () => fn(ui)));
  }

  /**
   * The UI again, after its chunk failed: the gate's update asks for the blocked embeds' placeholders. Not for an element
   * no longer running (removed, or replaced by another): it would say that a call was ignored that the page never made.
   */
  private _uiAgain = (): unknown => KeksiConsent.live == this && (this._gate!.update(), this._bannerWanted && this.showBanner());

  /**
   * The UI's texts in `lang` (the module that exports them by the language's name; nothing when it
   * cannot be loaded: the UI half says so). On the ES module build each language is a chunk of its own
   * (issue 17), so a visitor fetches only theirs (see i18n/load.ts).
   */
  texts(lang: Lang): Promise<Texts | void> {
    return textsModule(lang);
  }

  private _placehold(el: Element): void {
    if (!(el instanceof HTMLIFrameElement)) return;
    el.hidden = true;
    this._withUi((ui) => ui.placehold(el));
  }

  private _setBannerOpen(open: boolean): void {
    const body = doc('body');
    // Focus in this element (its reopen button) as the banner opens: the move below or the button's hiding would drop it to
    // <body>. The document's active element, not :focus-within, which Firefox does not match while the window is in the background.
    const focus = open && doc('activeElement') == this;
    this._bannerWanted = open;
    // The script tag's element (beside <body>, not in it: see script-tag.ts) sits before <body> while the
    // banner is open, so the banner is first in the tab order, and after it otherwise, so the reopen
    // button is last (a body swap leaves it there). A shop's own element stays where the shop put it.
    if (this.parentNode == body?.parentNode && open != (this.nextElementSibling == body)) body[open ? 'before' : 'after'](this);
    this._ui?.banner(open, focus);
    this._withPostPaint((work) => {
      if (!this._bannerWanted) this._reopen ||= work?.reopenButton();
      if (this._reopen) this._reopen.hidden = this._bannerWanted;
    });
  }

  /**
   * Whether this element is the running controller. One that is not (removed, or a second one) changes
   * nothing when called: the page's API (`window.keksi`, the ESM functions) always reaches the running one.
   */
  private _runs(): boolean {
    const runs = KeksiConsent.live == this;
    if (!runs) warn('<keksi-consent> not running (removed, or a second one): call ignored; use window.keksi.');
    return runs;
  }

  // ----- public methods (also window.keksi and the ESM exports) -----

  /**
   * The decision that applies now, or null (a stopped element reads the cookie again: the running one
   * may have decided since). A copy: changing it changes nothing.
   */
  getConsent(): Consent | null {
    this._look();
    return copyConsent(this.store?.consent ?? null);
  }

  /** Whether a category is granted now (a stopped element looks at the cookie again, as for getConsent()). */
  has(category: string): boolean {
    this._look();
    return !!this.store?.granted(category);
  }

  /**
   * A stopped element looks at the cookie again, also after a look in this task: the running one may
   * have written since. (The running one holds what it wrote, and looks for another tab's choice when it gates.)
   */
  private _look(): void {
    if (KeksiConsent.live != this) this.store?.sync(true);
  }

  /** Accept every category (but marketing under Global Privacy Control). */
  acceptAll(): void {
    if (this._runs()) this.setConsent(this.config.categories.filter((c) => !(this.gpc && c === 'marketing')));
  }

  /** Reject every optional category. */
  rejectAll(): void {
    this.setConsent([]);
  }

  /** Accept exactly these categories and reject the rest. */
  setConsent(categories: string[]): void {
    if (!this._runs()) return;
    if (!Array.isArray(categories)) categories = [];
    this.store.decide(categories);
    // The dialog closes first: moving its host (see _setBannerOpen) would take an open modal out of the top layer.
    this._ui?.closePreferences();
    this._setBannerOpen(false);
  }

  /** Show the banner. */
  showBanner(): Promise<void> {
    this._bannerWanted = true;
    return this._withUi(() => this._bannerWanted && this._setBannerOpen(true));
  }

  /** Open the preferences dialog; focus returns to `opener` (or what had focus) when it closes. */
  showPreferences(opener?: Element | null): Promise<void> {
    const from = opener || doc('activeElement');
    return this._withUi((ui) => ui.preferences(from));
  }

  /** Forget the decision: delete the cookie and show the banner again. */
  reset(): void {
    if (!this._runs()) return;
    this.store.reset();
    this.showBanner();
  }
}
