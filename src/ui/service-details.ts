/** How one service is described, in the preferences dialog and in the notice's cookie section alike. */
import type { html, nothing } from 'lit/html.js';
import type { Plural, Translation } from '../i18n/index.js';
import type { ServiceView } from './views.js';

/** "1 palvelu", "3 palvelua". */
export const counted = (n: number, [one, other]: Plural): string => `${n} ${n === 1 ? one : other}`;

/** A cookie's lifetime in human units: whole years, else months from two months on, else days. */
export const lifetime = (days: number, t: Translation): string =>
  days % 365 == 0 ? counted(days / 365, t.years) : days >= 60 ? counted(Math.round(days / 30.44), t.months) : counted(days, t.days);

/** Lit's tags, passed in: the dialog's chunk imports nothing of the UI chunk's (ui/kit.ts), the notice its own. */
export interface LitTags {
  _html: typeof html;
  _nothing: typeof nothing;
}

/**
 * Service details, shared with the notice's cookie section. The dialog passes the service's switch
 * (`control`), shown beside the name, which names it (`nameId`).
 */
export function serviceDetails({ _html: html, _nothing: nothing }: LitTags, s: ServiceView, t: Translation, control?: unknown, nameId?: string) {
  return html`<li class="service">
    ${control ? html`<span class="row"><strong id=${nameId!}>${s.name}</strong>${control}</span>` : html`<strong>${s.name}</strong>`}
    ${s.provider ? html`<span class="muted">${t.provider}: ${s.provider}</span>` : nothing}
    ${s.purpose ? html`<span>${s.purpose}</span>` : nothing}
    ${
      s.cookies.length
        ? html`<span>${t.cookies}: ${s.cookies.map((c, i) => html`${i ? ', ' : ''}<code>${c.name}</code> (${c.days ? lifetime(c.days, t) : t.session})`)}</span>`
        : nothing
    }
    ${s.outsideEu ? html`<span>${t.outsideEu}</span>` : nothing}
  </li>`;
}
