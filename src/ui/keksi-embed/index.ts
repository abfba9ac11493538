/** The placeholders' chunk on the ES module build: `<keksi-embed>`, fetched for the first blocked iframe (keksi-ui.ts). */
import { define } from '../../core/define.js';
import { KeksiEmbed } from './keksi-embed.js';

define('keksi-embed', KeksiEmbed);

export { KeksiEmbed };
