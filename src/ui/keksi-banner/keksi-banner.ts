/**
 * `<keksi-banner>`: the first layer. Three buttons of identical style, a link to the privacy notice,
 * a labelled region that does not trap the page. Keeps the focused element of the page out from
 * under itself (WCAG 2.4.11).
 */
import { html, nothing } from 'lit/html.js';
import type { KeksiConfig, Lang } from '../../controller/config.js';
import { translations } from '../../i18n/index.js';
import { sendAction } from '../events.js';
import { KeksiElement } from '../element.js';
import { base, screenOnly } from '../styles.js';
import { styles } from './keksi-banner.styles.js';

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
 * @csspart settings - the settings button
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
    document.addEventListener('focusin', this._onPageFocus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('focusin', this._onPageFocus);
    this._sizeWatch.disconnect();
    this._padPage(false);
  }

  protected override updated(): void {
    const box = this.renderRoot.querySelector('.banner');
    this._sizeWatch.disconnect();
    // Measured when the browser has laid the banner out (and again when its size changes): reading
    // its height right after rendering would force a layout inside the page's start-up.
    if (box) this._sizeWatch.observe(box);
    else this._padPage(false);
  }

  private _sizeWatch = new ResizeObserver(() => this._padPage(this.open));

  /**
   * Keep the page's focused element clear of the banner (WCAG 2.4.11): scroll padding makes the browser
   * scroll focused elements out from under it; where the page cannot scroll far enough (its very end),
   * the page gets room of the banner's height, after the visitor's own key press.
   */
  private _padPage(on: boolean): void {
    const box = this.renderRoot.querySelector('.banner') as HTMLElement | null;
    const side = this.config?.position === 'top' ? 'top' : 'bottom';
    const style = document.documentElement.style;
    for (const p of ['scroll-padding-top', 'scroll-padding-bottom', 'padding-top', 'padding-bottom']) {
      if (style.getPropertyValue(p) === style.getPropertyValue('--keksi-pad') || p.startsWith('scroll')) style.removeProperty(p);
    }
    style.removeProperty('--keksi-pad');
    if (on && box && this.config?.position !== 'center') style.setProperty('scroll-padding-' + side, box.offsetHeight + 16 + 'px');
  }

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
    const style = document.documentElement.style;
    style.setProperty('--keksi-pad', pad);
    style.setProperty('padding-' + side, pad);
    target.scrollIntoView({ block: 'center' });
  };

  override render() {
    if (!this.open) return nothing;
    const t = translations[this.lang as Lang] || translations.en;
    const url = this.config?.noticeUrl;
    const act = (action: 'accept-all' | 'reject-all' | 'settings') => () => sendAction(this, { action });
    return html`<section part="banner" class="box banner ${this.config?.position || 'bottom'}" lang=${this.lang} role="region" aria-labelledby="t" aria-describedby="d">
      <h2 id="t">${t.title}</h2>
      <p id="d">${t.text}${url ? html` <a part="notice-link" href=${url}>${t.notice}</a>` : nothing}</p>
      ${this.gpc ? html`<p class="gpc">${t.gpc}</p>` : nothing}
      <div class="btns">
        <button class="btn" part="button accept-all" @click=${act('accept-all')}>${t.acceptAll}</button>
        <button class="btn" part="button reject-all" @click=${act('reject-all')}>${t.rejectAll}</button>
        <button class="btn" part="button settings" @click=${act('settings')}>${t.settings}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keksi-banner': KeksiBanner;
  }
}
