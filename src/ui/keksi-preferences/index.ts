/**
 * The dialog's chunk on the ES module build: `<keksi-preferences>` with what only it uses. Fetched when
 * the visitor reaches for "Customise" (pointer on it, press, focus), or when the dialog is asked for
 * (keksi-ui.ts), which then calls this with the UI chunk's kit: the chunk imports nothing of the UI
 * chunk (ui/kit.ts says why). It defines the element once, however often it is called.
 */
import { define } from '../../core/define.js';
import type { Kit } from '../kit.js';
import { preferences } from './keksi-preferences.js';

export type { KeksiPreferences } from './keksi-preferences.js';

let made = false;
export default (kit: Kit): void => {
  if (!made) define('keksi-preferences', preferences(kit));
  made = true;
};
