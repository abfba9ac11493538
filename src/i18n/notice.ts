/**
 * Headings and standard texts of the privacy notice (`<keksi-notice>`), per language (from shared
 * COMPLIANCE.md). Only the notice bundle loads them.
 */
import type { Lang } from '../controller/config.js';
import type { LegalBasis, SectionId, TransferMechanism } from '../notice/types.js';

export interface NoticeTexts {
  headings: Record<SectionId, string>;
  bases: Record<LegalBasis, string>;
  /** Standard rights texts; the last one is the right to complain to the Data Protection Ombudsman. */
  rights: string[];
  /** Added when a purpose is consent-based. */
  withdraw: string;
  contents: string;
  updated: string;
  created: string;
  businessId: string;
  basis: string;
  legitimateInterest: string;
  manual: string;
  electronic: string;
  safeguards: string;
  /** The short name a party is given in the notice, after its name. */
  shortName: (name: string) => string;
  /** A recipient that processes data for the controller (art. 28). */
  processor: string;
  /** Lead-in of a recipient's transfer mechanism. */
  transferBasis: string;
  mechanisms: Record<TransferMechanism, string>;
  cookiesIntro: string;
  yourConsent: string;
  consentId: string;
  consentDate: string;
  consentAccepted: string;
  noConsent: string;
  change: string;
  loadError: string;
}

const fi: NoticeTexts = {
  headings: {
    controller: 'Rekisterinpitäjä',
    representative: 'Edustaja EU:ssa',
    dpo: 'Tietosuojavastaava',
    contact: 'Yhteyshenkilö rekisteriä koskevissa asioissa',
    register: 'Rekisterin nimi',
    purposes: 'Henkilötietojen käsittelyn tarkoitus ja oikeusperuste',
    data: 'Rekisterin tietosisältö',
    sources: 'Säännönmukaiset tietolähteet',
    recipients: 'Tietojen säännönmukaiset luovutukset',
    transfers: 'Tietojen siirto EU:n tai ETA:n ulkopuolelle',
    security: 'Rekisterin suojauksen periaatteet',
    retention: 'Tietojen säilytysaika',
    rights: 'Rekisteröidyn oikeudet',
    required: 'Tietojen antamisen pakollisuus',
    automated: 'Automaattinen päätöksenteko ja profilointi',
    cookies: 'Evästeet',
  },
  bases: {
    consent: 'suostumus',
    contract: 'sopimus',
    'legal-obligation': 'lakisääteinen velvoite',
    'vital-interests': 'elintärkeä etu',
    'public-task': 'yleinen etu',
    'legitimate-interests': 'oikeutettu etu',
  },
  rights: [
    'Sinulla on oikeus saada tietää, mitä tietoja sinusta käsitellään, ja saada niistä kopio.',
    'Sinulla on oikeus vaatia virheellisten tietojen oikaisemista ja tietojesi poistamista.',
    'Sinulla on oikeus vaatia käsittelyn rajoittamista ja vastustaa käsittelyä, myös suoramarkkinointia.',
    'Sinulla on oikeus saada antamasi tiedot koneluettavassa muodossa ja siirtää ne toiselle.',
    'Sinulla on oikeus tehdä valitus tietosuojavaltuutetulle (tietosuoja.fi), jos katsot, että tietojasi käsitellään lainvastaisesti.',
  ],
  withdraw: 'Kun käsittely perustuu suostumukseesi, voit peruuttaa sen milloin tahansa. Peruutus ei vaikuta aiemman käsittelyn lainmukaisuuteen.',
  contents: 'Sisällys',
  updated: 'Päivitetty',
  created: 'Laadittu',
  businessId: 'Y-tunnus',
  basis: 'Oikeusperuste',
  legitimateInterest: 'Oikeutettu etu',
  manual: 'Manuaalinen aineisto',
  electronic: 'Sähköinen aineisto',
  safeguards: 'Suojatoimet',
  shortName: (name) => `(jäljempänä ”${name}”)`,
  processor: 'henkilötietojen käsittelijä',
  transferBasis: 'Siirtoperuste',
  mechanisms: {
    adequacy: 'komission riittävyyspäätös',
    dpf: 'EU:n ja Yhdysvaltain tietosuojakehys (DPF)',
    scc: 'vakiosopimuslausekkeet',
    bcr: 'sitovat yrityssäännöt',
    derogation: 'tietosuoja-asetuksen 49 artikla',
  },
  cookiesIntro: 'Sivusto käyttää seuraavia evästeitä ja palveluja. Muut kuin välttämättömät otetaan käyttöön vain suostumuksellasi.',
  yourConsent: 'Oma evästesuostumuksesi',
  consentId: 'Suostumuksen tunniste',
  consentDate: 'Annettu',
  consentAccepted: 'Sallitut',
  noConsent: 'Et ole vielä tehnyt evästevalintaa.',
  change: 'Muuta evästeasetuksia',
  loadError: 'Tietosuojaselostetta ei voitu ladata.',
};

