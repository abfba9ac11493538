/**
 * `keksi import`: a shop's existing privacy notice (plain text, markdown, markdown tables with HTML
 * cells, or HTML) into the notice format. Pure string processing, no DOM and nothing executed, so the
 * same module runs in Node (bin/keksi.mjs) and in the browser (the configurator).
 *
 * The traditional Finnish headings and their Swedish and English counterparts map to the standard
 * sections; any other heading becomes a custom section under the shop's own heading. Text is kept
 * verbatim and nothing is invented: no legal basis, no recipients list, no standard rights texts
 * (`rights.standard` is false), so the checker judges the shop's own words.
 */
import { noticeTexts } from '../i18n/notice.js';
import type { Notice, Party, SectionId } from './types.js';

export type ImportFormat = 'text' | 'markdown' | 'html';

export interface ImportResult {
  notice: Notice;
  /** Each heading read (as written) and the field it went to, in order. */
  mapped: { heading: string; field: string }[];
  /** The headings (as written) kept as the shop's own sections. */
  custom: string[];
}

type Lang = 'fi' | 'sv' | 'en';
/** A field of the notice a heading's text goes to: a section, or one part of it. */
type Field = SectionId | 'security.manual' | 'security.electronic';

/** The reader for a file name: .html/.htm, .md/.markdown, anything else plain text. */
export function formatOf(fileName: string): ImportFormat {
  return /\.html?$/i.test(fileName) ? 'html' : /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
}

