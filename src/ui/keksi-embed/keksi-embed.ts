/**
 * `<keksi-embed>`: stands in for a gated iframe (video, map) until its categories are granted.
 * One click allows just those categories and shows the content; a second button opens the settings.
 */
import type { KeksiConfig } from '../../controller/config.js';
import type { CategoryText } from '../../i18n/index.js';
import type { Kit } from '../kit.js';
import { styles } from './keksi-embed.styles.js';

/**
 * `<keksi-embed>`, made with the UI chunk's kit (ui/kit.ts): the placeholders' chunk imports nothing of
 * the UI chunk (see index.ts).
 */
/** The element's public face (its class is made inside `embed`). */
export interface KeksiEmbed extends InstanceType<Kit['_keksiElement']> {
  config?: KeksiConfig;
  categories: string[];
  service: string | null;
  width: string | null;
  height: string | null;
  label: string;
}

export const embed = (kit: Kit): Kit['_keksiElement'] & (new () => KeksiEmbed) => {
  const { _html: html, _nothing: nothing, _keksiElement: KeksiElement, _base: base, _sendAction: sendAction } = kit;
  const { _textsFor: textsFor, _categoryViews: categoryViews, _listOf: listOf } = kit;

  /**
   * The placeholder `<keksi-consent>` puts before each blocked `<iframe data-category data-src>`, in the
   * page itself: style it with `keksi-embed::part(…)`.
   * @tag keksi-embed
   * @attr lang - `fi`, `sv` or `en`; set by `<keksi-consent>` to the visitor's language
   * @fires keksi-action - `allow` with the embed's categories, or `settings`
   * @csspart embed - the placeholder box
   * @csspart allow - the button that allows the embed's categories and shows the content
   * @csspart settings - the button that opens the preferences
   * @csspart button - both buttons
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
  class KeksiEmbed extends KeksiElement {
    static override styles = [base, styles(kit._css)];
    static override properties = {
      lang: { reflect: true },
      config: { attribute: false },
      categories: { attribute: false },
      width: { attribute: false },
      height: { attribute: false },
      label: { attribute: false },
    };

    /** The controller's configuration (category titles). */
    config?: KeksiConfig;
    /** The categories the embed needs. */
    categories: string[] = [];
    /** The service it is (`data-service`): allowing it allows that service of its categories only. */
    service: string | null = null;
    /** The iframe's size, to keep the page from shifting when the content appears. */
    width: string | null = null;
    height: string | null = null;
    /** The iframe's title, named in the button that shows it. */
    label = '';

    protected override updated(): void {
      const w = parseFloat(this.width || '');
      const h = parseFloat(this.height || '');
      if (w > 0) this.style.maxWidth = w + 'px';
      if (w > 0 && h > 0) this.style.aspectRatio = `${w} / ${h}`;
    }

    override render() {
      const t = textsFor(this);
      if (!t) return nothing;
      const views = this.config ? categoryViews(this.config, t) : [];
      // "markkinointievästeet": the category's cookies by name; a shop's own category by its title; a
      // service (data-service) by its name: "evästeet (YouTube)", as allowing it allows only that service.
      const service = this.service && (views.flatMap((v) => v.services).find((s) => s.id == this.service)?.name || this.service);
      const names = service
        ? t.cookiesOf.replace('{c}', service)
        : listOf(
            this.categories.map(
              (id) =>
                (t.categories as Record<string, CategoryText | undefined>)[id]?.cookies ||
                t.cookiesOf.replace('{c}', (views.find((v) => v.id === id)?.title || id).toLowerCase()),
            ),
            t.and,
          );
      return html`<div part="embed" class="box embed" lang=${t.lang} role="group" aria-label=${t.title}>
        <p>${t.embedText.replace('{c}', names)}</p>
        <button class="btn" part="button allow" @click=${() => sendAction(this, { action: 'allow', accepted: this.categories.map((c) => (this.service ? c + ':' + this.service : c)) })}>
          ${t.embedAllow.replace('{c}', names)}${this.label ? ': ' + this.label : ''}
        </button>
        <button class="btn" part="button settings" @click=${() => sendAction(this, { action: 'settings' })}>${t.settings}</button>
      </div>`;
    }
  }
  return KeksiEmbed;
};

declare global {
  interface HTMLElementTagNameMap {
    'keksi-embed': KeksiEmbed;
  }
}
