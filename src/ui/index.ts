/**
 * The UI chunk: Lit, the elements a visitor sees and the controller's UI half. Fetched only when
 * something must be shown.
 */
import { KeksiBanner } from '../components/keksi-banner/keksi-banner.js';
import { KeksiEmbed } from '../components/keksi-embed/keksi-embed.js';
import { KeksiPreferences } from '../components/keksi-preferences/keksi-preferences.js';
import { define } from '../define.js';
import { KeksiUi } from './controller.js';

define('keksi-banner', KeksiBanner);
define('keksi-preferences', KeksiPreferences);
define('keksi-embed', KeksiEmbed);

export { KeksiBanner, KeksiEmbed, KeksiPreferences, KeksiUi };
