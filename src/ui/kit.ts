/**
 * What the dialog's and the placeholders' chunks take from the UI chunk: Lit's tags, the base element,
 * the shared styles, views and texts. They import none of it: each exports a function of this kit,
 * which keksi-ui.ts calls when it has loaded the chunk (`export default (kit) => …`), so they work
 * with the UI chunk that is running, also one fetched again at a new address after a failed load
 * (entry/chunk.ts); an import of the UI chunk by its first address would be that failure, or a second copy.
 * The keys start with `_`: the build shortens them alike in the three chunks (rollup.config.mjs, `esmMin`).
 */
import { css } from '@lit/reactive-element/css-tag.js';
import { html, nothing } from 'lit/html.js';
import { textsFor } from '../i18n/index.js';
import { buttonRow } from './button-row.js';
import { KeksiElement } from './element.js';
import { sendAction } from './events.js';
import { base, screenOnly } from './styles.js';
import { categoryViews, listOf } from './views.js';

export const kit = {
  _html: html,
  _nothing: nothing as typeof nothing,
  _css: css,
  _keksiElement: KeksiElement,
  _base: base,
  _screenOnly: screenOnly,
  _buttonRow: buttonRow,
  _sendAction: sendAction,
  _textsFor: textsFor,
  _categoryViews: categoryViews,
  _listOf: listOf,
};
export type Kit = typeof kit;
