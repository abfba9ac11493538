/**
 * The dialog's chunk on the ES module build: `<keksi-preferences>` with what only it uses. Fetched
 * after the banner has painted (when the page is idle), as soon as the visitor reaches for the banner
 * (pointer down, focus), or when the dialog is asked for (keksi-ui.ts).
 */
import { define } from '../../core/define.js';
import { KeksiPreferences } from './keksi-preferences.js';

define('keksi-preferences', KeksiPreferences);

export { KeksiPreferences };
