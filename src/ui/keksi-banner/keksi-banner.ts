/**
 * `<keksi-banner>`: the first layer. What is used, why, by whom and how to change it later; accept and
 * reject alike, "Customise" beside them; a link to the privacy notice; the text scrolls, the buttons
 * never leave the screen (400 % zoom); a labelled region that does not trap the page. Keeps the
 * focused element of the page out from under itself (WCAG 2.4.11).
 */
import { html, nothing } from 'lit/html.js';
import type { KeksiConfig } from '../../controller/config.js';
import { textsFor, type CategoryText } from '../../i18n/index.js';
import { buttonRow } from '../button-row.js';
import { KeksiElement } from '../element.js';
import { base, screenOnly } from '../styles.js';
import { categoryViews, listOf, providersOf } from '../views.js';
import { styles } from './keksi-banner.styles.js';
import { doc } from '../../core/doc.js';

/**
 * The banner, made by `<keksi-consent>` in its shadow root; its parts are styled through
 * `keksi-consent::part(…)`.
 * @tag keksi-banner
 * @attr lang - `fi`, `sv` or `en`; set by `<keksi-consent>` to the visitor's language
 * @attr open - present while the banner is shown; set by `<keksi-consent>`
 * @fires keksi-action - `accept-all`, `reject-all` or `settings`
 * @csspart banner - the banner box
 * @csspart accept-all - the accept button
 * @csspart reject-all - the reject button
 * @csspart settings - the "Customise" button (secondary look, same size)
 * @csspart notice-link - the link to the privacy notice
 * @csspart button - every button
 * @cssprop [--keksi-bg=#fff] - background (dark mode default #1d1d1f)
 * @cssprop [--keksi-fg=#1d1d1f] - text colour
 * @cssprop [--keksi-muted=#53535a] - secondary text
 * @cssprop [--keksi-accent=#2b2b30] - accept and reject buttons, switches (dark mode default #e8e8ed)
 * @cssprop [--keksi-accent-fg=auto] - text on the accent: black or white, whichever has AA contrast
 * @cssprop [--keksi-focus=currentColor] - focus ring (the text colour)
 * @cssprop [--keksi-radius=10px] - corner radius
 * @cssprop [--keksi-font=system-ui] - font family
 * @cssprop [--keksi-font-size=16px] - text size every size is relative to (the root size when larger)
 * @cssprop [--keksi-z=2147483000] - stacking order
 */
export class KeksiBanner extends KeksiElement {
  static override styles = [base, screenOnly, styles];
  static override properties = { lang: { reflect: true }, config: { attribute: false }, gpc: { attribute: false }, open: { type: Boolean, reflect: true } };

  /** The controller's configuration (position, notice URL). */
  config?: KeksiConfig;
  /** Whether to say that Global Privacy Control keeps marketing off. */
  gpc = false;
  /** Whether the banner is shown. */
  open = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Not from another document (a frame's): this page's focus is no longer its concern.
    if (this.ownerDocument == document) doc('addEventListener')('focusin', this._onPageFocus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    doc('removeEventListener')('focusin', this._onPageFocus);
    this._sizeWatch.disconnect();
    padPage(this, false);
  }

  protected override updated(): void {
    const box = this.renderRoot.querySelector('.banner');
    this._sizeWatch.disconnect();
    // Measured when the browser has laid the banner out (and again when its size changes): reading
    // its height right after rendering would force a layout inside the page's start-up.
    if (box) this._sizeWatch.observe(box);
    else padPage(this, false);
  }

  // The page's scroll padding changes in the next frame, not inside the observer's callback: a change of
  // layout there that resizes the banner again (a scroll bar appearing at 320×256) is a "ResizeObserver loop" error.
  private _sizeWatch = new ResizeObserver(() => requestAnimationFrame(() => padPage(this, this.open)));

  private _onPageFocus = (event: FocusEvent): void => {
    const box = this.renderRoot.querySelector('.banner') as HTMLElement | null;
    const target = event.target as HTMLElement;
    if (!this.open || !box || this.contains(target) || !target.getBoundingClientRect || this.config?.position === 'center') return;
    const hidden = () => {
      const a = target.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return a.bottom > b.top && a.top < b.bottom;
    };
    if (!hidden()) return;
    target.scrollIntoView({ block: 'center' });
    if (!hidden()) return;
    const side = this.config?.position === 'top' ? 'top' : 'bottom';
    const pad = box.offsetHeight + 16 + 'px';
    const style = doc('documentElement').style;
    style.setProperty('--keksi-pad', pad);
    style.setProperty('padding-' + side, pad);
    target.scrollIntoView({ block: 'center' });
  };

  override render() {
    // No texts yet (or none could be loaded): nothing rather than a blank banner; it renders when they arrive.
    const t = this.open && textsFor(this);
    if (!t) return nothing;
    const url = this.config?.noticeUrl;
    // What is used, why, by whom and how to change it later, from the categories and services configured.
    const views = this.config ? categoryViews(this.config, t) : [];
    const why = views.map((v) => (t.categories as Record<string, CategoryText | undefined>)[v.id]?.why || '').filter(Boolean);
    const by = providersOf(views);
    const text = [
      t.text,
      why.length ? t.optional.replace('{w}', listOf(why, t.and)) : t.otherwise,
      by.length ? t.by.replace('{p}', listOf(by, t.and)) : '',
      t.later,
    ].filter(Boolean);
    return html`<section part="banner" class="box banner ${this.config?.position || 'bottom'}" lang=${t.lang} role="region" aria-labelledby="t" aria-describedby="d" tabindex="-1">
      <div class="text">
        <h2 id="t">${t.title}</h2>
        <p id="d">${text.join(' ')}${url ? html` <a part="notice-link" href=${url}>${t.notice}</a>` : nothing}</p>
        ${this.gpc ? html`<p class="gpc">${t.gpc}</p>` : nothing}
      </div>
      ${buttonRow(t, 'settings')}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keksi-banner': KeksiBanner;
  }
}

/**
 * Keep the page's focused element clear of the banner (WCAG 2.4.11): scroll padding makes the browser
 * scroll focused elements out from under it; where the page cannot scroll far enough (its very end),
 * the page gets room of the banner's height, after the visitor's own key press (`_onPageFocus`).
 */
// A function, not a method: a banner moved into another document (a frame's) still hears its
// callbacks (its removal, its size watch), and Firefox has given it that document's prototype, without
// Keksi's methods. There it pads this page no more.
function padPage(banner: KeksiBanner, on: boolean): void {
  const box = banner.renderRoot.querySelector('.banner') as HTMLElement | null;
  const side = banner.config?.position === 'top' ? 'top' : 'bottom';
  const style = doc('documentElement').style;
  for (const p of ['scroll-padding-top', 'scroll-padding-bottom', 'padding-top', 'padding-bottom']) {
    if (style.getPropertyValue(p) === style.getPropertyValue('--keksi-pad') || p.startsWith('scroll')) style.removeProperty(p);
  }
  style.removeProperty('--keksi-pad');
  if (on && box && banner.ownerDocument == document && banner.config?.position !== 'center')
    style.setProperty('scroll-padding-' + side, box.offsetHeight + 16 + 'px');
}
