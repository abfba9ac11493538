/** Notice typography: readable line length, quiet headings, print and dark mode. */
import { css } from '@lit/reactive-element/css-tag.js';

export const styles = css`
  /* The notice is page content: it takes the page's font and colours. */
  :host {
    display: block;
    max-width: var(--keksi-notice-max-width, 46rem);
    font: inherit;
    line-height: 1.6;
    color: inherit;
    --_muted: currentColor;
  }
  h1, h2, h3, h4, h5, h6 {
    line-height: 1.25;
    margin: 2rem 0 0.5rem;
    scroll-margin-top: 1rem;
  }
  h1 { font-size: 2rem; }
  h2 { font-size: 1.5rem; }
  h3 { font-size: 1.2rem; }
  h4, h5, h6 { font-size: 1.05rem; }
  [id]:focus { outline: none; }
  .meta { color: var(--_muted); font-size: 0.9375rem; margin-bottom: 0.25rem; }
  .toc { background: color-mix(in srgb, currentColor 6%, transparent); border-radius: var(--_radius); padding: 0.75rem 1rem; margin: 1rem 0; }
  .toc ol { margin: 0; padding-left: 1.5rem; columns: 2 16rem; }
  .toc li { padding: 1px 0; }
  ul { padding-left: 1.25rem; }
  .purposes > li { margin-bottom: 0.75rem; }
  .services { list-style: none; padding: 0; }
  .service { display: flex; flex-direction: column; margin-bottom: 0.75rem; }
  .muted { color: var(--_muted); }
  .consent { border: 2px solid var(--_accent); border-radius: var(--_radius); padding: 1rem; margin-top: 1.5rem; }
  .consent .btn { flex: none; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .error { border: 2px solid #b00020; color: #b00020; background: #fff; border-radius: var(--_radius); padding: 1rem; font-weight: 600; }
  @media (prefers-color-scheme: dark) {
    .error { background: #1d1d1f; color: #ffb4ab; border-color: #ffb4ab; }
  }
  @media print {
    .toc, .consent .btn { display: none; }
    :host { max-width: none; color: #000; }
    a { color: #000; }
    a[href^='http']::after { content: ' (' attr(href) ')'; font-size: 0.875em; }
  }
`;
