/**
 * `<keksi-embed>`: stands in for a gated iframe (video, map) until its categories are granted.
 * One click allows just those categories and shows the content; a second button opens the settings.
 */
import { html } from 'lit/html.js';
import type { KeksiConfig, Lang } from '../../core/config.js';
import { translations } from '../../i18n/index.js';
import { sendAction } from '../../ui/events.js';
import { KeksiElement } from '../../ui/element.js';
import { base } from '../../ui/styles.js';
import { categoryViews } from '../../ui/views.js';
import { styles } from './keksi-embed.styles.js';

/**
 * @fires keksi-action - `allow` with the embed's categories, or `settings`
 * @csspart embed - the placeholder box
 * @csspart button - both buttons
 */
export class KeksiEmbed extends KeksiElement {
  static override styles = [base, styles];
  static override properties = {
    lang: { reflect: true },
    config: { attribute: false },
    categories: { attribute: false },
    width: { attribute: false },
    height: { attribute: false },
  };

  /** The controller's configuration (category titles). */
  config?: KeksiConfig;
  /** The categories the embed needs. */
  categories: string[] = [];
  /** The iframe's size, to keep the page from shifting when the content appears. */
  width: string | null = null;
  height: string | null = null;

  protected override updated(): void {
    const w = parseFloat(this.width || '');
    const h = parseFloat(this.height || '');
    if (w > 0) this.style.maxWidth = w + 'px';
    if (w > 0 && h > 0) this.style.aspectRatio = `${w} / ${h}`;
  }

  override render() {
    const lang = this.lang as Lang;
    const t = translations[lang] || translations.en;
    const views = this.config ? categoryViews(this.config, lang) : [];
    const names = this.categories.map((id) => (views.find((v) => v.id === id)?.title || id).toLowerCase()).join(', ');
    return html`<div part="embed" class="box embed" role="group" aria-label=${t.title}>
      <p>${t.embedText.replace('{c}', names)}</p>
      <button class="btn" part="button allow" @click=${() => sendAction(this, { action: 'allow', accepted: this.categories })}>
        ${t.embedAllow.replace('{c}', names)}
      </button>
      <button class="btn" part="button settings" @click=${() => sendAction(this, { action: 'settings' })}>${t.settings}</button>
    </div>`;
  }
}
