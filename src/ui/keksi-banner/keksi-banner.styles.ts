/**
 * Banner layout: a card at the bottom (default), top or centre; full width on a phone. The text scrolls
 * and the buttons do not: at 400 % zoom (320×256 CSS px) reject is as reachable as accept.
 */
import { css } from '@lit/reactive-element/css-tag.js';

export const styles = css`
  .banner {
    position: fixed;
    z-index: var(--keksi-z, 2147483000);
    inset: auto 0.5rem 0.5rem;
    max-width: 46rem;
    max-height: calc(100vh - 1rem);
    display: flex;
    flex-direction: column;
    overflow: hidden;
    margin: 0 auto;
  }
  .text {
    flex: 0 1 auto;
    min-height: 2.5rem;
    overflow: auto;
    /* Room for the focus ring of the notice link inside the scroller. */
    margin: -4px;
    padding: 4px;
  }
  .top {
    inset: 0.5rem 0.5rem auto;
  }
  .center {
    inset: 0.5rem;
    height: fit-content;
    margin: auto;
  }
  .gpc {
    font-size: 0.9375rem;
    color: var(--_muted);
  }
`;
