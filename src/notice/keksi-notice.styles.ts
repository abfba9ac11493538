/** Notice typography: readable line length, quiet headings, print and dark mode. */
import { css } from '@lit/reactive-element/css-tag.js';

export const styles = css`
  /* The notice is page content: it takes the page's font, text size and colours, like the shop's other
     pages (sizes in em, never rem: themes set html { font-size: 62.5% } and size their text in rem). */
  :host {
    display: block;
    max-width: var(--keksi-notice-max-width, 46em);
    hyphens: auto;
    font: inherit;
    line-height: 1.6;
    color: inherit;
    --_muted: currentColor;
    --_focus: var(--keksi-focus, currentColor);
  }
  h1, h2, h3, h4, h5, h6 {
    line-height: 1.25;
    margin: 1.5em 0 0.5em;
    scroll-margin-top: 1em;
  }
  h1 { font-size: 2em; }
  h2 { font-size: 1.5em; }
  h3 { font-size: 1.2em; }
  h4, h5, h6 { font-size: 1.05em; }
  [id]:focus { outline: none; }
  .meta { color: var(--_muted); font-size: 0.9375em; margin-bottom: 0.25em; }
  .toc { background: color-mix(in srgb, currentColor 6%, transparent); border-radius: var(--_radius); padding: 0.75em 1em; margin: 1em 0; }
  .toc ol { margin: 0; padding-left: 1.5em; columns: 2 16em; }
  .toc li { padding: 1px 0; }
  ul { padding-left: 1.25em; }
  .purposes > li { margin-bottom: 0.75em; }
  .services { list-style: none; padding: 0; }
  .service { display: flex; flex-direction: column; margin-bottom: 0.75em; }
  .muted { color: var(--_muted); }
  .consent { border: 2px solid var(--_accent); border-radius: var(--_radius); padding: 1em; margin-top: 1.5em; }
  .consent .btn { flex: none; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 1em; margin: 0 0 1em; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .error { border: 2px solid #b00020; color: #b00020; background: #fff; border-radius: var(--_radius); padding: 1em; font-weight: 600; }
  @media (prefers-color-scheme: dark) {
    .error { background: #1d1d1f; color: #ffb4ab; border-color: #ffb4ab; }
  }
  @media (forced-colors: active) {
    .toc, .consent, .error { border: 2px solid CanvasText; }
  }
  @media print {
    .toc, .consent .btn { display: none; }
    :host { max-width: none; color: #000; }
    a { color: #000; }
    a[href^='http']::after { content: ' (' attr(href) ')'; font-size: 0.875em; }
  }
`;
