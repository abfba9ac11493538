/**
 * Styles shared by the UI elements. Theming is public API: the custom properties below (with their
 * defaults) and the parts each element documents. Accept and reject use the one `.btn` style: equal
 * prominence is a legal requirement, not a design choice. The button row is a grid of equal columns.
 */
import { css } from '@lit/reactive-element/css-tag.js';

export const base = css`
  :host {
    --_bg: var(--keksi-bg, #fff);
    --_fg: var(--keksi-fg, #1d1d1f);
    --_accent: var(--keksi-accent, #1a5fb4);
    --_accent-fg: var(--keksi-accent-fg, #fff);
    --_muted: var(--keksi-muted, #53535a);
    --_focus: var(--keksi-focus, #1a5fb4);
    --_radius: var(--keksi-radius, 10px);
    font: 400 1rem/1.5 var(--keksi-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--keksi-bg, #1d1d1f);
      --_fg: var(--keksi-fg, #f5f5f7);
      --_accent: var(--keksi-accent, #99c1f1);
      --_accent-fg: var(--keksi-accent-fg, #1d1d1f);
      --_muted: var(--keksi-muted, #c0c0c8);
      --_focus: var(--keksi-focus, #99c1f1);
    }
  }
  .box {
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_fg);
    border-radius: var(--_radius);
    box-shadow: 0 2px 24px #0005;
    padding: 1rem 1.25rem;
  }
  h2 {
    font-size: 1.125rem;
    margin: 0 0 0.25rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  a {
    color: inherit;
    text-decoration: underline;
  }
  .btns {
    flex: none;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 7.5rem), 1fr));
    gap: 0.5rem;
    padding-top: 0.75rem;
  }
  .btn {
    min-height: 44px;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_accent);
    color: var(--_accent-fg);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .secondary {
    background: transparent;
    color: inherit;
  }
  /* 400 % zoom and landscape phones: less padding, so the buttons and some text fit. */
  @media (max-height: 30em) {
    .box {
      padding: 0.5rem 0.75rem;
    }
    .btn {
      padding: 0.25rem 0.5rem;
    }
  }
  .btn:hover {
    filter: brightness(1.1);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .box {
      animation: keksi-in 0.2s ease-out;
    }
  }
  @keyframes keksi-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
`;
