/**
 * The notice checker and validator. Pure functions, no DOM: used by `<keksi-notice>` (findings go to
 * the console), by the CLI (`npx keksi check notice.json`) and by tests.
 */
import { LEGAL_BASES, type Notice, type Party, type Text } from './types.js';

export interface Finding {
  severity: 'error' | 'warning' | 'info';
  /** The section the finding is about (a key of the notice format). */
  section: string;
  message: { fi: string; en: string };
  /** Where the requirement comes from, e.g. "GDPR 13(2)(a)". */
  reference: string;
}

const isText = (v: unknown): v is Text =>
  (typeof v === 'string' && v.length < 20000) ||
  (!!v && typeof v === 'object' && !Array.isArray(v) && Object.entries(v).every(([k, s]) => /^(fi|sv|en)$/.test(k) && typeof s === 'string'));
const isParty = (v: unknown): v is Party =>
  !!v && typeof v === 'object' && typeof (v as Party).name === 'string' &&
  ['businessId', 'address', 'email', 'phone', 'url'].every((k) => (v as Record<string, unknown>)[k] === undefined || typeof (v as Record<string, unknown>)[k] === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Keep what is valid of untrusted notice data. Returns the usable notice (null when nothing is) and a
 * description of each part that was dropped.
 */
export function validateNotice(data: unknown): { notice: Notice | null; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(data)) return { notice: null, problems: ['the notice is not a JSON object'] };
  if (data.version !== 1) problems.push(`version ${JSON.stringify(data.version)} is not 1; reading it as version 1`);
  const out: Record<string, unknown> = { version: 1 };
  const keep = (key: string, ok: (v: unknown) => boolean) => {
    if (data[key] === undefined) return;
    if (ok(data[key])) out[key] = data[key];
    else problems.push(`"${key}" is not valid and was left out`);
  };
  for (const key of ['title', 'intro', 'register', 'purposesText', 'data', 'sources', 'retention', 'required', 'automated', 'cookies']) keep(key, isText);
  for (const key of ['controller', 'contact', 'dpo']) keep(key, isParty);
  keep('lang', (v) => v === 'fi' || v === 'sv' || v === 'en');
  keep('updated', (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v));
  keep('created', (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v));
  keep('purposes', (v) => Array.isArray(v) && v.every((p) => isObject(p) && isText(p.purpose) &&
    (p.basis === undefined || [p.basis].flat().every((b) => LEGAL_BASES.includes(b as never))) && (p.legitimateInterest === undefined || isText(p.legitimateInterest))));
  keep('recipients', (v) => isObject(v) && (v.text === undefined || isText(v.text)) &&
    (v.list === undefined || (Array.isArray(v.list) && v.list.every((r) => isObject(r) && typeof r.name === 'string' && (r.role === undefined || isText(r.role)) && (r.country === undefined || /^[A-Z]{2}$/.test(String(r.country)))))));
  keep('transfers', (v) => isObject(v) && (v.outsideEu === undefined || typeof v.outsideEu === 'boolean') && [v.text, v.safeguards].every((t) => t === undefined || isText(t)));
  keep('security', (v) => isObject(v) && [v.text, v.manual, v.electronic].every((t) => t === undefined || isText(t)));
  keep('rights', (v) => isObject(v) && (v.standard === undefined || typeof v.standard === 'boolean') && [v.text, v.howTo].every((t) => t === undefined || isText(t)));
  keep('sections', (v) => Array.isArray(v) && v.every((s) => isObject(s) && isText(s.title) && isText(s.text)));
  if (!out.controller) problems.push('"controller" is missing or has no name');
  return { notice: out as unknown as Notice, problems };
}

/** Every text of a notice, lower-cased, for the checks that look for words. */
function allText(value: unknown): string {
  if (typeof value === 'string') return value.toLowerCase() + '\n';
  if (value && typeof value === 'object') return Object.values(value).map(allText).join('');
  return '';
}

/** Member states of the EU and the other EEA countries. */
const EEA = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' ');

