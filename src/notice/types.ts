/**
 * The notice format, version 1: a shop's privacy notice (tietosuojaseloste) as data. Covers GDPR
 * art. 13 and the customary Finnish sections. Every text may be a plain string (in the notice's
 * `lang`) or `{ fi, sv, en }`. Texts are plain text: blank lines separate paragraphs, lines starting
 * with "- " form lists, `**bold**`, `[text](url)` and bare http(s) links and e-mail addresses become
 * safe links. No HTML is ever taken from the data. JSON Schema: schema/notice.schema.json.
 */
import type { LocalText } from '../core/options.js';

export type Text = LocalText;

/** GDPR art. 6(1) legal bases. */
export type LegalBasis = 'consent' | 'contract' | 'legal-obligation' | 'vital-interests' | 'public-task' | 'legitimate-interests';
export const LEGAL_BASES: readonly LegalBasis[] = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'];

/** A person or organisation with contact details. */
export interface Party {
  name: string;
  /** Company form: "Oy", "Oyj", "Ay", "Ky", "Tmi", "Ab", "Ltd" …; shown after the name unless the name ends with it. */
  legalForm?: string;
  /** The short name the notice defines for the party ("jäljempänä 'Yritys'", "nedan 'Bolaget'", "hereinafter 'the Company'"). */
  shortName?: string;
  /** Y-tunnus / FO-nummer / business ID. */
  businessId?: string;
  address?: string;
  email?: string;
  phone?: string;
  url?: string;
}

export interface Purpose {
  purpose: Text;
  /** Legal basis (art. 6(1)); required for each purpose. */
  basis?: LegalBasis | LegalBasis[];
  /** With `legitimate-interests`: what the interest is (art. 13(1)(d)). */
  legitimateInterest?: Text;
}

/**
 * The safeguard for a transfer outside the EU/EEA (GDPR art. 44–49): an adequacy decision (45), the EU–US
 * Data Privacy Framework (an adequacy decision of 2023, for certified US companies), standard contractual
 * clauses (46(2)(c)), binding corporate rules (47) or a derogation of art. 49.
 */
export type TransferMechanism = 'adequacy' | 'dpf' | 'scc' | 'bcr' | 'derogation';
export const TRANSFER_MECHANISMS: readonly TransferMechanism[] = ['adequacy', 'dpf', 'scc', 'bcr', 'derogation'];

export interface Recipient {
  name: string;
  /** What they do, e.g. "verkkokauppa-alusta" (processor) or "kirjanpitäjä". */
  role?: Text;
  /** ISO 3166 country code where they process the data, e.g. "FI", "US". */
  country?: string;
  /** A processor acting for the controller (art. 28), not a recipient on its own account. */
  processor?: boolean;
  /** For a recipient outside the EU/EEA: the transfer's safeguard (art. 13(1)(f)). */
  mechanism?: TransferMechanism;
  /** More on the safeguard, e.g. where a copy of the clauses is available. */
  mechanismText?: Text;
}

export interface Notice {
  $schema?: string;
  /** Format version: 1. */
  version: 1;
  /** Language of the plain-string texts. */
  lang?: 'fi' | 'sv' | 'en';
  title?: Text;
  intro?: Text;
  /** Last updated (ISO date, YYYY-MM-DD). */
  updated?: string;
  /** First written (laatimispäivä). */
  created?: string;
  controller: Party;
  /** The controller's representative in the EU (art. 27), for a controller established outside it. */
  representative?: Party;
  contact?: Party;
  dpo?: Party;
  /** Name of the register (Rekisterin nimi). */
  register?: Text;
  purposes?: Purpose[];
  /** Free text about the purposes, shown before the list. */
  purposesText?: Text;
  /** Categories of personal data (Rekisterin tietosisältö). */
  data?: Text;
  sources?: Text;
  recipients?: { text?: Text; list?: Recipient[] };
  transfers?: { outsideEu?: boolean; text?: Text; safeguards?: Text };
  security?: { text?: Text; manual?: Text; electronic?: Text };
  retention?: Text;
  rights?: {
    /** Include Keksi's standard texts on all rights (default true). */
    standard?: boolean;
    /** The shop's own text on rights (shown after the standard texts). */
    text?: Text;
    /** How to use the rights: whom to contact and how. */
    howTo?: Text;
  };
  /** Whether the visitor must provide the data, and what follows if not (art. 13(2)(e)). */
  required?: Text;
  /** Automated decisions and profiling (art. 13(2)(f)). */
  automated?: Text;
  /** The shop's own text about cookies; the cookie details are generated from <keksi-consent>. */
  cookies?: Text;
  /** Further sections, in order, after the standard ones. */
  sections?: { title: Text; text: Text }[];
  /**
   * The shop's own heading for a standard section, shown instead of Keksi's; the section stays the
   * standard one (the checker reads it as such). `keksi import` keeps the headings of the notice it reads.
   */
  headings?: Partial<Record<SectionId, Text>>;
}

/** Section ids, in the order they are shown. */
export const SECTION_ORDER = [
  'controller',
  'representative',
  'dpo',
  'contact',
  'register',
  'purposes',
  'data',
  'sources',
  'recipients',
  'transfers',
  'security',
  'retention',
  'rights',
  'required',
  'automated',
  'cookies',
] as const;
export type SectionId = (typeof SECTION_ORDER)[number];
