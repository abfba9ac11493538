/** Banner layout: a card at the bottom (default), top or centre; full width on a phone. */
import { css } from '@lit/reactive-element/css-tag.js';

export const styles = css`
  .banner {
    position: fixed;
    z-index: var(--keksi-z, 2147483000);
    inset: auto 0.5em 0.5em;
    max-width: 46em;
    max-height: calc(100vh - 1em);
    overflow: auto;
    margin: 0 auto;
  }
  .top {
    inset: 0.5em 0.5em auto;
  }
  .center {
    inset: 0.5em;
    height: fit-content;
    margin: auto;
  }
  .gpc {
    font-size: 0.9375em;
    color: var(--_muted);
  }
`;
