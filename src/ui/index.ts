/**
 * The UI chunk: Lit, the elements a visitor sees and the controller's UI half. Fetched only when
 * something must be shown.
 */
import { KeksiBanner } from './keksi-banner/keksi-banner.js';
import { KeksiEmbed } from './keksi-embed/keksi-embed.js';
import { KeksiPreferences } from './keksi-preferences/keksi-preferences.js';
import { define } from '../core/define.js';
import { KeksiUi } from './keksi-ui.js';

define('keksi-banner', KeksiBanner);
define('keksi-preferences', KeksiPreferences);
define('keksi-embed', KeksiEmbed);

export { KeksiBanner, KeksiEmbed, KeksiPreferences, KeksiUi };
// The dialog's services by id, for the cookieconsent take-over (src/migration/cookieconsent.ts).
export { servicesOf, serviceId } from './views.js';
