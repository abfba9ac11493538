/**
 * The UI chunk: Lit, the banner and the controller's UI half. Fetched only when something must be
 * shown; the dialog and the embed placeholders are chunks of their own (keksi-ui.ts fetches them).
 */
import { KeksiBanner } from './keksi-banner/keksi-banner.js';
import { define } from '../core/define.js';
import { KeksiUi } from './keksi-ui.js';

define('keksi-banner', KeksiBanner);

export { KeksiBanner, KeksiUi };
// The dialog's services by id, for the cookieconsent take-over (src/migration/cookieconsent.ts).
export { servicesOf, serviceId } from './views.js';
