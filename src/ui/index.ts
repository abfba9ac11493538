/**
 * The UI chunk: Lit and the elements a visitor sees. Fetched only when something must be shown.
 */
import { KeksiBanner } from '../components/keksi-banner/keksi-banner.js';
import { KeksiEmbed } from '../components/keksi-embed/keksi-embed.js';
import { KeksiPreferences } from '../components/keksi-preferences/keksi-preferences.js';
import { define } from '../define.js';

define('keksi-banner', KeksiBanner);
define('keksi-preferences', KeksiPreferences);
define('keksi-embed', KeksiEmbed);

export { KeksiBanner, KeksiEmbed, KeksiPreferences };