const sv: NoticeTexts = {
  headings: {
    controller: 'Personuppgiftsansvarig',
    representative: 'Företrädare i EU',
    dpo: 'Dataskyddsombud',
    contact: 'Kontaktperson',
    register: 'Registrets namn',
    purposes: 'Ändamål och rättslig grund för behandlingen',
    data: 'Registrets innehåll',
    sources: 'Regelmässiga uppgiftskällor',
    recipients: 'Regelmässiga utlämnanden av uppgifter',
    transfers: 'Överföring till länder utanför EU eller EES',
    security: 'Principer för skyddet av registret',
    retention: 'Lagringstid',
    rights: 'Den registrerades rättigheter',
    required: 'Skyldighet att lämna uppgifter',
    automated: 'Automatiserat beslutsfattande och profilering',
    cookies: 'Kakor',
  },
  bases: {
    consent: 'samtycke',
    contract: 'avtal',
    'legal-obligation': 'rättslig förpliktelse',
    'vital-interests': 'grundläggande intresse',
    'public-task': 'allmänt intresse',
    'legitimate-interests': 'berättigat intresse',
  },
  rights: [
    'Du har rätt att få veta vilka uppgifter om dig som behandlas och att få en kopia av dem.',
    'Du har rätt att kräva att felaktiga uppgifter rättas och att dina uppgifter raderas.',
    'Du har rätt att kräva att behandlingen begränsas och att invända mot den, också mot direktmarknadsföring.',
    'Du har rätt att få de uppgifter du lämnat i maskinläsbar form och att föra över dem till någon annan.',
    'Du har rätt att lämna in klagomål till dataombudsmannen (tietosuoja.fi) om du anser att dina uppgifter behandlas i strid med lagen.',
  ],
  withdraw: 'När behandlingen grundar sig på ditt samtycke kan du när som helst återkalla det. Återkallandet påverkar inte lagligheten av tidigare behandling.',
  contents: 'Innehåll',
  updated: 'Uppdaterad',
  created: 'Upprättad',
  businessId: 'FO-nummer',
  basis: 'Rättslig grund',
  legitimateInterest: 'Berättigat intresse',
  manual: 'Manuellt material',
  electronic: 'Elektroniskt material',
  safeguards: 'Skyddsåtgärder',
  shortName: (name) => `(nedan ”${name}”)`,
  processor: 'personuppgiftsbiträde',
  transferBasis: 'Grund för överföringen',
  mechanisms: {
    adequacy: 'kommissionens beslut om adekvat skyddsnivå',
    dpf: 'ramen för dataskydd mellan EU och USA (DPF)',
    scc: 'standardavtalsklausuler',
    bcr: 'bindande företagsbestämmelser',
    derogation: 'artikel 49 i dataskyddsförordningen',
  },
  cookiesIntro: 'Webbplatsen använder följande kakor och tjänster. Andra än nödvändiga används bara med ditt samtycke.',
  yourConsent: 'Ditt samtycke till kakor',
  consentId: 'Samtyckets id',
  consentDate: 'Givet',
  consentAccepted: 'Tillåtna',
  noConsent: 'Du har inte gjort något val om kakor ännu.',
  change: 'Ändra inställningar för kakor',
  loadError: 'Dataskyddsbeskrivningen kunde inte laddas.',
};

const en: NoticeTexts = {
  headings: {
    controller: 'Controller',
    representative: 'Representative in the EU',
    dpo: 'Data protection officer',
    contact: 'Contact person',
    register: 'Name of the register',
    purposes: 'Purposes and legal basis of processing',
    data: 'Personal data processed',
    sources: 'Sources of data',
    recipients: 'Recipients of data',
    transfers: 'Transfers outside the EU/EEA',
    security: 'How the data is protected',
    retention: 'Retention period',
    rights: 'Your rights',
    required: 'Whether you must provide data',
    automated: 'Automated decisions and profiling',
    cookies: 'Cookies',
  },
  bases: {
    consent: 'consent',
    contract: 'contract',
    'legal-obligation': 'legal obligation',
    'vital-interests': 'vital interests',
    'public-task': 'public task',
    'legitimate-interests': 'legitimate interests',
  },
  rights: [
    'You have the right to know what data about you is processed and to get a copy of it.',
    'You have the right to have wrong data corrected and your data erased.',
    'You have the right to have processing restricted and to object to it, including direct marketing.',
    'You have the right to get the data you gave us in a machine-readable form and to move it elsewhere.',
    'You have the right to complain to the Data Protection Ombudsman (tietosuoja.fi) if you think your data is processed unlawfully.',
  ],
  withdraw: 'Where processing is based on your consent, you can withdraw it at any time. This does not affect the lawfulness of earlier processing.',
  contents: 'Contents',
  updated: 'Updated',
  created: 'Written',
  businessId: 'Business ID',
  basis: 'Legal basis',
  legitimateInterest: 'Legitimate interest',
  manual: 'Paper records',
  electronic: 'Electronic records',
  safeguards: 'Safeguards',
  shortName: (name) => `(hereinafter “${name}”)`,
  processor: 'processor',
  transferBasis: 'Transfer safeguard',
  mechanisms: {
    adequacy: 'adequacy decision',
    dpf: 'EU–US Data Privacy Framework',
    scc: 'standard contractual clauses',
    bcr: 'binding corporate rules',
    derogation: 'art. 49 GDPR derogation',
  },
  cookiesIntro: 'The site uses the following cookies and services. Those that are not necessary are used only with your consent.',
  yourConsent: 'Your cookie consent',
  consentId: 'Consent ID',
  consentDate: 'Given',
  consentAccepted: 'Allowed',
  noConsent: 'You have not made a cookie choice yet.',
  change: 'Change cookie settings',
  loadError: 'The privacy notice could not be loaded.',
};

export const noticeTexts: Record<Lang, NoticeTexts> = { fi, sv, en };
