/** Dialog layout: a card whose middle scrolls between title and buttons, switches drawn from native checkboxes. */
import type { css as Css } from '@lit/reactive-element/css-tag.js';

/** Made with the UI chunk's css tag (ui/kit.ts). */
export const styles = (css: typeof Css) => css`
  dialog {
    width: min(40em, calc(100vw - 1em));
    max-height: calc(100vh - 1em);
    border: 0;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  .body {
    flex: 1 1 auto;
    min-height: 3em;
    overflow: auto;
    margin: 0 -0.5em;
    padding: 0 0.5em;
  }
  dialog::backdrop {
    background: #0008;
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1em;
  }
  .x {
    width: 44px;
    height: 44px;
    flex: none;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .x svg {
    width: 16px;
    height: 16px;
    stroke: currentColor;
    stroke-width: 2;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .cat {
    border-top: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    padding: 0.25em 0;
  }
  .cats {
    margin-bottom: 1em;
    container-type: inline-size;
  }
  /* On a narrow screen the switch (with the necessary category's "always on") wraps under a long title,
     still at the right, rather than break it. */
  .row,
  .sw {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  .sw {
    flex-wrap: nowrap;
    margin-left: auto;
    text-align: end;
  }
  /* On a phone "always on" goes under its switch, in smaller type: the switch stays on the row of the
     category's title, like every other switch, instead of both taking a row of their own. */
  @container (width < 25em) {
    .sw {
      flex-direction: column-reverse;
      gap: 0;
    }
    #on {
      font-size: 0.8125em;
      line-height: 1.2;
    }
  }
  .more {
    flex: 1;
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: 0.5em;
    min-height: 44px;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .more::before {
    content: '';
    width: 0.45em;
    height: 0.45em;
    margin: 0 0.25em;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: rotate(-45deg);
  }
  .more[aria-expanded='true']::before {
    transform: rotate(45deg);
  }
  .name {
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  input {
    appearance: none;
    flex: none;
    width: 48px;
    height: 28px;
    margin: 0;
    border-radius: 14px;
    border: 2px solid var(--_muted);
    background: var(--_bg);
    position: relative;
    cursor: pointer;
  }
  input::before {
    content: '';
    position: absolute;
    top: 3px;
    left: 3px;
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: var(--_muted);
  }
  input:checked {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  input:checked::before {
    left: 23px;
    background: var(--_accent-fg);
  }
  input:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  @media (prefers-reduced-motion: no-preference) {
    input::before {
      transition: left 0.15s;
    }
  }
  .service {
    display: flex;
    flex-direction: column;
    font-size: 0.9375em;
    margin: 0 0 0.75em 1em;
  }
  /* Forced colours: the switch keeps its own drawing in system colours. On and off differ by the
     knob's side and shape (a ring when off, a filled disc when on), never by colour alone. */
  @media (forced-colors: active) {
    input {
      forced-color-adjust: none;
      border-color: ButtonText;
      background: Canvas;
    }
    input::before {
      box-sizing: border-box;
      background: Canvas;
      border: 2px solid ButtonText;
    }
    input:checked {
      border-color: Highlight;
      background: Highlight;
    }
    input:checked::before {
      background: HighlightText;
      border-color: HighlightText;
    }
    input:disabled {
      border-color: GrayText;
      background: GrayText;
      opacity: 1;
    }
    input:disabled::before {
      background: Canvas;
      border-color: Canvas;
    }
    input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
