/**
 * Styles shared by the UI elements. Theming is public API: the custom properties below (with their
 * defaults) and the parts each element documents. Accept and reject use the one `.btn` style: equal
 * prominence is a legal requirement, not a design choice; settings and save are outlined, never smaller. The button
 * row is a grid of equal columns.
 *
 * Sizes are in `em` from `--keksi-font-size`, never `rem`: shadow DOM does not isolate the root font
 * size, and many themes (Shopify's Dawn) set `html { font-size: 62.5% }`. The default keeps a
 * visitor's larger default text size (`1rem` when above 16px).
 *
 * The text on the accent is computed from the accent's relative luminance (the `y` of CIE XYZ):
 * white below 0.18, black from there. Either way the contrast is at least 4.5:1 (white: 1.05 / 0.23;
 * black: 0.23 / 0.05), whatever accent a shop picks, in light and dark.
 */
import { css } from '@lit/reactive-element/css-tag.js';

export const base = css`
  :host {
    --_bg: var(--keksi-bg, #fff);
    --_fg: var(--keksi-fg, #1d1d1f);
    --_accent: var(--keksi-accent, #2b2b30);
    --_accent-fg: var(--keksi-accent-fg, #fff);
    --_muted: var(--keksi-muted, #53535a);
    --_focus: var(--keksi-focus, var(--_fg));
    --_radius: var(--keksi-radius, 10px);
    font: 400 var(--keksi-font-size, max(1rem, 16px)) / 1.5 var(--keksi-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--keksi-bg, #1d1d1f);
      --_fg: var(--keksi-fg, #f5f5f7);
      --_accent: var(--keksi-accent, #e8e8ed);
      --_accent-fg: var(--keksi-accent-fg, #1d1d1f);
      --_muted: var(--keksi-muted, #c0c0c8);
    }
  }
  @supports (color: color(from red xyz-d65 x y z)) {
    :host {
      --_on: clamp(0, (0.18 - y) * 1e6, 1);
      --_accent-fg: var(--keksi-accent-fg, color(from var(--_accent) xyz-d65 calc(var(--_on) * 0.9505) var(--_on) calc(var(--_on) * 1.089)));
    }
  }
  .box {
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_fg);
    border-radius: var(--_radius);
    box-shadow: 0 2px 24px #0005;
    padding: 1em 1.25em;
    /* Long Finnish and Swedish words break where the language allows (lang is set per language),
       and only a word wider than its line breaks anywhere. */
    hyphens: auto;
    overflow-wrap: break-word;
  }
  h2 {
    font-size: 1.125em;
    margin: 0 0 0.25em;
  }
  p {
    margin: 0 0 0.75em;
  }
  a {
    color: inherit;
    text-decoration: underline;
  }
  .btns {
    flex: none;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 7.5em), 1fr));
    gap: 0.5em;
    padding-top: 0.75em;
  }
  .btn {
    min-height: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_accent);
    color: var(--_accent-fg);
    font: inherit;
    font-weight: 600;
    hyphens: manual;
    cursor: pointer;
  }
  .secondary {
    background: transparent;
    color: inherit;
  }
  /* 400 % zoom and landscape phones: less padding, so the buttons and some text fit. */
  @media (max-height: 30em) {
    .box {
      padding: 0.5em 0.75em;
    }
    .btn {
      padding: 0.25em 0.5em;
    }
  }
  .btn:hover {
    filter: brightness(1.15) contrast(0.95);
  }
  /* Secondary, same size: the way to choose for oneself is never smaller than accept or reject. */
  .btn[part~='settings'],
  .btn[part~='save'] {
    background: transparent;
    color: inherit;
    border-color: currentColor;
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
  /* Windows high contrast and other forced colours: system colours, visible edges, rings in Highlight. */
  @media (forced-colors: active) {
    .box {
      border: 2px solid CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** The banner and the dialog are for the screen only (the embed placeholder prints as page content). */
export const screenOnly = css`
  :host {
    display: contents;
  }
  @media print {
    :host {
      display: none !important;
    }
  }
`;
