/**
 * `<keksi-notice>`: the shop's privacy notice (tietosuojaseloste) rendered from data, with a cookie
 * section generated from the page's `<keksi-consent>` (the same content as the preferences dialog)
 * and a live "your consent" box. Data comes from `src`, from an inline
 * `<script type="application/json">` child, or the shop slots its existing HTML notice in.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { ConsentHost } from '../controller/host.js';
import { resolveLang, type Lang } from '../controller/config.js';
import { warn } from '../core/log.js';
import { localText } from '../i18n/local-text.js';
import type { Consent } from '../core/record.js';
import { translations } from '../i18n/all.js';
import { validateNotice } from './check.js';
import { richText, safeHref } from './rich-text.js';
import { noticeTexts } from '../i18n/notice.js';
import { SECTION_ORDER, type Notice, type Party, type SectionId, type Text } from './types.js';
import { serviceDetails, type LitTags } from '../ui/service-details.js';
import { KeksiElement } from '../ui/element.js';
import { base } from '../ui/styles.js';
import { categoryViews } from '../ui/views.js';
import { trackerDetails } from '../ui/tracker-details.js';
import { styles } from './keksi-notice.styles.js';
import { doc } from '../core/doc.js';

/** The longest notice JSON read, in characters. */
const MAX_NOTICE = 262144;
/** Lit's tags for the services' details (ui/service-details.ts). */
const lit: LitTags = { _html: html, _nothing: nothing };

/**
 * The privacy notice, from `dist/keksi-notice.js` (or `.mjs`).
 * @tag keksi-notice
 * @attr src - URL of the notice JSON (else an inline `<script type="application/json">` child, or slotted HTML)
 * @attr lang - `fi`, `sv` or `en`; default as the banner: `<html lang>`, then the browser's languages, then English
 * @attr {number} [heading-level=2] - level of the notice's top heading
 * @slot - an existing HTML notice, shown instead of data (the cookie section and consent box are still added)
 * @csspart notice - the whole notice
 * @csspart toc - the table of contents
 * @csspart section - each section
 * @csspart consent - the "your consent" box
 * @csspart button - the button that opens the cookie settings
 * @csspart error - the error message when the data cannot be loaded
 * @cssprop [--keksi-notice-max-width=46em] - line length
 * @cssprop [--keksi-bg=#fff] - background (dark mode default #1d1d1f)
 * @cssprop [--keksi-fg=#1d1d1f] - text colour
 * @cssprop [--keksi-muted=#53535a] - secondary text
 * @cssprop [--keksi-accent=#2b2b30] - accept and reject buttons, switches (dark mode default #e8e8ed)
 * @cssprop [--keksi-accent-fg=auto] - text on the accent: black or white, whichever has AA contrast
 * @cssprop [--keksi-focus=currentColor] - focus ring (the text colour)
 * @cssprop [--keksi-radius=10px] - corner radius
 * @cssprop [--keksi-font=system-ui] - font family
 */
export class KeksiNotice extends KeksiElement {
  static override styles = [base, styles];
  static override properties = {
    notice: { state: true },
    failed: { state: true },
    consent: { state: true },
    controller: { state: true },
    src: {},
    lang: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  private notice: Notice | null = null;
  private failed = false;
  private consent: Consent | null = null;
  private controller?: ConsentHost;

  /** URL of the notice JSON. */
  src?: string;
  // `lang` (the native attribute): language; default as the banner (`<html lang>`, then the browser, then English).
  /** Level of the notice's top heading (its title, or its sections when it has none). Default 2. */
  headingLevel = 2;

  override connectedCallback(): void {
    super.connectedCallback();
    doc('addEventListener')('keksi-ready', this._onConsent);
    doc('addEventListener')('keksi-change', this._onConsent);
    this._onConsent();
    this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    doc('removeEventListener')('keksi-ready', this._onConsent);
    doc('removeEventListener')('keksi-change', this._onConsent);
  }

  protected override firstUpdated(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) this.updateComplete.then(() => this.renderRoot.querySelector(`[id="${CSS.escape(id)}"]`)?.scrollIntoView());
  }

  private _onConsent = (): void => {
    // The running controller (a removed or second <keksi-consent> may come first in the page), possibly
    // another bundle's element: only the host interface is assumed.
    const el = (customElements.get('keksi-consent') as { live?: ConsentHost } | undefined)?.live;
    this.controller = el;
    this.consent = el ? el.getConsent() : null;
  };

