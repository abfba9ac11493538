/**
 * The UI half of `<keksi-consent>`, in the lazily loaded UI chunk: creates the banner, the
 * preferences dialog and embed placeholders inside the controller, keeps them in step with the
 * consent, and turns the visitor's actions (`keksi-action` events) into the controller's public
 * calls. It sees the controller only through the host interface (controller/host.ts). The
 * controller never needs Lit; this file is fetched the first time something is shown. The dialog and
 * the embed placeholders are chunks of their own on the ES module build, fetched here when needed:
 * a first visit's banner carries no dialog code.
 */
import type { ConsentHost } from '../controller/host.js';
import type { KeksiBanner } from './keksi-banner/keksi-banner.js';
import type { KeksiEmbed } from './keksi-embed/keksi-embed.js';
import type { KeksiPreferences } from './keksi-preferences/keksi-preferences.js';
import { css, supportsAdoptingStyleSheets } from '@lit/reactive-element/css-tag.js';
import { scriptNonce } from '../core/gating.js';
import { guard, warn } from '../core/log.js';
import type { Consent } from '../core/record.js';
import { loadTexts, textsFrom, type Translation } from '../i18n/index.js';
import type { UiAction } from './events.js';
import { kit } from './kit.js';
import { chunk } from '../entry/chunk.js';
import { atNextChance } from '../core/schedule.js';
import { doc } from '../core/doc.js';

type UiElement = KeksiBanner | KeksiPreferences | KeksiEmbed;

const hostStyles = css`
  :host {
    display: contents !important;
  }
  @media print {
    :host {
      display: none !important;
    }
  }
`;

/**
 * A consent as the dialog's and setConsent()'s names: each accepted category, or for one accepted with
 * only some services, `category:service` for each of those.
 */
const choiceOf = (consent: Consent | null): string[] =>
  (consent?.accepted || []).flatMap((c) => {
    const on = consent!.services[c];
    return Array.isArray(on) ? on.map((s) => c + ':' + s) : [c];
  });

