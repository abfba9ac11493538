/** How one service is described, in the preferences dialog and in the notice's cookie section alike. */
import { html, nothing } from 'lit/html.js';
import type { Translation } from '../i18n/index.js';
import type { ServiceView } from './views.js';

/** Service details, shared with the notice's cookie section. */
export function serviceDetails(s: ServiceView, t: Translation) {
  return html`<li class="service">
    <strong>${s.name}</strong>
    ${s.provider ? html`<span class="muted">${t.provider}: ${s.provider}</span>` : nothing}
    ${s.purpose ? html`<span>${s.purpose}</span>` : nothing}
    ${s.cookies.length
      ? html`<span>${t.cookies}: ${s.cookies.map((c, i) => html`${i ? ', ' : ''}<code>${c.name}</code> (${c.days ? `${c.days} ${t.days}` : t.session})`)}</span>`
      : nothing}
    ${s.outsideEu ? html`<span>${t.outsideEu}</span>` : nothing}
  </li>`;
}

