/**
 * The one button row of the banner and the dialog. "Accept all" and "Reject all" come from the same
 * line of markup, so they cannot differ in size, style or place of honour; the third button (the
 * banner's "Customise", the dialog's "Save") is drawn as secondary, never smaller.
 */
import { html } from 'lit/html.js';
import type { Translation } from '../i18n/index.js';
import { sendAction, type UiAction } from './events.js';

/** The row; `detail` adds what the dialog sends with each action (the chosen categories). */
export function buttonRow(t: Translation, third: 'settings' | 'save', detail: () => Omit<UiAction, 'action'> = () => ({})) {
  const button = (action: UiAction['action'], label: string, look = '') =>
    // Sent from the pressed button (it bubbles out of the shadow root to the element's listeners): the dialog's opener is that button.
    html`<button class="btn ${look}" part="button ${action}" @click=${(e: Event) => sendAction(e.currentTarget as HTMLElement, { action, ...detail() })}>${label}</button>`;
  return html`<div class="btns">${button('accept-all', t.acceptAll)}${button('reject-all', t.rejectAll)}${button(third, t[third], 'secondary')}</div>`;
}
