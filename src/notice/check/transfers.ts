/**
 * Transfers outside the EU/EEA (GDPR 13(1)(f), chapter V): which safeguard a text names, and whether a
 * text says that data goes, or may go, abroad.
 */
import type { Concept } from './words.js';

/** Member states of the EU and the other EEA countries. */
export const EEA = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' ');

/** An adequacy decision (art. 45), the EU–US Data Privacy Framework, SCCs, BCRs (art. 46, 47) or an art. 49 derogation. */
export const MECHANISM: Concept = {
  fi: [
    '=riittävyyspäätö',
    'riittävä =tietosuoj',
    '=tietosuojakehy',
    '=vakiosopimuslausek',
    '=vakiolausek',
    '=mallisopimuslausek',
    '=mallilausek',
    '=yritystä =koskev =sitov',
    '=sitovat =yrityssään',
    '49 =artikl',
  ],
  sv: ['beslut =adekv', '=adekvat =skyddsnivå', '=standardavtalsklausul', '=standardklausul', 'bindande =företagsbestämm', '=dataskyddsram', '49 =artikel'],
  en: ['adequacy', 'privacy framework', 'standard contractual', 'binding corporate', 'bcr*', 'scc*', 'article 49', 'art 49'],
};

/** A sentence about moving data outside the EU/EEA. */
const ABROAD_FI = ['=eu', '=eta', '=euroop', '=yhdysval', '=kolmans'];
const ABROAD_SV = ['=eu', '=ees', '=europ', '=usa', '=tredje'];
export const TRANSFER: Concept = {
  fi: [...ABROAD_FI.map((w) => `=siir ${w}`), '=yhdysvall', '=usa'],
  sv: [...ABROAD_SV.map((w) => `=överf ${w}`), '=usa', 'förenta stat*'],
  en: ['transfer* eu', 'transfer* eea', 'transfer* europe*', 'transfer* third', 'transfer* outside', 'usa', 'united states'],
};

/** A plain "no": the sentence denies the transfer and names no exception. */
export const DENIED: Concept = {
  fi: ['ei', 'eivät', 'emme', 'en', 'ette'].map((no) => `${no} !=ellei !=paitsi !=mikäli !=jos !=voida !=saattaa`),
  sv: ['inte !=om !=utom !=såvida', 'inga !=om !=utom !=såvida'],
  en: ['not !unless !except !if !may', 'no !unless !except !if !may', 'never !unless !except !if !may'],
};
