/** The one event the UI elements send up to `<keksi-consent>`: what the visitor did. */
export interface UiAction {
  action: 'accept-all' | 'reject-all' | 'save' | 'allow' | 'settings';
  /** For `save`: exactly these; for `allow`: these in addition. */
  accepted?: string[];
}

declare global {
  interface HTMLElementEventMap {
    'keksi-action': CustomEvent<UiAction>;
  }
}

/** Send a visitor's action up, out of the shadow root. */
export function sendAction(from: HTMLElement, detail: UiAction): void {
  from.dispatchEvent(new CustomEvent('keksi-action', { detail, bubbles: true, composed: true }));
}