/**
 * What a notice is missing or gets wrong, against GDPR art. 13 and Finnish practice.
 * @param options.cookieSection whether the page generates a cookie section (a `<keksi-consent>` is present)
 */
export function checkNotice(notice: Notice, options: { cookieSection?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], section: string, reference: string, fi: string, en: string) =>
    findings.push({ severity, section, reference, message: { fi, en } });
  const text = allText(notice);
  const has = (key: keyof Notice) => !!allText(notice[key]).trim();
  const purposes = notice.purposes || [];
  const bases = purposes.flatMap((p) => [p.basis || []].flat());
  const c = notice.controller;
  const standardRights = notice.rights?.standard !== false;
  const rightsText = allText(notice.rights);

  if (!c?.name) add('error', 'controller', 'GDPR 13(1)(a)', 'Rekisterinpitäjän nimi puuttuu.', 'The controller’s name is missing.');
  else if (!c.email && !c.phone && !c.address) {
    add('error', 'controller', 'GDPR 13(1)(a)', 'Rekisterinpitäjän yhteystiedot puuttuvat.', 'The controller’s contact details are missing.');
  }
  if (c && !c.businessId) add('info', 'controller', 'GDPR 13(1)(a)', 'Lisää yrityksen Y-tunnus, jotta rekisterinpitäjä on yksilöity.', 'Add the business ID so the controller is clearly identified.');
  if (!purposes.length) {
    add('error', 'purposes', 'GDPR 13(1)(c)', 'Käsittelyn tarkoitukset puuttuvat (purposes).', 'The purposes of processing are missing (purposes).');
  }
  purposes.forEach((p, i) => {
    if (!p.basis || ![p.basis].flat().length) {
      add('error', 'purposes', 'GDPR 13(1)(c)', `Tarkoitukselta ${i + 1} puuttuu oikeusperuste.`, `Purpose ${i + 1} has no legal basis.`);
    }
    if ([p.basis].flat().includes('legitimate-interests') && !p.legitimateInterest) {
      add('error', 'purposes', 'GDPR 13(1)(d)', `Tarkoituksen ${i + 1} oikeutettua etua ei ole kerrottu.`, `Purpose ${i + 1} does not say what the legitimate interest is.`);
    }
  });
  if (!has('retention')) {
    add('error', 'retention', 'GDPR 13(2)(a)', 'Säilytysaika tai sen määrittelyperusteet puuttuvat.', 'The retention period, or the criteria for it, is missing.');
  }
  if (!standardRights && !/tietosuojavaltuutet|dataombudsman|data protection ombudsman|valvontaviranom|tillsynsmyndighet|supervisory authority/.test(rightsText)) {
    add('error', 'rights', 'GDPR 13(2)(d)', 'Oikeus tehdä valitus tietosuojavaltuutetulle puuttuu.', 'The right to complain to the Data Protection Ombudsman is missing.');
  }
  if (!standardRights && !/oikaise|korja|rätta|rectif|correct/.test(rightsText)) {
    add('warning', 'rights', 'GDPR 13(2)(b)', 'Oikeus tietojen oikaisemiseen puuttuu.', 'The right to rectification is missing.');
  }
  if (!standardRights && !/siirt|portab|överför/.test(rightsText)) {
    add('warning', 'rights', 'GDPR 13(2)(b)', 'Oikeus siirtää tiedot järjestelmästä toiseen puuttuu.', 'The right to data portability is missing.');
  }
  if (!standardRights && bases.includes('consent') && !/peruut|peruu|återkall|withdraw/.test(rightsText)) {
    add('error', 'rights', 'GDPR 13(2)(c)', 'Käsittely perustuu suostumukseen, mutta oikeus peruuttaa suostumus puuttuu.', 'Processing is based on consent, but the right to withdraw it is missing.');
  }
  const abroad = (notice.recipients?.list || []).filter((r) => r.country && !EEA.includes(r.country));
  if ((abroad.length || notice.transfers?.outsideEu) && !(notice.transfers?.safeguards || (notice.transfers?.text && notice.transfers.outsideEu))) {
    add('error', 'transfers', 'GDPR 13(1)(f)', 'Tietoja siirretään EU:n/ETA:n ulkopuolelle, mutta siirrosta ja suojatoimista ei kerrota.',
      'Data goes outside the EU/EEA, but the transfer and its safeguards are not described.');
  }
  if (!has('transfers')) {
    add('warning', 'transfers', 'GDPR 13(1)(f)', 'Kerro, siirretäänkö tietoja EU:n/ETA:n ulkopuolelle.', 'Say whether data is transferred outside the EU/EEA.');
  }
  if (!has('recipients')) add('warning', 'recipients', 'GDPR 13(1)(e)', 'Tietojen vastaanottajat puuttuvat.', 'The recipients of the data are missing.');
  if (!has('required')) {
    add('warning', 'required', 'GDPR 13(2)(e)', 'Kerro, onko tietojen antaminen pakollista ja mitä seuraa, jos niitä ei anna.',
      'Say whether providing data is required and what happens if it is not provided.');
  }
  if (!has('automated')) {
    add(/profiloi|profiler|profiling/.test(text) ? 'error' : 'warning', 'automated', 'GDPR 13(2)(f)',
      'Kerro, tehdäänkö automaattisia päätöksiä tai profilointia.', 'Say whether automated decisions or profiling take place.');
  }
  if (!has('data')) add('info', 'data', 'GDPR 14(1)(d); hyvä käytäntö', 'Kerro, mitä tietoja käsitellään.', 'Say which personal data is processed.');
  if (!has('sources')) add('info', 'sources', 'GDPR 14(2)(f); hyvä käytäntö', 'Kerro, mistä tiedot saadaan.', 'Say where the data comes from.');
  if (!has('security')) add('info', 'security', 'GDPR 32; hyvä käytäntö', 'Kerro, miten tiedot suojataan.', 'Say how the data is protected.');
  if (!notice.updated) add('warning', 'updated', 'GDPR 12(1)', 'Päivityspäivä puuttuu.', 'The date of the last update is missing.');
  if (/523\/1999|henkilötietolai|henkilötietolaki|personuppgiftslagen/.test(text)) {
    add('warning', 'references', 'Tietosuojalaki 1050/2018', 'Seloste viittaa kumottuun henkilötietolakiin (523/1999); nykyiset säädökset ovat EU:n tietosuoja-asetus ja tietosuojalaki (1050/2018).',
      'The notice refers to the repealed Personal Data Act (523/1999); the rules now are the GDPR and the Data Protection Act (1050/2018).');
  }
  if (/käyttämällä (sivustoa|palvelua)[^.]*hyväksyt|by using (this|the) (site|website)[^.]*(agree|accept)|genom att använda webbplatsen[^.]*godkänner/.test(text)) {
    add('error', 'cookies', 'Tietoyhteiskuntakaari 205 §; EDPB 05/2020', 'Sivuston käyttäminen ei ole suostumus: poista lause, jonka mukaan käyttämällä sivustoa hyväksyy evästeet.',
      'Using the site is not consent: remove the sentence saying that using the site accepts cookies.');
  }
  if (/selaime\w* asetu|selainasetu|webbläsarens inställningar|browser settings/.test(allText(notice.cookies))) {
    add('warning', 'cookies', 'EDPB 05/2020; Traficom', 'Selaimen asetukset eivät korvaa suostumusta; kerro evästebannerista ja asetuksista.',
      'Browser settings do not replace consent; point to the cookie banner and settings.');
  }
  if (/eväst|cookie|kakor|google analytics|facebook|pixel/.test(text) && !options.cookieSection && !has('cookies')) {
    add('warning', 'cookies', 'Tietoyhteiskuntakaari 205 §', 'Seloste mainitsee evästeet, mutta evästetiedot puuttuvat. Lisää <keksi-consent> sivulle tai täytä cookies.',
      'The notice mentions cookies but has no cookie information. Put <keksi-consent> on the page or fill in cookies.');
  }
  return findings;
}
