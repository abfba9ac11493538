/**
 * `<keksi-preferences>`: the second layer, a native modal `<dialog>` (focus trap and Esc for free)
 * with one switch per category and one per service under it (issue 15), nothing pre-ticked, and behind each category's disclosure button its
 * description and services: provider, purpose, cookie names, lifetimes and transfers, so the visitor
 * is informed before consenting. Title and buttons stay put; the categories scroll between them.
 */
import type { KeksiConfig } from '../../controller/config.js';
import { NECESSARY } from '../../core/attributes.js';
import type { Kit } from '../kit.js';
import { counted, serviceDetails } from '../service-details.js';
import { trackerDetails } from '../tracker-details.js';
import type { CategoryView } from '../views.js';
import { styles } from './keksi-preferences.styles.js';
import { doc } from '../../core/doc.js';

/**
 * `<keksi-preferences>`, made with the UI chunk's kit (ui/kit.ts): the dialog's chunk imports nothing of
 * the UI chunk (see index.ts).
 */
/** The element's public face (its class is made inside `preferences`). */
export interface KeksiPreferences extends InstanceType<Kit['_keksiElement']> {
  config?: KeksiConfig;
  accepted: string[];
  gpc: boolean;
  show(opener?: Element | null): Promise<void>;
  close(): void;
}

