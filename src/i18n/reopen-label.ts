/**
 * The label of the floating button that reopens the preferences (the dialog's own title: `prefsTitle`
 * in the language files). The core and the controller show that button without the UI's translation tables, so
 * this text has its own module, in the core.
 */
import type { Lang } from '../core/lang.js';

export const REOPEN_LABEL: Record<Lang, string> = { fi: 'Evästeasetukset', sv: 'Inställningar för kakor', en: 'Cookie settings' };