  private async _load(): Promise<void> {
    const inline = this.querySelector('script[type="application/json"]');
    if (!inline && !this.src) return;
    let data: unknown;
    try {
      const json = inline ? inline.textContent || '' : await (await fetch(this.src!)).text();
      // Real notices are far shorter (docs/benchmarks.md); past this bound, parsing and rendering would hold up the page.
      if (json.length > MAX_NOTICE) throw new RangeError(`longer than ${MAX_NOTICE} characters`);
      data = JSON.parse(json);
    } catch (error) {
      warn(`the privacy notice ${inline ? '(inline JSON)' : this.src} could not be loaded`, error);
      this.failed = true;
      return;
    }
    const { notice, problems } = validateNotice(data);
    for (const p of problems) warn('notice: ' + p);
    this.notice = notice;
    this.failed = !notice;
    // The checker itself is the shop's tool (`npx keksi check`, `keksi/check`), not every visitor's download.
  }

  private get _language(): Lang {
    return resolveLang(this.lang);
  }

  private _text(t: Text | undefined): string {
    return localText(t, this._language);
  }

  private _heading(level: number, content: unknown, id?: string): TemplateResult {
    const tag = unsafeStatic('h' + Math.min(6, Math.max(1, level)));
    return staticHtml`<${tag} id=${id ?? nothing}>${content}</${tag}>`;
  }

  private _onTocClick(event: Event): void {
    const link = (event.target as Element).closest('a');
    const target = link && this.renderRoot.querySelector(`[id="${CSS.escape(link.hash.slice(1))}"]`);
    if (!target) return;
    event.preventDefault();
    // Fragment links do not reach into shadow roots; scroll and move focus ourselves. A heading takes
    // focus only with a tabindex: without one, the next Tab would start again from the link (2.4.3).
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView();
    (target as HTMLElement).focus({ preventScroll: true });
    history.replaceState(null, '', link!.hash);
  }

  private _party(p: Party | undefined) {
    if (!p) return nothing;
    const t = noticeTexts[this._language];
    // "Pikku Paahtimo" + "Oy", unless the name already ends with its legal form.
    const form = p.legalForm && !p.name.toLowerCase().endsWith(' ' + p.legalForm.toLowerCase()) ? ' ' + p.legalForm : '';
    const email = p.email && safeHref('mailto:' + p.email);
    const phone = p.phone && safeHref('tel:' + p.phone.replace(/[^\d+]/g, ''));
    const url = p.url && safeHref(p.url);
    return html`<p class="party">
      <strong>${p.name + form}</strong>${p.shortName ? ' ' + t.shortName(p.shortName) : nothing}
      ${p.businessId ? html`<br />${t.businessId} ${p.businessId}` : nothing}
      ${(p.address || '')
        .split('\n')
        .filter(Boolean)
        .map((l) => html`<br />${l}`)}
      ${email ? html`<br /><a href=${email}>${p.email}</a>` : nothing}
      ${phone ? html`<br /><a href=${phone}>${p.phone}</a>` : nothing}
      ${url ? html`<br /><a href=${url}>${p.url}</a>` : nothing}
    </p>`;
  }

  /** The body of each standard section, or nothing when the notice has none. */
  private _sectionBody(id: SectionId, n: Notice) {
    const t = noticeTexts[this._language];
    const rt = (x: Text | undefined) => richText(this._text(x));
    switch (id) {
      case 'controller':
      case 'representative':
      case 'contact':
      case 'dpo':
        return n[id] ? this._party(n[id]) : undefined;
      case 'register':
        return n.register ? html`<p>${this._text(n.register)}</p>` : undefined;
      case 'purposes':
        if (!n.purposes?.length && !n.purposesText) return undefined;
        return html`${rt(n.purposesText)}
          <ul class="purposes">
            ${(n.purposes || []).map((p) => {
              const bases = [p.basis || []].flat().map((b) => t.bases[b]);
              return html`<li>
                ${rt(p.purpose)}
                ${bases.length ? html`<p class="meta">${t.basis}: ${bases.join(', ')}</p>` : nothing}
                ${p.legitimateInterest ? html`<p class="meta">${t.legitimateInterest}: ${this._text(p.legitimateInterest)}</p>` : nothing}
              </li>`;
            })}
          </ul>`;
      case 'recipients': {
        const r = n.recipients;
        if (!r) return undefined;
        return html`${rt(r.text)}
          ${
            r.list?.length
              ? html`<ul>${r.list.map(
                  (x) =>
                    html`<li><strong>${x.name}</strong>${x.role ? ` – ${this._text(x.role)}` : ''}${x.country ? ` (${x.country})` : ''}${x.processor ? ` · ${t.processor}` : ''}${
                      x.mechanism && t.mechanisms[x.mechanism] ? ` · ${t.transferBasis}: ${t.mechanisms[x.mechanism]}.` : ''
                    }${x.mechanismText ? ' ' + this._text(x.mechanismText) : ''}</li>`,
                )}</ul>`
              : nothing
          }`;
      }
      case 'transfers':
        return n.transfers
          ? html`${rt(n.transfers.text)}${n.transfers.safeguards ? html`<p class="meta">${t.safeguards}:</p>${rt(n.transfers.safeguards)}` : nothing}`
          : undefined;
      case 'security': {
        const s = n.security;
        if (!s) return undefined;
        return html`${rt(s.text)}
          ${s.manual ? html`<p class="meta">${t.manual}</p>${rt(s.manual)}` : nothing}
          ${s.electronic ? html`<p class="meta">${t.electronic}</p>${rt(s.electronic)}` : nothing}`;
      }
      case 'rights': {
        const standard = n.rights?.standard !== false;
        const consentBased = (n.purposes || []).some((p) => [p.basis].flat().includes('consent')) || !!this.controller;
        return html`${standard ? html`<ul>${t.rights.map((r) => html`<li>${r}</li>`)}${consentBased ? html`<li>${t.withdraw}</li>` : nothing}</ul>` : nothing}
          ${rt(n.rights?.text)}${rt(n.rights?.howTo)}`;
      }
      case 'cookies':
        return this._cookieSection(n);
      default: {
        const value = n[id as 'data' | 'sources' | 'retention' | 'required' | 'automated'];
        return value ? rt(value) : undefined;
      }
    }
  }