// Headings, matched at the start of the heading's normalised text (lower case, no numbering or markup).
// The first match wins: the order settles overlaps ("rekisterinpitäjän edustaja" before "rekisterinpitäjä").
const HEADINGS: [Field, Lang, RegExp][] = [
  ['representative', 'fi', /^(rekisterinpitäjän )?edustaja\b|^eu-edustaja/],
  ['representative', 'sv', /^(den personuppgiftsansvariges )?företrädare\b/],
  ['representative', 'en', /^(eu |the controller's )?representative\b/],
  ['dpo', 'fi', /^tietosuojavastaava/],
  ['dpo', 'sv', /^dataskyddsombud/],
  ['dpo', 'en', /^(the )?data protection officer|^dpo\b/],
  ['controller', 'fi', /^(henkilötietojen )?rekisterin ?pitäjä|^rekisterin omistaja/],
  ['controller', 'sv', /^(den )?personuppgiftsansvarig|^register(ansvarig|förare|hållare)/],
  ['controller', 'en', /^(the )?(data )?controller\b|^who (is responsible|we are)\b/],
  ['contact', 'fi', /^(rekisteriasioiden )?yhteyshenkilö|^yhteystiedot/],
  ['contact', 'sv', /^kontakt(person|uppgifter)/],
  ['contact', 'en', /^contact( person| details| us)?\b/],
  ['register', 'fi', /^rekisterin nimi/],
  ['register', 'sv', /^registrets namn/],
  ['register', 'en', /^(the )?(name of the register|register name)/],
  ['retention', 'fi', /^(tietojen |henkilötietojen )?(säilytys|säilyttäminen)|^(tietojen |henkilötietojen )?käsittelyn kesto|^kuinka kauan/],
  ['retention', 'sv', /^lagring|^hur länge|^bevarande/],
  ['retention', 'en', /^(data )?retention\b|^how long\b|^storage (period|of (personal )?data)/],
  [
    'purposes',
    'fi',
    /^(henkilötietojen |tietojen )?(käsittelyn |käytön )?(käyttö)?(tarkoitu|oikeusperust|perust)|^(henkilötietojen )?käsittelyperust|^rekisterin (käyttö)?tarkoitu/,
  ],
  ['purposes', 'sv', /^(ändamål|syfte|rättslig grund|grund för behandling|behandlingens (ändamål|syfte|rättsliga grund))/],
  ['purposes', 'en', /^(the )?(purposes?|legal basis|lawful basis)\b|^why we process/],
  [
    'data',
    'fi',
    /^(rekisterin )?(tieto)?sisältö|^rekisterin (sisältämät|tietosisältö)|^rekisteriin (talletettavat|tallennettavat|kerättävät|kuuluvat)|^(käsiteltävät|kerättävät|käsittelemämme|keräämämme) (henkilö)?tiedot|^(henkilö)?tietoryhmät|^mitä tietoja/,
  ],
  [
    'data',
    'sv',
    /^registrets (data|uppgifts)?innehåll|^(uppgifts|data)innehåll|^(kategorier av )?personuppgifter (som behandlas|vi behandlar)|^kategorier av personuppgifter|^vilka (person)?uppgifter/,
  ],
  ['data', 'en', /^(personal )?data (processed|we (collect|process))|^categories of (personal )?data|^what (personal )?data/],
  [
    'sources',
    'fi',
    /^(säännönmukaiset )?tietolähteet|^mistä tiedot saadaan|^miten tieto(a|ja)? (kerätään|saadaan)|^(henkilö)?tietojen (lähteet|kerääminen|keruu)/,
  ],
  ['sources', 'sv', /^(regelmässiga )?(uppgifts|informations|data)?källor|^varifrån/],
  ['sources', 'en', /^(the )?sources?\b|^where (the data comes|we get)/],
  [
    'transfers',
    'fi',
    /^(tietojen |henkilötietojen )?(siirto|siirrot|siirtäminen|luovutus ja siirto|luovutukset ja siirrot)\b.*\b(eu|eta|euroopan|ulkopuol|kolmansiin)|^(eu|eta):n ulkopuol/,
  ],
  ['transfers', 'sv', /^överföring(ar)?\b.*\b(eu|ees|tredje)|^(överföring till )?tredje ?land/],
  ['transfers', 'en', /^(international )?transfers?\b/],
  [
    'recipients',
    'fi',
    /^(tietojen |henkilötietojen )?(säännönmukaiset )?(luovutu|luovuttaminen|vastaanottaj)|^kenelle tietoja|^(henkilötietojen )?käsittelijät/,
  ],
  ['recipients', 'sv', /^(regelmässiga )?utlämnand|^mottagare|^personuppgiftsbiträden/],
  ['recipients', 'en', /^(the )?recipients?\b|^(disclosures?|sharing)\b|^who (we share|receives)|^processors\b/],
  ['security', 'fi', /^(rekisterin |tietojen |henkilötietojen )?(suojau|suojaaminen|suojaamisen|tietoturva)/],
  ['security', 'sv', /^(principer för )?skydd(et)?\b|^registrets skydd|^(data|informations)säkerhet/],
  ['security', 'en', /^(data )?security\b|^how (the data is|we|your data is) protect|^protection of (personal )?data/],
  [
    'rights',
    'fi',
    /^(rekisteröidyn|rekisteröityjen|asiakkaan|käyttäjän|sinun) oikeudet|^tarkastusoikeus|^oikeus\b|^oikeudet\b|^muut (henkilötietojen käsittelyyn liittyvät )?oikeudet|^(kielto|oikaisu|valitus|tarkastus|vastustamis|poisto|siirto)-?oikeus/,
  ],
  ['rights', 'sv', /^(den registrerades|dina|kundens) rättigheter|^rätt(en)? (att|till)\b|^(gransknings|rättelse|invändnings)rätt/],
  ['rights', 'en', /^(your|the data subject'?s?|data subject'?s?) rights|^rights? (of|to)\b/],
  ['required', 'fi', /^tietojen antamisen (pakollisuus|vapaaehtoisuus)|^(onko )?tietojen antaminen/],
  ['required', 'sv', /^skyldighet att lämna/],
  ['required', 'en', /^whether you must|^(obligation|requirement) to provide/],
  ['automated', 'fi', /^automaattinen päätöksenteko|^automaattiset päätökset|^profilointi/],
  ['automated', 'sv', /^automatiserat beslutsfattande|^profilering/],
  ['automated', 'en', /^automated decision|^profiling\b/],
  ['cookies', 'fi', /^eväste(et|käytäntö|iden käyttö)(?![a-zåäö])/],
  ['cookies', 'sv', /^kakor\b/],
  ['cookies', 'en', /^cookies?\b/],
];
/** The document's own title ("Tietosuojaseloste – Asiakasrekisteri"), not a section. */
const TITLE =
  /^(tietosuojaseloste|rekisteriseloste|tietosuojakäytäntö|tietosuojailmoitus|dataskyddsbeskrivning|dataskyddspolicy|registerbeskrivning|integritetspolicy|privacy (notice|policy|statement))/;
/** "Päivitetty viimeksi: 12.7.2020", "Laatimispäivä 04.01.2018": [label, date]. */
const DATE_LINE =
  /^(päivitetty( viimeksi)?|viimeksi päivitetty|muutettu|laadittu|laatimispäivä|uppdaterad|senast uppdaterad|upprättad|last updated|updated|created)\s*:?\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d\d-\d\d)$/i;
const CREATED = /^(laadittu|laatimispäivä|upprättad|created)/i;

/** A heading's text for matching: no markdown, numbering or closing colon, lower case. */
const plainHeading = (raw: string) => {
  const h = raw
    .replace(/^#{1,6}\s+/, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/^\d{1,2}[.)]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return h.endsWith(':') ? h.slice(0, -1).trimEnd() : h;
};
const headingField = (raw: string): [Field, Lang] | undefined => {
  const h = plainHeading(raw).toLowerCase();
  const found = HEADINGS.find(([, , re]) => re.test(h));
  if (!found) return undefined;
  // "Rekisterin suojauksen periaatteet A: Manuaalinen aineisto", "B: ATK:illa käsiteltävät toiminnot"
  if (found[0] === 'security' && /manuaali|paperi|manuell|pappers|paper|manual/.test(h)) return ['security.manual', found[1]];
  if (found[0] === 'security' && /\batk\b|sähköi|digitaali|elektron|electronic|digital/.test(h)) return ['security.electronic', found[1]];
  return [found[0], found[1]];
};

function isoDate(text: string): string | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text;
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(iso) ? iso : undefined;
}

// ---------------------------------------------------------------------------------------------
// HTML to the line format: "# heading", paragraphs between blank lines, "- " and "1. " items, **bold**,
// [text](url). A two-cell table row becomes ROW + first cell (a heading) and the other cells; a row
// whose first cell is empty continues the previous row (CONTINUE).

const ROW = '\u0001R ';
const CONTINUE = '\u0001C';
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  auml: 'ä',
  ouml: 'ö',
  aring: 'å',
  Auml: 'Ä',
  Ouml: 'Ö',
  Aring: 'Å',
  uuml: 'ü',
  Uuml: 'Ü',
  eacute: 'é',
  Eacute: 'É',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  euro: '€',
  sect: '§',
};
const decode = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] != '#') return ENTITIES[e] ?? all;
    const code = e[1] == 'x' || e[1] == 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 31 && code < 0x110000 && !(code >= 0xd800 && code < 0xe000) ? String.fromCodePoint(code) : '';
  });
