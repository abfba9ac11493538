/**
 * Placeholder layout: fills the embed's box (the iframe's aspect ratio, set on the host) so the page
 * does not shift when the content appears, and grows past it rather than overflow when the text needs
 * more room (a narrow phone, WCAG 1.4.12 text spacing): an aspect-ratio box's automatic minimum height
 * is its content's. Centred only while the content fits (`safe`), so it never spills over the heading above.
 */
import type { css as Css } from '@lit/reactive-element/css-tag.js';

/** Made with the UI chunk's css tag (ui/kit.ts). */
export const styles = (css: typeof Css) => css`
  :host {
    display: flex;
    flex-direction: column;
  }
  .embed {
    display: flex;
    flex: 1 0 auto;
    flex-direction: column;
    justify-content: safe center;
    gap: 0.5em;
    box-shadow: none;
    border: 1px solid var(--_muted);
  }
  .embed p {
    margin: 0;
  }
  .btn {
    flex: none;
  }
  @media (forced-colors: active) {
    .embed {
      border: 2px solid CanvasText;
    }
  }
`;