export const preferences = (kit: Kit): Kit['_keksiElement'] & (new () => KeksiPreferences) => {
  const { _html: html, _nothing: nothing, _keksiElement: KeksiElement, _base: base, _screenOnly: screenOnly, _buttonRow: buttonRow } = kit;
  const { _textsFor: textsFor, _categoryViews: categoryViews } = kit;

  /**
   * The preferences dialog, made by `<keksi-consent>` in its shadow root; its parts are styled through
   * `keksi-consent::part(…)`.
   * @tag keksi-preferences
   * @attr lang - `fi`, `sv` or `en`; set by `<keksi-consent>` to the visitor's language
   * @fires keksi-action - `accept-all`, `reject-all` or `save` with the chosen categories
   * @csspart preferences - the dialog
   * @csspart toggle - each category switch
   * @csspart save - the save button
   * @csspart accept-all - the accept button
   * @csspart reject-all - the reject button
   * @csspart close - the close button
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
   */
  class KeksiPreferences extends KeksiElement {
    static override styles = [base, screenOnly, styles(kit._css)];
    static override properties = {
      choices: { state: true },
      expanded: { state: true },
      lang: { reflect: true },
      config: { attribute: false },
      accepted: { attribute: false },
      gpc: { attribute: false },
    };

    private choices: string[] = [];
    /** The categories whose description and services are shown. */
    private expanded: string[] = [];

    /** The controller's configuration (categories and services). */
    config?: KeksiConfig;
    /** The categories accepted now, `category:service` for one accepted with only some services; the switches start from these. */
    accepted: string[] = [];
    /** Whether Global Privacy Control applies (shown as a note). */
    gpc = false;

    private _opener: Element | null = null;

    private get _dialog(): HTMLDialogElement | null {
      return this.renderRoot.querySelector('dialog');
    }

    /** Open as a modal dialog; focus returns to `opener` on close. */
    async show(opener: Element | null = null): Promise<void> {
      this._opener = opener;
      this.choices = [...this.accepted];
      await this.updateComplete;
      const dialog = this._dialog;
      if (!dialog) return;
      if (!dialog.open) dialog.showModal();
      this.renderRoot.querySelector('.body')!.scrollTop = 0;
    }

    /** Close without saving. */
    close(): void {
      if (this._dialog?.open) this._dialog.close();
    }

    private _onClose = (): void => {
      const opener = this._opener as HTMLElement | null;
      this._opener = null;
      // Only if focus is lost (on <body>) or still in the closed dialog: this event comes a task after the
      // close, and focus the browser put back, or a Tab the visitor pressed since, stays where it is.
      const active = doc('activeElement');
      if ((!active || active == doc('body') || (this.renderRoot as ShadowRoot).activeElement) && opener?.isConnected && opener.offsetParent !== null)
        opener.focus();
    };

    private _expand(id: string, open: boolean): void {
      this.expanded = open ? [...this.expanded, id] : this.expanded.filter((c) => c !== id);
    }

    /** The ids of a category's services that have a switch (none for `necessary`). */
    private _ids(v: CategoryView): string[] {
      return v.id === NECESSARY ? [] : [...new Set(v.services.map((s) => s.id).filter(Boolean))];
    }

    /** Which of `ids` are on: all of them when the whole category is chosen. */
    private _on(category: string, ids: string[]): string[] {
      return this.choices.includes(category) ? ids : ids.filter((id) => this.choices.includes(category + ':' + id));
    }

    /**
     * Choose a category's services: all of them is the whole category (so services added later follow
     * it), some are `category:service`, none leaves the category off. With no services, `all` decides.
     */
    private _set(category: string, ids: string[], on: string[], all = ids.length > 0 && on.length == ids.length): void {
      const rest = this.choices.filter((c) => c !== category && !c.startsWith(category + ':'));
      this.choices = [...rest, ...(all ? [category] : on.map((id) => category + ':' + id))];
    }

    override render() {
      // Without texts (none could be loaded) there is no dialog to show.
      const t = textsFor(this);
      if (!t) return nothing;
      const views = this.config ? categoryViews(this.config, t, undefined, trackerDetails) : [];
      return html`<dialog part="preferences" class="box" lang=${t.lang} aria-labelledby="pt" aria-describedby="pd" @close=${this._onClose}>
        <div class="head">
          <h2 id="pt">${t.prefsTitle}</h2>
          <button class="x" part="button close" aria-label=${t.close} @click=${() => this.close()}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 3l10 10M13 3L3 13" /></svg>
          </button>
        </div>
        <div class="body">
          <p id="pd">${t.prefsText}</p>
          ${this.gpc ? html`<p class="muted">${t.gpc}</p>` : nothing}
          <ul class="cats">
            ${views.map((v) => {
              const necessary = v.id === NECESSARY;
              const open = this.expanded.includes(v.id);
              const ids = this._ids(v);
              const on = this._on(v.id, ids);
              // Some services on: the category is on, and a text next to its switch says how many.
              const some = on.length > 0 && on.length < ids.length;
              const checked = (e: Event) => (e.target as HTMLInputElement).checked;
              return html`<li class="cat">
                <div class="row">
                  <button class="more" id="x-${v.id}" aria-expanded=${open} aria-controls="m-${v.id}" @click=${() => this._expand(v.id, !open)}>
                    <span><span class="name" id="n-${v.id}">${v.title}</span> ${v.services.length ? html`<span class="muted">${counted(v.services.length, t.serviceCount)}</span>` : nothing}</span>
                  </button>
                  <span class="sw">
                    ${necessary ? html`<span class="muted" id="on">${t.alwaysOn}</span>` : nothing}
                    ${some ? html`<span class="muted" id="p-${v.id}">${on.length}/${ids.length} ${t.servicesOn}</span>` : nothing}
                    <input type="checkbox" role="switch" part="toggle" id="c-${v.id}" name=${v.id}
                      aria-labelledby="n-${v.id}" aria-describedby="d-${v.id}${necessary ? ' on' : some ? ` p-${v.id}` : ''}"
                      .checked=${necessary || this.choices.includes(v.id) || on.length > 0} ?disabled=${necessary}
                      @change=${(e: Event) => this._set(v.id, ids, checked(e) ? ids : [], checked(e))} />
                  </span>
                </div>
                <div id="m-${v.id}" class="details" ?hidden=${!open}>
                  <p id="d-${v.id}">${v.description}</p>
                  ${
                    v.services.length
                      ? html`<ul>
                          ${v.services.map((s) => {
                            const name = `${v.id}:${s.id}`;
                            const control =
                              s.id &&
                              !necessary &&
                              html`<input type="checkbox" role="switch" part="toggle" name=${name} aria-labelledby="s-${name}"
                                .checked=${on.includes(s.id)}
                                @change=${(e: Event) => {
                                  const now = this._on(v.id, ids).filter((id) => id !== s.id);
                                  this._set(v.id, ids, checked(e) ? [...now, s.id] : now);
                                }} />`;
                            return serviceDetails(kit, s, t, control, `s-${name}`);
                          })}
                        </ul>`
                      : nothing
                  }
                </div>
              </li>`;
            })}
          </ul>
        </div>
        ${buttonRow(t, 'save', () => ({ accepted: this.choices.filter((c) => c !== NECESSARY) }))}
      </dialog>`;
    }
  }
  return KeksiPreferences;
};

declare global {
  interface HTMLElementTagNameMap {
    'keksi-preferences': KeksiPreferences;
  }
}
