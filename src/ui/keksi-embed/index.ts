/**
 * The placeholders' chunk on the ES module build: `<keksi-embed>`, fetched for the first blocked iframe
 * (keksi-ui.ts), which then calls this with the UI chunk's kit: the chunk imports nothing of the UI
 * chunk (ui/kit.ts says why). It defines the element once, however often it is called.
 */
import { define } from '../../core/define.js';
import type { Kit } from '../kit.js';
import { embed } from './keksi-embed.js';

export type { KeksiEmbed } from './keksi-embed.js';

let made = false;
export default (kit: Kit): void => {
  if (!made) define('keksi-embed', embed(kit));
  made = true;
};
