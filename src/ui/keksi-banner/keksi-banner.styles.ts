/**
 * Banner layout: a card at the bottom (default), top or centre; full width on a phone. The text scrolls
 * and the buttons do not: at 400 % zoom (320×256 CSS px) reject is as reachable as accept.
 */
import { css } from '@lit/reactive-element/css-tag.js';

export const styles = css`
  .banner {
    position: fixed;
    z-index: var(--keksi-z, 2147483000);
    inset: auto 0.5em 0.5em;
    max-width: 46em;
    max-height: calc(100vh - 1em);
    display: flex;
    flex-direction: column;
    overflow: hidden;
    margin: 0 auto;
  }
  .text {
    flex: 0 1 auto;
    min-height: 2.5em;
    overflow: auto;
    /* Room for the focus ring of the notice link inside the scroller. */
    margin: -4px;
    padding: 4px;
  }
  .top {
    inset: 0.5em 0.5em auto;
  }
  .center {
    inset: 0.5em;
    height: fit-content;
    margin: auto;
  }
  /* "Customise" while the dialog's chunk is on its way (keksi-ui.ts): a progress cursor and an ellipsis,
     not colour alone. */
  [aria-busy='true'] {
    cursor: progress;
  }
  [aria-busy='true']::after {
    content: '…';
  }
  .gpc {
    font-size: 0.9375em;
    color: var(--_muted);
  }
`;