const BLOCK =
  /^(p|div|section|article|header|footer|main|nav|aside|figure|figcaption|blockquote|pre|address|dl|dt|dd|hr|table|thead|tbody|tfoot|caption|form|fieldset|details|summary)$/;
const SKIP = /^(head|script|style|template|noscript|svg|iframe|object|select|textarea|button)$/;
const safeLink = (href: string) => (/^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href) ? href : '');
// One token: a comment, a tag (attributes as one run), text, or a lone "<".
// Attributes stop at "<" too, so a "<" with no ">" after it costs one scan to the next "<", never quadratic.
const TOKEN = /<!--[^]*?(?:-->|$)|<(\/?)([a-zA-Z][\w-]*)([^<>]*)>|<![^<>]*>|[^<]+|</g;

/** Markdown-ish text of an HTML document or fragment. Never executes or fetches anything. */
export function htmlToText(source: string): string {
  // Output goes to the innermost open table cell, else to the document.
  const outs: string[] = [''];
  const emit = (s: string) => (outs[outs.length - 1] += s);
  const lists: { ordered: boolean; n: number; items: boolean; start: number }[] = [];
  const links: { href: string; at: number }[] = [];
  let row: string[] | null = null;
  let skipping = '';
  let m: RegExpExecArray | null;
  TOKEN.lastIndex = 0;
  const endCell = () => {
    if (row && outs.length > 1) row.push(outs.pop()!);
  };
  const endRow = () => {
    endCell();
    if (!row) return;
    const cells = row.map((c) => (c.replace(/\s+/g, ' ').trim() ? c : ''));
    row = null;
    const [head, ...rest] = cells;
    const body = rest.filter(Boolean).join('\n\n');
    if (!cells.some(Boolean)) return;
    if (cells.length < 2) emit('\n\n' + cells[0] + '\n\n');
    else if (!head) emit(`\n\n${CONTINUE}\n\n${body}\n\n`);
    else emit(`\n\n${ROW}${head.replace(/\s+/g, ' ').trim()}\n\n${body}\n\n`);
  };
  /** Text directly inside a list without <li>: "- a - b" or "- A- B" items. */
  const bareItems = (text: string) =>
    text
      .split(/(?:^|\s+)-\s+|(?<=\S)-\s+(?=[A-ZÅÄÖ])/)
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => '\n- ' + t)
      .join('');
  while ((m = TOKEN.exec(source))) {
    const [token, close, rawName, attrs] = m;
    const name = rawName?.toLowerCase();
    if (skipping) {
      if (close && name === skipping) skipping = '';
      continue;
    }
    if (!name) {
      if (token.startsWith('<!')) continue;
      const text = decode(token.replace(/[\u0000-\u0008\u000b-\u001f]/g, '')).replace(/\s+/g, ' ');
      const list = lists[lists.length - 1];
      emit(list && !list.items && text.trim() ? bareItems(text) : text);
      continue;
    }
    if (!close && SKIP.test(name) && !/\/\s*$/.test(attrs)) {
      skipping = name;
      continue;
    }
    const level = /^h([1-6])$/.exec(name);
    // A block ends a list that has no <li> ("<ul>- a - b <p>…"): its items were its bare text.
    if (level || BLOCK.test(name)) while (lists.length && !lists[lists.length - 1].items) lists.pop();
    if (level) emit(close ? '\n\n' : `\n\n${'#'.repeat(+level[1])} `);
    else if (name === 'br') emit('\n');
    else if (name === 'b' || name === 'strong') emit('**');
    else if (name === 'ul' || name === 'ol') {
      if (close) lists.pop();
      else lists.push({ ordered: name === 'ol', n: 0, items: false, start: Number(/\bstart\s*=\s*["']?(\d+)/i.exec(attrs)?.[1] || 1) });
      emit('\n\n');
    } else if (name === 'li') {
      const list = lists[lists.length - 1];
      if (!close) {
        if (list) list.items = true;
        emit(list?.ordered ? `\n${list.start + list.n++}. ` : '\n- ');
      }
    } else if (name === 'a') {
      if (!close)
        links.push({
          href: safeLink(
            decode(
              /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i
                .exec(attrs)
                ?.slice(1)
                .find((x) => x !== undefined) || '',
            ).trim(),
          ),
          at: outs[outs.length - 1].length,
        });
      else {
        const link = links.pop();
        const out = outs[outs.length - 1];
        if (link?.href && link.at <= out.length) {
          const label = out.slice(link.at).trim();
          const plain = link.href.replace(/^mailto:/i, '');
          if (label && label !== plain && label !== link.href) outs[outs.length - 1] = out.slice(0, link.at) + `[${label}](${link.href})`;
        }
      }
    } else if (name === 'tr') {
      endRow();
      if (!close) row = [];
    } else if (name === 'td' || name === 'th') {
      endCell();
      if (!close) {
        row ??= [];
        outs.push('');
      }
    } else if (name === 'table' && close) endRow();
    else if (BLOCK.test(name)) emit('\n\n');
  }
  endRow();
  while (outs.length > 1) emit(outs.pop()!);
  return tidy(outs[0]);
}

/** Lines trimmed, no empty bold, at most one blank line in a row. */
const tidy = (text: string) =>
  text
    .replace(/\*\*\*\*/g, '')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

// ---------------------------------------------------------------------------------------------
// Markdown tables ("| Rekisterinpitäjä | <p>…</p> |") to the same line format.

const HTML_TAG = /<\/?(p|div|ul|ol|li|br|h[1-6]|table|tr|td|th|strong|b|a|span|em|i)\b[^<>]*>/i;
function markdownToLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (/^\|.*\|$/.test(t)) {
        const cells = t
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim());
        if (cells.every((c) => /^:?-*:?$/.test(c))) return ''; // separator or empty header row
        if (cells.length !== 2) return line;
        const head = htmlToText(cells[0]).replace(/\s+/g, ' ');
        const body = htmlToText(cells[1]);
        return head ? `\n${ROW}${head}\n\n${body}\n` : `\n${CONTINUE}\n\n${body}\n`;
      }
      return HTML_TAG.test(line) ? `\n${htmlToText(line)}\n` : line;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Contact blocks: name, legal form, short name, business ID, address, e-mail (also "nimi(at)firma.fi",
// "nimi [at] firma [dot] fi"), phone, web address.

// Bounded spaces: the lines are whitespace-collapsed first, and no pattern here rescans a run.
const AT = / ?[[({] ?(?:at|ät) ?[\])}] ?/gi;
const DOT = / ?[[({] ?(?:dot|piste|punkt) ?[\])}] ?/gi;
/** The first e-mail address in the line, found from each "@" outwards (a regex from every position would be quadratic). */
const EMAIL = {
  exec(line: string): RegExpExecArray | null {
    const local = /[\w.+-]/;
    for (let at = line.indexOf('@'), from = 0; at > 0; from = at + 1, at = line.indexOf('@', from)) {
      let start = at;
      while (start > from && local.test(line[start - 1])) start--;
      const domain = /^[\w-]+(?:\.[\w-]+)+/.exec(line.slice(at + 1, at + 256));
      if (start < at && domain)
        return Object.assign([line.slice(start, at + 1 + domain[0].length)], { index: start, input: line }) as unknown as RegExpExecArray;
    }
    return null;
  },
  test(line: string): boolean {
    return !!this.exec(line);
  },
};
const BUSINESS_ID = /(?:\b(?:y-tunnus|ly-tunnus|fo-nummer|business id)\s*:?\s*)?\b(\d{7}-\d)\b/i;
const URL_RE = /\bhttps?:\/\/[^\s<>()]*[^\s<>().,;:!?'"]|\bwww\.[\w-]+(?:\.[\w-]+)+[^\s<>()]*[^\s<>().,;:!?'"]?/i;
const PHONE = /(?<![\d-])(?:\+\d{1,3}[\s-]?\d{1,3}|0\d{1,3})(?:[\s-]?\d{2,4}){1,3}(?![\d-])/;
const POSTCODE = /\b(?:FI-)?\d{5}\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*)?/;
const STREET = /(?:\b(?:PL|PB|PO Box|Box) \d+|[A-ZÅÄÖ][\wåäöÅÄÖ.-]{0,40} \d+(?: ?[A-Za-z]\b(?: ?\d+)?)?)/;
const SHORT_NAME = /\(\s*(?:jäljempänä(?: myös)?|nedan|hädanefter|hereinafter|hereafter)\s+(?:the\s+)?[”"“'‘’]([^”"“'‘’]+)[”"“'‘’]\s*\)/i;
const LABEL = /^(nimi|namn|name|osoite|adress|address|puh(elin)?|tel(efon)?|phone|p|e-?mail|sähköposti|s-posti|e-post|y-tunnus|fo-nummer|www|web)\.?\s*:?$/i;
const LEGAL_FORM = /\s(Oyj|Oy Ab|Oy|Abp|Ab|AB|Ay|Ky|Tmi|Ltd|Inc|GmbH|LLC)\.?$/;

function parseParty(lines: string[]): Party {
  const p: Partial<Party> = {};
  const names: string[] = [];
  const address: string[] = [];
  for (const given of lines) {
    const original = given.replace(/\s+/g, ' ').trim();
    let line = original.replace(AT, '@').replace(DOT, '.');
    if (!EMAIL.test(line)) line = original;
    let taken = false;
    /** Moves the first match of `re` (when `ok`) from the line to `to`; a second e-mail, phone … stays text. */
    const take = (re: Pick<RegExp, 'exec'>, to: (found: RegExpExecArray) => void, ok: (found: RegExpExecArray) => boolean = () => true) => {
      const found = re.exec(line);
      if (!found || !ok(found)) return;
      to(found);
      line = line.slice(0, found.index) + ' , ' + line.slice(found.index + found[0].length);
      taken = true;
    };
    const once = (key: keyof Party) => () => p[key] === undefined;
    take(SHORT_NAME, (f) => (p.shortName = f[1].trim()), once('shortName'));
    take(URL_RE, (f) => (p.url = f[0]), once('url'));
    take(EMAIL, (f) => (p.email = f[0]), once('email'));
    take(BUSINESS_ID, (f) => (p.businessId = f[1]), once('businessId'));
    let postcode: string | undefined;
    take(POSTCODE, (f) => (postcode = f[0]));
    take(
      PHONE,
      (f) => (p.phone = f[0].trim()),
      (f) => p.phone === undefined && f[0].replace(/\D/g, '').length >= 7,
    );
    // A street when the line is only that ("Otakaari 5"), or has a postcode or other contact details too.
    let street: string | undefined;
    if (new RegExp(`^${STREET.source}$`).test(line.trim()) || taken) take(STREET, (f) => (street = f[0]));
    address.push(...[street, postcode].filter((a): a is string => !!a));
    if (!taken) {
      names.push(original.trim());
      continue;
    }
    // What is left between the details: the name, without labels ("Puh.", "Y-tunnus:") or emptied brackets.
    const rest = line
      .replace(/\(\s*[,;\s]*\)/g, ' , ')
      .split(/\s*[,;]\s*/)
      .map((s) => s.trim())
      .filter((s) => /[\p{L}\d]/u.test(s) && !LABEL.test(s));
    if (rest.length) names.push(rest.join(', '));
  }
  const party: Party = { name: names.filter(Boolean).join(', ') };
  const form = LEGAL_FORM.exec(party.name);
  if (form) party.legalForm = form[1];
  if (p.shortName) party.shortName = p.shortName;
  if (p.businessId) party.businessId = p.businessId;
  if (address.length) party.address = address.join('\n');
  if (p.email) party.email = p.email;
  if (p.phone) party.phone = p.phone;
  if (p.url) party.url = p.url;
  return party;
}

// ---------------------------------------------------------------------------------------------

interface Part {
  /** The heading as written, and without markup or numbering. */
  raw: string;
  heading: string;
  paragraphs: string[];
}

/** Import a privacy notice. `format` defaults to HTML when the text starts with "<", else plain text / markdown. */
export function importNotice(input: string, options: { format?: ImportFormat } = {}): ImportResult {
  const format = options.format ?? (/^\s*</.test(input) ? 'html' : 'text');
  const lines = (format === 'html' ? htmlToText(input) : markdownToLines(input)).replace(/\r\n?/g, '\n').split('\n');

  const mapped: ImportResult['mapped'] = [];
  const custom: string[] = [];
  const langs: Record<Lang, number> = { fi: 0, sv: 0, en: 0 };
  let title: string | undefined;
  let updated: string | undefined;
  let created: string | undefined;
  const intro: string[] = [];
  // Sections in order; `field` undefined for a custom one.
  const parts: (Part & { field?: Field })[] = [];
  let current: string[] = intro;
  let paragraph: string[] = [];
  let lastNumber = 0;
  let continuing = false;
  let first = true;

  const endParagraph = () => {
    if (!paragraph.length) return;
    const text = paragraph.join('\n');
    const prev = current[current.length - 1];
    // A paragraph broken in mid-sentence (a stray blank line, a table row split in two) is joined back.
    if (prev !== undefined && !/[.!?:;)”"*]$/.test(prev) && (continuing || /^[a-zåäö]/.test(text))) current[current.length - 1] = prev + ' ' + text;
    // A list after its lead-in ("…seuraavat tiedot:") stays with it.
    else if (prev !== undefined && /:$/.test(prev) && /^([-•*]|\d{1,3}[.)]) /.test(text)) current[current.length - 1] = prev + '\n' + text;
    else current.push(text);
    paragraph = [];
    continuing = false;
  };
  const startSection = (written: string) => {
    endParagraph();
    // An HTML heading is reported as its text; a markdown one as written.
    const raw = format === 'html' ? written.replace(/^#{1,6}\s+/, '') : written;
    const heading = plainHeading(raw);
    const found = headingField(raw);
    const number = /^(?:#+\s*)?(?:\*\*)?(\d{1,2})[.)]\s/.exec(raw);
    if (number) lastNumber = Number(number[1]);
    if (!found && !parts.length && title === undefined && !intro.length && (TITLE.test(heading.toLowerCase()) || /^#\s/.test(written))) {
      title = heading;
      return;
    }
    if (found) langs[found[1]]++;
    parts.push({ raw, heading, paragraphs: (current = []), field: found?.[0] });
  };
  const meta = (label: string, iso: string, heading: string) => {
    endParagraph();
    const field = CREATED.test(label) ? 'created' : 'updated';
    if (field === 'created') created ??= iso;
    else updated ??= iso;
    mapped.push({ heading, field });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) {
      endParagraph();
      continue;
    }
    const firstLine = first;
    first = false;
    if (line === CONTINUE) {
      endParagraph();
      continuing = true;
      continue;
    }
    if (line.startsWith(ROW)) {
      // "| Laatimispäivä | 04.01.2018 |": a date row is the notice's date, not a section.
      const label = line.slice(ROW.length).trim();
      let next = i + 1;
      const dated = /^(laatimispäivä|laadittu|päivitetty( viimeksi)?|upprättad|uppdaterad|created|(last )?updated)$/i.test(label);
      while (dated && next < lines.length && !lines[next].trim()) next++;
      const rowDate = dated && next < lines.length && isoDate(lines[next].trim());
      if (rowDate) {
        meta(label, rowDate, label);
        i = next;
      } else startSection(label);
      continue;
    }
    const date = DATE_LINE.exec(line.replace(/\*\*/g, '').replace(/\s+/g, ' '));
    const iso = date && isoDate(date[3]);
    if (iso) {
      meta(date[1], iso, line);
      continue;
    }
    if (/^#{1,6}\s+\S/.test(line)) {
      startSection(line);
      continue;
    }
    // A plain, numbered or bold line starting a paragraph is a heading when it reads like one.
    // A line ending in ":" is a lead-in ("Evästeiden avulla kerätään seuraavanlaisia tietoja:") unless short.
    const short = !paragraph.length && line.length <= 120 && plainHeading(line);
    if (short && !/[.,;]$/.test(short) && short.split(' ').length <= (/:\**$/.test(line) ? 4 : 10)) {
      const bold = /^\*\*[^*]+\*\*$/.test(line);
      const number = /^(\d{1,2})[.)]\s+\S/.exec(line);
      const known = !!headingField(line);
      const unbroken = !lines[i + 1]?.trim() || known;
      if ((known && (bold || number || !/^[-•*]\s/.test(line))) || (number && Number(number[1]) === lastNumber + 1 && unbroken)) {
        startSection(line);
        continue;
      }
      // The document's title: its first line, when short.
      if (firstLine) {
        title = plainHeading(line);
        continue;
      }
    }
    paragraph.push(line);
  }
  endParagraph();

  const lang: Lang = langs.sv > langs.fi && langs.sv >= langs.en ? 'sv' : langs.en > langs.fi ? 'en' : 'fi';
  const standard = noticeTexts[lang].headings;
  const notice: Record<string, unknown> = { $schema: 'https://keksi.dev/schema/notice-1.json', version: 1, lang };
  if (title) notice.title = title;
  if (intro.length) notice.intro = intro.join('\n\n');
  if (updated) notice.updated = updated;
  if (created) notice.created = created;

  const headings: Partial<Record<SectionId, string>> = {};
  const texts = new Map<Field, Part[]>();
  const parties: Partial<Record<SectionId, Party>> = {};
  const sections: { title: string; text: string }[] = [];
  for (const part of parts) {
    const { field } = part;
    const isParty = field === 'controller' || field === 'contact' || field === 'dpo' || field === 'representative';
    if (!field || (isParty && parties[field])) {
      custom.push(part.raw);
      sections.push({ title: part.heading, text: part.paragraphs.join('\n\n') });
      continue;
    }
    mapped.push({ heading: part.raw, field });
    if (isParty) {
      parties[field] = parseParty(part.paragraphs.flatMap((p) => p.split('\n')));
      if (part.heading.toLowerCase() !== standard[field].toLowerCase()) headings[field] = part.heading;
    } else texts.set(field, [...(texts.get(field) || []), part]);
  }
  /** One field's text: a single part as it is (its heading kept in `headings`), several with their headings as bold lines. */
  const text = (field: Field): string | undefined => {
    const found = texts.get(field);
    if (!found) return undefined;
    const section = field.replace(/\..*/, '') as SectionId;
    const sectionParts = [...texts.entries()].filter(([f]) => f.startsWith(section)).flatMap(([, p]) => p);
    if (found.length === 1 && sectionParts.length === 1 && field === section) {
      if (found[0].heading.toLowerCase() !== standard[section].toLowerCase()) headings[section] = found[0].heading;
      return found[0].paragraphs.join('\n\n');
    }
    if (found.length === 1 && field !== section) return found[0].paragraphs.join('\n\n');
    return found.map((p) => [`**${p.heading}**`, ...p.paragraphs].join('\n\n')).join('\n\n');
  };
  const set = (key: string, value: unknown) => {
    if (value !== undefined && !(value && typeof value === 'object' && !Object.values(value).some((v) => v !== undefined))) notice[key] = value;
  };
  const purposes = text('purposes');
  set('controller', parties.controller ?? { name: '' });
  set('representative', parties.representative);
  set('contact', parties.contact);
  set('dpo', parties.dpo);
  set('register', text('register'));
  if (purposes !== undefined) notice.purposes = [{ purpose: purposes }];
  set('data', text('data'));
  set('sources', text('sources'));
  set('recipients', texts.has('recipients') ? { text: text('recipients') } : undefined);
  set('transfers', texts.has('transfers') ? { text: text('transfers') } : undefined);
  set('security', clean({ text: text('security'), manual: text('security.manual'), electronic: text('security.electronic') }));
  set('retention', text('retention'));
  notice.rights = clean({ standard: false, text: text('rights') });
  set('required', text('required'));
  set('automated', text('automated'));
  set('cookies', text('cookies'));
  if (sections.length) notice.sections = sections;
  if (Object.keys(headings).length) notice.headings = headings;
  return { notice: notice as unknown as Notice, mapped, custom };
}

/** The object without its undefined values. */
function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