/** The focused element, through shadow roots. */
function focused(): Element | null {
  let el = doc('activeElement');
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** What the live region says after a decision: saved here, or made in another tab. */
type Said = 'saved' | 'savedElsewhere';

export class KeksiUi {
  private _banner?: KeksiBanner;
  private _prefs?: KeksiPreferences;
  private _embeds = new Map<HTMLIFrameElement, KeksiEmbed>();
  /** Says "choice saved" politely. It exists from the start: screen readers announce changes only in a live region they already know. */
  private _status = doc('createElement')('div');
  /** What had focus when the banner opened, and what opened the dialog: where focus goes back after a decision. */
  private _before: Element | null = null;
  private _opener: Element | null = null;
  /** The dialog's chunk, once asked for (one that failed may be asked for again). */
  private _dialog?: Promise<boolean>;
  /** The last request to open the dialog: a decision or a close made while its chunk loads cancels it. */
  private _asked?: object;
  /** The placeholders' chunk, once asked for. */
  private _embedChunk?: Promise<unknown>;
  /** Whether the banner was last asked to be open. */
  private _bannerOpen = false;
  /** Another tab decided or reset while the dialog was open: the banner follows when the dialog closes (see elsewhere). */
  private _later?: () => boolean;
  /** While the banner waits for texts that could not be loaded: the visitor's next press or key, or the network's return, asks again once. */
  private _again = () => this._bannerOpen && this.banner(true);

  constructor(private readonly _host: ConsentHost) {
    textsFrom((lang) => _host.texts(lang));
    this._texts();
    guard('showing the Keksi UI', () => {
      const root = _host.shadowRoot!;
      // `<keksi-consent>` takes no layout space wherever it is (a shop's own one in a grid or flex
      // body included) and is not printed; `!important` in the shadow tree wins over any page rule.
      if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, hostStyles.styleSheet!];
      else root.append(Object.assign(doc('createElement')('style'), { nonce: scriptNonce, textContent: hostStyles.cssText }));
      // No font probe here (issue 17): laying out a hidden line to find the font forced the page's style
      // and layout in this task and added more work before the banner than it saved in its first frame
      // (docs/benchmarks.md, "Measured choices").
    });
    const status = this._status;
    status.setAttribute('role', 'status');
    // Focused only as the last resort (see _decided); visually hidden, as the screen reader's text only.
    status.tabIndex = -1;
    status.style.cssText = 'position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
    _host.shadowRoot!.append(status);
  }

  /**
   * Open or close the banner (created when first opened). `focus`: focus was in Keksi's element as it opened (on the
   * reopen button, which hides, another tab having forgotten the choice): it moves into the banner, never to <body>.
   */
  banner(open: boolean, focus?: boolean): void {
    if (open) {
      // Already open (this tab's own reset() or showBanner()): focus stays where the visitor has it, in the banner or not.
      if (this._banner?.open) focus = false;
      // Opening (another tab's reset, this tab's): what the live region said ("Choice saved.") no longer holds; cleared, so
      // the next decision's words are news again, also when they are the same.
      else {
        this._before = focused();
        this._status.textContent = '';
      }
      if (!this._banner) {
        const banner = (this._banner = this._element<KeksiBanner>('keksi-banner', 'banner,accept-all,reject-all,settings,notice-link,button'));
        // Issue 17: the dialog's chunk is not part of a first visit that never opens it. It comes when the
        // visitor reaches for "Customise" (the pointer over it, a press, focus: the chunk is mostly there
        // by the click), or when the dialog is asked for (the pressed button is busy until it opens).
        // Once: after a failed fetch (the network down) more moves over it ask for nothing; opening the dialog asks again.
        let reached: unknown;
        const intent = (e: Event) => (reached ||= (e.composedPath()[0] as Element).closest?.('[part~=settings]') && this.loadDialog());
        for (const type of ['pointermove', 'pointerdown', 'focusin']) banner.addEventListener(type, intent);
      }
    }
    const banner = this._banner;
    this._bannerOpen = open;
    // Opened once its texts are there (a chunk of their own): an open banner always shows its text and
    // buttons. With no texts at all it stays closed (the [keksi] message says why); closing is at once.
    // Without any (the network down), the visitor's next press or key, or the network's return, asks again once.
    if (banner && !open) banner.open = false;
    else
      this._texts().then((t) => {
        if (banner) banner.open = !!t && this._bannerOpen;
        if (focus && banner?.open)
          banner.updateComplete.then(() => guard('moving focus', () => banner.shadowRoot!.querySelector<HTMLElement>('[part~=banner]')!.focus()));
        if (!t && this._bannerOpen) atNextChance(this._again);
      });
  }

  /** The visitor's texts (the controller asked for them beside this chunk; see i18n/index.ts); asked for again after a failure. */
  private _texts(): Promise<Translation | undefined> {
    return loadTexts(this._host.language);
  }

  /** Fetch the dialog's chunk (once); resolves with whether `<keksi-preferences>` is there, with texts to show. */
  loadDialog(): Promise<boolean> {
    // With its texts: a dialog without any (none could be loaded) is not shown.
    return (this._dialog ||= chunk((_fetchChunk) => import('./keksi-preferences/index.js')).then(
      (m) => (m.default(kit), this._texts().then(Boolean)),
      (error) => {
        this._dialog = undefined;
        warn('the preferences dialog could not be loaded', error);
        return false;
      },
    ));
  }

  /**
   * Open the dialog with the current choice; focus returns to `from` when it closes. While the dialog's
   * chunk is still on its way, `from` says it is busy (`aria-busy`, which the banner's button shows).
   */
  async preferences(from: Element | null): Promise<void> {
    const asked = (this._asked = {});
    if (!this._prefs) {
      const busy = from && !from.hasAttribute('aria-busy');
      if (busy) from.setAttribute('aria-busy', 'true');
      // A prefetch (the reach for "Customise") that fails while this press waits for it: the press asks again, once.
      const prefetched = this._dialog;
      const loaded = (await this.loadDialog()) || (!!prefetched && this._asked === asked && (await this.loadDialog()));
      if (busy) from.removeAttribute('aria-busy');
      if (!loaded || this._asked !== asked) return;
    }
    guard('opening the preferences dialog', () => {
      if (!this._prefs) {
        this._prefs = this._element<KeksiPreferences>('keksi-preferences', 'preferences,save,accept-all,reject-all,close,toggle,button');
        // The dialog closed (its close event does not leave its shadow root). Unsaved (Escape, its close button) after
        // another tab's decision: the banner under it asked for a choice now held, so it closes, and focus (given back to
        // what opened the dialog, in the banner) moves on as after a decision here; after its reset the banner asks. A save
        // set the banner already: nothing is left to follow.
        this._prefs.shadowRoot!.addEventListener(
          'close',
          () => {
            const follow = this._later;
            this._later = undefined;
            if (follow?.()) this._decided('savedElsewhere');
          },
          true,
        );
      }
      this._prefs.accepted = choiceOf(this._host.getConsent());
      this._opener = from;
      this._prefs.show(from);
    });
  }

  /** Close the dialog if it is open (or not open it, if its chunk is still loading). */
  closePreferences(): void {
    this._asked = undefined;
    this._prefs?.close();
  }

  /** Put a placeholder before a blocked iframe (once), when the placeholders' chunk is there; without it the iframe stays hidden. */
  placehold(iframe: HTMLIFrameElement): void {
    (this._embedChunk ||= chunk((_fetchChunk) => import('./keksi-embed/index.js')).then((m) => m.default(kit))).then(
      () => guard('showing a placeholder', () => this._placehold(iframe)),
      // Forgotten, so the next blocked embed fetches it again (at a new address: entry/chunk.ts).
      (error) => ((this._embedChunk = undefined), warn('the placeholders could not be loaded; blocked embeds stay hidden', error)),
    );
  }

  private _placehold(iframe: HTMLIFrameElement): void {
    const service = iframe.getAttribute('data-service');
    // data-service="!name" is what shows while a service is off: nothing to allow.
    const categories = (iframe.getAttribute('data-category') || '').split(/\s+/);
    // A category the shop did not configure can never be allowed (the gate says so): no button that would record a choice.
    if (
      iframe.getAttribute('data-keksi') === 'on' ||
      this._embeds.has(iframe) ||
      service?.[0] == '!' ||
      categories.some((c) => !this._host.config.categories.includes(c))
    )
      return;
    const placeholder = this._element<KeksiEmbed>('keksi-embed', 'embed,button', doc('createDocumentFragment')());
    placeholder.categories = categories;
    placeholder.service = service;
    placeholder.label = iframe.title;
    placeholder.width = iframe.getAttribute('width');
    placeholder.height = iframe.getAttribute('height');
    iframe.before(placeholder);
    // `hidden` alone loses to a theme's own `display` for its iframes (`.video { display: block }`).
    iframe.style.setProperty('display', 'none', 'important');
    this._embeds.set(iframe, placeholder);
  }

  /** After a decision: activated iframes lose their placeholder, the dialog shows the new choice. */
  changed(consent: Consent | null): void {
    for (const [iframe, placeholder] of this._embeds) {
      if (iframe.getAttribute('data-keksi') === 'on') {
        // The placeholder's button had focus: it goes on to the content that replaces it, not to <body>.
        const hadFocus = placeholder.shadowRoot?.activeElement;
        placeholder.remove();
        iframe.hidden = false;
        iframe.style.removeProperty('display');
        if (hadFocus) iframe.focus();
        this._embeds.delete(iframe);
      }
    }
    if (this._prefs) this._prefs.accepted = choiceOf(consent);
  }

  /**
   * Another tab decided or reset: `follow` opens or closes the banner (true: closed); focus in it moves on as after a
   * decision here (never to <body>).
   */
  elsewhere(follow: () => boolean): void {
    // Not while the dialog is open (moving the host would take the modal out of the top layer): the visitor works in it,
    // and the banner follows when it closes (see preferences()).
    if (this._prefs?.shadowRoot?.querySelector('dialog[open]')) return void (this._later = follow);
    // Focus in the banner: the host's shadow root's active element, not :focus-within, which Firefox does not match while
    // the window is in the background (another tab decided there: focus was left on <body>).
    const had = this._banner && this._host.shadowRoot!.activeElement == this._banner;
    // Closed: said also when focus was elsewhere (a screen reader's user reading it in browse mode), moved only from it.
    if (follow()) had ? this._decided('savedElsewhere') : this._say('savedElsewhere');
  }

  private _onAction = (event: Event): void => {
    const host = this._host;
    const { action, accepted = [] } = (event as CustomEvent<UiAction>).detail;
    if (action === 'accept-all') host.acceptAll();
    else if (action === 'reject-all') host.rejectAll();
    else if (action === 'save') host.setConsent(accepted);
    if (action === 'accept-all' || action === 'reject-all' || action === 'save') this._decided();
    else if (action === 'allow') host.setConsent([...choiceOf(host.getConsent()), ...accepted]);
    else if (action === 'settings') host.showPreferences(event.composedPath()[0] as Element);
  };

  /**
   * After a decision the pressed button disappears with the banner or the dialog: say so (`said`: another tab's
   * decision closed them, not a save here), and move focus
   * (never to <body>) back to what opened the dialog, else what had focus before the banner, else the
   * reopen button, else the page's own `data-keksi-open` control, else the live region itself.
   */
  private _decided(said: Said = 'saved'): void {
    const root = this._host.shadowRoot!;
    this._say(said);
    const tried = [this._opener, this._before];
    this._opener = this._before = null;
    // Once the banner and the dialog have rendered their closed state.
    Promise.all([this._banner?.updateComplete, this._prefs?.updateComplete]).then(() =>
      guard('moving focus', () => {
        // A form is no opener (core/doc.ts openerOf()); HTMLElement's own focus(): a form's may be a control.
        const candidates = [
          ...tried,
          root.querySelector('[part~=reopen]:not([hidden])'),
          ...doc('querySelectorAll')('[data-keksi-open]:not(form)'),
          this._status,
        ];
        candidates.some((el) => {
          if (!el?.isConnected || el === doc('body') || el === doc('documentElement')) return false;
          HTMLElement.prototype.focus.call(el);
          return focused() === el;
        });
      }),
    );
  }

  /** Say `said` politely, in the live region. */
  private _say(said: Said): void {
    this._texts().then((t) => (this._status.textContent = t?.[said] || ''));
  }

  private _element<T extends UiElement>(tag: string, parts: string, parent: Node = this._host.shadowRoot!): T {
    const el = doc('createElement')(tag) as T;
    el.setAttribute('exportparts', parts);
    const { language: lang, config, gpc } = this._host;
    Object.assign(el, { lang, config, gpc });
    el.addEventListener('keksi-action', this._onAction);
    parent.appendChild(el);
    return el;
  }
}