  /** The generated cookie section: the same categories and services as the preferences dialog. */
  private _cookieSection(n: Notice | null) {
    const c = this.controller;
    if (!c && !n?.cookies) return undefined;
    const ui = translations[this._language];
    const t = noticeTexts[this._language];
    return html`${richText(this._text(n?.cookies))}
      ${
        c
          ? html`<p>${t.cookiesIntro}</p>
            ${categoryViews(c.config, ui, c.options, trackerDetails).map(
              (v) => html`<div class="category"><p><strong>${v.title}</strong> – ${v.description}</p>
                ${v.services.length ? html`<ul class="services">${v.services.map((s) => serviceDetails(lit, s, ui))}</ul>` : nothing}</div>`,
            )}
            ${this._consentBox()}`
          : nothing
      }`;
  }

  private _consentBox() {
    const t = noticeTexts[this._language];
    const c = this.consent;
    const views = this.controller ? categoryViews(this.controller.config, translations[this._language], this.controller.options, trackerDetails) : [];
    return html`<div class="consent" part="consent" role="status">
      <p><strong>${t.yourConsent}</strong></p>
      ${
        c
          ? html`<dl>
            <dt>${t.consentId}</dt><dd><code>${c.id}</code></dd>
            <dt>${t.consentDate}</dt><dd>${new Date(c.timestamp).toLocaleString(this._language === 'en' ? 'en-GB' : this._language + '-FI')}</dd>
            <dt>${t.consentAccepted}</dt><dd>${c.accepted.map((id) => views.find((v) => v.id === id)?.title || id).join(', ')}</dd>
          </dl>`
          : html`<p>${t.noConsent}</p>`
      }
      <button class="btn" part="button" @click=${(e: Event) => this.controller?.showPreferences(e.currentTarget as Element)}>${t.change}</button>
    </div>`;
  }

  override render() {
    const t = noticeTexts[this._language];
    if (this.failed) {
      return html`<div part="error" class="error" role="alert">${t.loadError}</div>${this._slotted()}`;
    }
    const n = this.notice;
    if (!n) return this._slotted();
    const top = this.headingLevel;
    const level = n.title ? top + 1 : top;
    const sections = [
      ...SECTION_ORDER.map((id) => ({ id: 'keksi-' + id, title: this._text(n.headings?.[id]) || t.headings[id], body: this._sectionBody(id, n) })),
      ...(n.sections || []).map((s, i) => ({ id: `keksi-extra-${i + 1}`, title: this._text(s.title), body: richText(this._text(s.text)) })),
    ].filter((s) => s.body !== undefined);
    const date = (d: string) => new Date(d + 'T12:00:00').toLocaleDateString(this._language === 'en' ? 'en-GB' : this._language + '-FI');
    return html`<article part="notice" class="notice">
      ${n.title ? this._heading(top, this._text(n.title)) : nothing}
      ${
        n.updated || n.created
          ? html`<p class="meta">${n.updated ? `${t.updated} ${date(n.updated)}` : ''}${n.updated && n.created ? ' · ' : ''}${n.created ? `${t.created} ${date(n.created)}` : ''}</p>`
          : nothing
      }
      ${richText(this._text(n.intro))}
      <nav part="toc" class="toc" aria-label=${t.contents} @click=${this._onTocClick}>
        <ol>${sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ol>
      </nav>
      ${sections.map((s) => html`<section part="section">${this._heading(level, s.title, s.id)}${s.body}</section>`)}
    </article>`;
  }

  /** A shop's own HTML notice, plus the generated cookie section. */
  private _slotted() {
    const t = noticeTexts[this._language];
    const cookies = this._cookieSection(null);
    return html`<article part="notice" class="notice">
      <slot></slot>
      ${cookies ? html`<section part="section">${this._heading(this.headingLevel, t.headings.cookies, 'keksi-cookies')}${cookies}</section>` : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keksi-notice': KeksiNotice;
  }
}
