/** Placeholder layout: fills the embed's box so the page does not shift when the content appears. */
import { css } from '@lit/reactive-element/css-tag.js';

export const styles = css`
  :host {
    display: block;
  }
  .embed {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.5rem;
    height: 100%;
    box-shadow: none;
    border: 1px solid var(--_muted);
  }
  .btn {
    flex: none;
  }
`;
