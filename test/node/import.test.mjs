// `keksi import`: an existing privacy notice (plain text, markdown, HTML) into the notice format. The seeds are
// the three real notices of shared/seeds with private persons' names, phones and e-mails replaced
// (test/fixtures/seeds/); the hand-made conversions of the same notices are demo/notices/*.json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkNotice, validateNotice } from '../../dist/esm/notice/check.js';
import { formatOf, importNotice } from '../../dist/esm/notice/import.js';

const SEEDS = { kruununjalokivi: '000-kruununjalokivi.txt', kehobalanssi: '001-kehobalanssi.txt', kalvokeskus: '002-kalvokeskus.txt' };
const seed = (name) => importNotice(readFileSync(`test/fixtures/seeds/${SEEDS[name]}`, 'utf8'));
const handMade = (name) => validateNotice(JSON.parse(readFileSync(`demo/notices/${name}.json`, 'utf8'))).notice;
/** What the checker finds, as a set of "severity section" (messages and order may differ). */
const findings = (notice) => [...new Set(checkNotice(notice).map((f) => `${f.severity} ${f.section}`))].sort();
const cli = (...args) => spawnSync(process.execPath, ['bin/keksi.mjs', ...args], { encoding: 'utf8' });

/** Every string of a value, joined, with whitespace normalised. */
const strings = (v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
const flat = (s) => s.replace(/\s+/g, ' ').trim();

function assertValid(notice) {
  const { problems } = validateNotice(notice);
  assert.deepEqual(problems, []);
}

test('Kruununjalokivi imports: controller contact block, retention under the shop’s own heading, rights verbatim', () => {
  const { notice, custom } = seed('kruununjalokivi');
  assertValid(notice);
  assert.equal(notice.lang, 'fi');
  assert.equal(notice.title, 'Tietosuojaseloste, asiakas- ja markkinointirekisteri');
  assert.deepEqual(notice.controller, {
    name: 'Maija Esimerkki, Käpynä/Kruununjalokivi.com',
    address: 'Otakaari 5\n02150 Espoo',
    email: 'info@kruununjalokivi.example',
  });
  assert.match(notice.purposes[0].purpose, /^Kruununjalokivi\.comin asiakasrekisteriä käytetään/);
  assert.equal(notice.purposes[0].basis, undefined, 'no legal basis is invented');
  assert.match(notice.sources, /^Rekisterin asiakkuustiedot saadaan/);
  assert.match(notice.data, /^Asiakkaista talletetaan/);
  assert.match(notice.retention, /^Henkilötietoja käsitellään pääsääntöisesti/);
  assert.equal(notice.headings.retention, 'Tietojen käsittelyn kesto');
  assert.match(notice.recipients.text, /Finqu, MailChimp, Gmail/);
  assert.equal(notice.rights.standard, false);
  assert.match(notice.rights.text, /tietosuojavaltuutetulle/);
  assert.deepEqual(custom, []);
});

test('Kehobalanssi imports: markdown table with HTML cells, a row split over two tables, three rights headings in one', () => {
  const { notice, custom } = seed('kehobalanssi');
  assertValid(notice);
  assert.equal(notice.title, 'Asiakasrekisteri - tietosuojaseloste');
  assert.equal(notice.created, '2018-01-04');
  const person = { name: 'Liisa Esimerkki', address: 'Ellintie 4', email: 'liisa@kehobalanssi.example', phone: '040 000 0001' };
  assert.deepEqual(notice.controller, person);
  assert.deepEqual(notice.contact, person);
  assert.equal(notice.register, 'Asiakasrekisteri');
  assert.equal(notice.purposes[0].purpose.split('\n\n').length, 4);
  assert.match(notice.data, /^Henkilörekisteri sisältää seuraavia tietoja:\n- Henkilön etu- ja sukunimi\n- Edustamansa yhteisö\n/);
  assert.match(notice.data, /\n- Ikä tai syntymäaika$/);
  assert.match(notice.sources, /Henkilötietoja ei siirretä Euroopan Unionin ulkopuolelle, ellei/, 'the row continued in the next table is joined');
  assert.match(notice.recipients.text, /^Asiakasrekisterin tiedot ovat ainoastaan yrityksen käytössä/);
  assert.match(notice.transfers.text, /^Henkilötietoja ei siirretä/);
  assert.match(notice.security.manual, /^Asiakastapahtumissa kerättävät/);
  assert.match(notice.security.electronic, /^Ainoastaan määrätyillä yrityksen/);
  assert.match(notice.cookies, /^Käytämme sivuillamme evästeitä/, 'a lead-in line "Evästeiden avulla kerätään …:" is text, not a heading');
  assert.match(notice.cookies, /\n- vierailijan IP-osoite\n- vierailun ajankohta\n/);
  assert.match(notice.cookies, /Google Analytics seurannan voit ottaa/);
  const rights = notice.rights.text.split('\n\n');
  assert.deepEqual(
    rights.filter((p) => p.startsWith('**')),
    ['**Tarkastusoikeus**', '**Oikeus vaatia tiedon korjaamista**', '**Muut henkilötietojen käsittelyyn liittyvät oikeudet**'],
  );
  assert.equal(rights[0], '**Tarkastusoikeus**');
  assert.equal(notice.rights.standard, false);
  assert.equal(notice.headings?.rights, undefined, 'several headings in one section: Keksi’s heading, theirs as bold lines');
  assert.deepEqual(custom, []);
});

test('Kalvokeskus imports: numbered headings, a question as a heading, update date, lists', () => {
  const { notice, custom, mapped } = seed('kalvokeskus');
  assertValid(notice);
  assert.equal(notice.title, 'Tietosuojaseloste — Asiakasrekisteri');
  assert.match(notice.intro, /^Henkilötietojasi arvostetaan/);
  assert.equal(notice.updated, '2020-07-12');
  assert.deepEqual(notice.controller, { name: 'Matti Esimerkki', address: 'Tieteenkatu 18 A 59\n33720 Tampere' });
  assert.deepEqual(notice.contact, {
    name: 'Matti Esimerkki',
    address: 'Tieteenkatu 18 A 59\n33720 Tampere',
    email: 'info@kalvokeskus.example',
    phone: '0450000002',
  });
  assert.equal(notice.register, 'Kalvokeskus.fi käyttäjä-, asiakas- ja markkinointirekisteri');
  assert.match(notice.purposes[0].purpose, /profiloimiseen/);
  assert.match(notice.data, /^- \*\*Ostotilauksen/);
  assert.match(notice.sources, /^Tietoja kerätään pääsääntöisesti alla luetelluista lähteistä:\n- Käyttäjän tai asiakkaan antamat tiedot\n/);
  assert.equal(notice.headings.sources, 'Miten tietoa kerätään ja saadaan?');
  assert.match(notice.cookies, /Käyttämällä sivustoa hyväksyt/);
  assert.match(notice.recipients.text, /Facebookille/);
  assert.match(notice.transfers.text, /^Henkilötietoja ei siirretä/);
  assert.match(notice.security.text, /SSL-salausmenetelmällä/);
  assert.match(
    notice.rights.text,
    /kokonaan unohdetuksi, mikäli tietojen säilyttäminen ei ole vallitsevan/,
    'a paragraph broken by a blank line is kept, words intact',
  );
  assert.deepEqual(custom, []);
  assert.deepEqual(
    mapped.find((m) => m.heading === '6. Miten tietoa kerätään ja saadaan?'),
    { heading: '6. Miten tietoa kerätään ja saadaan?', field: 'sources' },
  );
});

for (const name of Object.keys(SEEDS)) {
  test(`${name}: the checker finds in the imported notice what it finds in the hand-made one`, () => {
    assert.deepEqual(findings(seed(name).notice), findings(handMade(name)));
  });

  test(`${name}: test/fixtures/imported/${name}.json is what import makes now`, () => {
    assert.deepEqual(JSON.parse(readFileSync(`test/fixtures/imported/${name}.json`, 'utf8')), seed(name).notice);
  });
}

/** A notice with one section under `heading`, in the given format, and the field its body went to. */
function oneSection(heading, { format, body = 'Tämä on osion teksti.' } = {}) {
  const text = format === 'html' ? `<h1>Tietosuojaseloste</h1>\n${heading}\n<p>${body}</p>` : `Tietosuojaseloste\n\n${heading}\n\n${body}\n`;
  return importNotice(text, { format });
}

const VARIANTS = {
  controller: [
    '1. Rekisterinpitäjä',
    '1) Rekisterinpitäjä',
    '## Rekisterinpitäjä',
    '**Rekisterinpitäjä**',
    'Rekisterinpitäjän yhteystiedot',
    'Personuppgiftsansvarig',
    'Controller',
    'Data controller',
  ],
  contact: [
    '2. Yhteyshenkilö',
    'Yhteyshenkilö rekisteriä koskevissa asioissa',
    '### Yhteyshenkilö rekisteriä koskevissa asioissa:',
    'Kontaktperson',
    'Kontaktperson i ärenden som gäller registret',
    'Contact person',
  ],
  dpo: ['Tietosuojavastaava', 'Dataskyddsombud', 'Data protection officer'],
  register: ['3. Rekisterin nimi', 'Registrets namn', 'Name of the register'],
  purposes: [
    '4. Henkilötietojen käsittelyn tarkoitus',
    'Henkilötietojen käsittelyn tarkoitus ja oikeusperuste',
    'Henkilötietojen käsittelyn oikeusperuste',
    'Rekisterin käyttötarkoitus',
    'Ändamål och rättslig grund för behandlingen',
    'Ändamålet med behandlingen av personuppgifter',
    'Purposes and legal basis of processing',
    'Purpose of processing',
  ],
  data: [
    'Rekisterin tietosisältö',
    'Rekisterin sisältämät tiedot',
    'Registrets innehåll',
    'Registrets datainnehåll',
    'Personal data processed',
    'Categories of personal data',
  ],
  sources: ['Säännönmukaiset tietolähteet', 'Mistä tiedot saadaan?', 'Regelmässiga uppgiftskällor', 'Sources of data', 'Where the data comes from'],
  recipients: ['Tietojen säännönmukaiset luovutukset', 'Tietojen luovutukset', 'Regelmässiga utlämnanden av uppgifter', 'Recipients of data', 'Recipients'],
  transfers: [
    'Tietojen siirto EU:n tai ETA:n ulkopuolelle',
    'Tietojen siirto EU:n ulkopuolelle',
    'Överföring av uppgifter till länder utanför EU eller EES',
    'Överföring till länder utanför EU eller EES',
    'Transfers outside the EU/EEA',
    'Transfer of data outside the EU or EEA',
  ],
  security: [
    'Rekisterin suojauksen periaatteet',
    'Rekisterin suojausperiaatteet',
    'Principer för skyddet av registret',
    'Registrets skydd',
    'How the data is protected',
    'Data security',
  ],
  retention: ['Tietojen säilytysaika', 'Tietojen käsittelyn kesto', 'Lagringstid', 'Retention period', 'How long we keep data'],
  rights: [
    'Rekisteröidyn oikeudet',
    'Tarkastusoikeus',
    'Oikeus vaatia tiedon korjaamista',
    'Oikeus vaatia virheellisen tiedon oikaisua',
    'Muut oikeudet',
    'Kielto-oikeus',
    'Den registrerades rättigheter',
    'Rätt till insyn',
    'Rätt att kräva rättelse av uppgift',
    'Your rights',
    'Right of access',
  ],
  required: ['Tietojen antamisen pakollisuus', 'Skyldighet att lämna uppgifter', 'Whether you must provide data'],
  automated: ['Automaattinen päätöksenteko ja profilointi', 'Automatiserat beslutsfattande och profilering', 'Automated decisions and profiling'],
  cookies: ['Evästeet', 'Evästeiden käyttö', 'Kakor', 'Cookies'],
};
const PARTY = ['controller', 'contact', 'dpo'];
const textOf = (notice, field) =>
  PARTY.includes(field) ? notice[field]?.name : field === 'purposes' ? notice.purposes?.[0]?.purpose : strings(notice[field]).join('\n');

for (const [field, headings] of Object.entries(VARIANTS)) {
  test(`headings for ${field}: ${headings.length} variants in fi, sv and en, plain, numbered, markdown and bold`, () => {
    for (const heading of headings) {
      const { notice, mapped } = oneSection(heading);
      assert.equal(textOf(notice, field), 'Tämä on osion teksti.', `"${heading}" → ${field}`);
      assert.deepEqual(mapped, [{ heading, field }]);
    }
  });
}

test('headings as a markdown table row and as HTML h2, h3 and table rows', () => {
  assert.equal(oneSection('| Rekisterin tietosisältö | Nimi ja osoite. |', { body: '' }).notice.data, 'Nimi ja osoite.');
  assert.equal(oneSection('<h2>Rekisterin tietosisältö</h2>', { format: 'html' }).notice.data, 'Tämä on osion teksti.');
  assert.equal(oneSection('<h3>3. Säännönmukaiset tietolähteet</h3>', { format: 'html' }).notice.sources, 'Tämä on osion teksti.');
  const table = importNotice(
    '<h1>Seloste</h1><table><tr><th>Rekisterin nimi</th><td>Asiakasrekisteri</td></tr><tr><td>Lagringstid</td><td><p>Två år.</p></td></tr></table>',
  );
  assert.equal(table.notice.register, 'Asiakasrekisteri');
  assert.equal(table.notice.retention, 'Två år.');
});

test('HTML: paragraphs, lists, bold and links become the format’s plain text; scripts and styles are not text; entities decoded', () => {
  const html = `<!doctype html><html><head><title>x</title><style>p{color:red}</style><script>alert(1)</script></head><body>
    <h1>Tietosuojaseloste</h1><h2>Rekisterin tietosisältö</h2>
    <p>Tallennamme <b>nämä</b> tiedot &amp; <a href="https://example.fi/x">lisätiedot</a>:</p>
    <ul><li>nimi</li><li>osoite</li></ul><ol><li>yksi</li><li>kaksi</li></ol><p>Rivi<br>toinen &#228; &auml;</p>
    <h2>Muutokset</h2><p onclick="alert(1)">Päivitämme selostetta.</p></body></html>`;
  const { notice, custom } = importNotice(html, { format: 'html' });
  assert.equal(notice.title, 'Tietosuojaseloste');
  assert.equal(notice.data, 'Tallennamme **nämä** tiedot & [lisätiedot](https://example.fi/x):\n- nimi\n- osoite\n\n1. yksi\n2. kaksi\n\nRivi\ntoinen ä ä');
  assert.deepEqual(custom, ['Muutokset']);
  assert.deepEqual(notice.sections, [{ title: 'Muutokset', text: 'Päivitämme selostetta.' }]);
  assert.ok(!JSON.stringify(notice).includes('alert'), 'script and handler text are not notice text');
});

test('a Swedish dataskyddsbeskrivning: lang sv, headings straight after their number, Keksi’s Swedish headings not repeated', () => {
  const { notice, custom } = importNotice(
    'Dataskyddsbeskrivning\n\n1. Personuppgiftsansvarig\nRosteriet Ab\ninfo@rosteriet.fi\n\n2. Registrets namn\nKundregister\n\n' +
      '3. Ändamål och rättslig grund för behandlingen\nOrderhantering.\n\n4. Lagring av uppgifter\nSex år.\n\n5. Den registrerades rättigheter\nDu har rätt att granska dina uppgifter.',
  );
  assert.equal(notice.lang, 'sv');
  assert.equal(notice.title, 'Dataskyddsbeskrivning');
  assert.deepEqual(notice.controller, { name: 'Rosteriet Ab', legalForm: 'Ab', email: 'info@rosteriet.fi' });
  assert.equal(notice.register, 'Kundregister');
  assert.equal(notice.purposes[0].purpose, 'Orderhantering.');
  assert.equal(notice.retention, 'Sex år.');
  assert.equal(notice.rights.text, 'Du har rätt att granska dina uppgifter.');
  assert.deepEqual(notice.headings, { retention: 'Lagring av uppgifter' });
  assert.deepEqual(custom, []);
});

test('an unknown heading becomes a custom section with the shop’s own heading', () => {
  const numbered = importNotice(
    'Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nFirma Oy\n\n2. Asiakaspalaute\n\nPalautteet käsitellään.\n\n3. Evästeet\n\nKäytämme evästeitä.',
  );
  assert.deepEqual(numbered.notice.sections, [{ title: 'Asiakaspalaute', text: 'Palautteet käsitellään.' }]);
  assert.deepEqual(numbered.custom, ['2. Asiakaspalaute']);
  assert.equal(numbered.notice.cookies, 'Käytämme evästeitä.');
  const md = importNotice('# Tietosuojaseloste\n\n## Muutokset tähän selosteeseen\n\nIlmoitamme muutoksista.', { format: 'markdown' });
  assert.deepEqual(md.notice.sections, [{ title: 'Muutokset tähän selosteeseen', text: 'Ilmoitamme muutoksista.' }]);
  const html = importNotice('<h1>Seloste</h1><h2>Yhteistyökumppanit</h2><p>Kumppanit.</p>', { format: 'html' });
  assert.deepEqual(html.notice.sections, [{ title: 'Yhteistyökumppanit', text: 'Kumppanit.' }]);
});

test('a numbered line inside a section is text, not a heading, unless it continues the headings’ numbering', () => {
  const { notice, custom } = importNotice(
    'Seloste\n\n1. Rekisterinpitäjä\n\nFirma Oy\n\n2. Rekisterin tietosisältö\n\n1. nimi\n2. osoite\n\n3. Tietojen säilytysaika\n\nKaksi vuotta.',
  );
  assert.equal(notice.data, '1. nimi\n2. osoite');
  assert.equal(notice.retention, 'Kaksi vuotta.');
  assert.deepEqual(custom, []);
});

test('contact blocks: Y-tunnus, legal form, short name, phone, address and e-mail in its obfuscated forms', () => {
  for (const email of ['nimi@firma.fi', 'nimi(at)firma.fi', 'nimi [at] firma [dot] fi', 'nimi[at]firma.fi', 'nimi (at) firma (piste) fi']) {
    const { notice } = oneSection('Rekisterinpitäjä', { body: `Firma Oy\nKatu 1\n00100 Helsinki\n${email}` });
    assert.equal(notice.controller.email, 'nimi@firma.fi', email);
  }
  const { notice } = oneSection('Rekisterinpitäjä', {
    body: 'Pikku Paahtimo Oy (jäljempänä ”Paahtimo”)\nY-tunnus: 1234567-8\nPaahtimokuja 1 B 12\n33100 Tampere\nPuh. +358 40 123 4567\nhttps://paahtimo.example',
  });
  assert.deepEqual(notice.controller, {
    name: 'Pikku Paahtimo Oy',
    legalForm: 'Oy',
    shortName: 'Paahtimo',
    businessId: '1234567-8',
    address: 'Paahtimokuja 1 B 12\n33100 Tampere',
    phone: '+358 40 123 4567',
    url: 'https://paahtimo.example',
  });
  const sv = oneSection('Personuppgiftsansvarig', { body: 'Rosteriet Ab (nedan ”Rosteriet”), FO-nummer 7654321-0, e-post: info(at)rosteriet.fi' }).notice
    .controller;
  assert.deepEqual(sv, { name: 'Rosteriet Ab', legalForm: 'Ab', shortName: 'Rosteriet', businessId: '7654321-0', email: 'info@rosteriet.fi' });
});

test('contact blocks: a second e-mail stays as text; a sentence keeps its words, not its emptied brackets', () => {
  const two = oneSection('Rekisterinpitäjä', { body: 'Firma Oy\ninfo@firma.fi, tietosuoja@firma.fi' }).notice.controller;
  assert.deepEqual(two, { name: 'Firma Oy, tietosuoja@firma.fi', email: 'info@firma.fi' });
  const prose = oneSection('Rekisterinpitäjä', { body: 'Rekisterinpitäjä on Firma Oy (Y-tunnus 1234567-8), Katu 1, 00100 Helsinki.' }).notice.controller;
  assert.deepEqual(prose, { name: 'Rekisterinpitäjä on Firma Oy', legalForm: 'Oy', businessId: '1234567-8', address: 'Katu 1\n00100 Helsinki' });
});

test('hostile shapes of some 100 KB import in bounded time (no pattern rescans a run from every position)', () => {
  const shapes = {
    'a long local part before "@"': 'Rekisterinpitäjä\n\n' + 'a.'.repeat(50000) + '@',
    'a capitalised word with no number': 'Rekisterinpitäjä\n\n' + 'A'.repeat(100000) + ' 1',
    'a run of spaces in a contact block': 'Rekisterinpitäjä\n\nx' + ' '.repeat(100000) + '(at)',
    'tags that never close': '<p'.repeat(50000),
    'a lone "<" run': '<'.repeat(100000),
    'list text without items': '<ul>' + '- A'.repeat(30000) + '</ul>',
    'many table rows': '| Rekisterin nimi | a |\n'.repeat(5000),
    'a heading of spaces': '## ' + ' '.repeat(100000) + 'x :',
  };
  for (const [name, input] of Object.entries(shapes)) {
    const start = performance.now();
    importNotice(input);
    importNotice(input, { format: 'html' });
    assert.ok(performance.now() - start < 5000, `${name}: ${Math.round(performance.now() - start)} ms`);
  }
});

test('nothing is invented: no legal basis, no standard rights texts, no recipients list', () => {
  const { notice } = seed('kruununjalokivi');
  assert.equal(notice.rights.standard, false);
  assert.equal(notice.recipients.list, undefined);
  assert.equal(notice.transfers, undefined);
  assert.equal(seed('kalvokeskus').notice.transfers.outsideEu, undefined, 'whether data goes abroad is the shop’s to say');
});

test('`keksi/import` is the same pure module for any tool or the browser: no DOM, no Node built-ins', async () => {
  const entry = JSON.parse(readFileSync('package.json', 'utf8')).exports['./import'];
  assert.equal(entry.import, './dist/esm/notice/import.js');
  const m = await import(new URL('../../' + entry.import, import.meta.url));
  assert.deepEqual(Object.keys(m).sort(), ['formatOf', 'htmlToText', 'importNotice']);
  const source = (readFileSync('dist/esm/notice/import.js', 'utf8') + readFileSync('dist/esm/i18n/notice.js', 'utf8'))
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '');
  assert.deepEqual(
    [...source.matchAll(/from\s*['"]([^'"]+)['"]/g)].map((x) => x[1]).filter((s) => !/^\.\.?\//.test(s)),
    [],
  );
  assert.doesNotMatch(source, /\b(document|window|DOMParser|eval|Function\(|require\(|process\.)/);
});

test('formatOf picks the reader by the file name', () => {
  assert.equal(formatOf('a/NOTICE.html'), 'html');
  assert.equal(formatOf('seloste.HTM'), 'html');
  assert.equal(formatOf('seloste.md'), 'markdown');
  assert.equal(formatOf('seloste.txt'), 'text');
});

// The property: for notices built from heading variants and random text, every line that is not a
// heading appears in the output, whitespace normalised.
const WORDS = 'asiakas tieto käsittely palvelu tilaus kauppa sähköposti kirje ehto sopimus kysely lahja kuitti vastaus'.split(' ');
const ALL_HEADINGS = [...Object.values(VARIANTS).flat(), '## Muutokset', '**Lisätietoja**'];
const line = fc
  .array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 12 })
  .chain((words) => fc.constantFrom('.', ',', '', ':', '!').map((end) => words.join(' ').replace(/^./, (c) => c.toUpperCase()) + end));
const body = fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }).map((paras) => paras.map((p) => p.join('\n')));
const notices = fc.array(fc.tuple(fc.constantFrom(...ALL_HEADINGS), body), { minLength: 1, maxLength: 10 });

test('property: import never drops text', () => {
  fc.assert(
    fc.property(notices, fc.boolean(), (sections, title) => {
      const text = [title ? 'Tietosuojaseloste' : '', ...sections.flatMap(([h, paras]) => [h, ...paras])].join('\n\n');
      const out = flat(strings(importNotice(text).notice).join(' '));
      for (const [, paras] of sections)
        for (const l of paras.flatMap((p) => p.split('\n'))) assert.ok(out.includes(flat(l)), `"${l}" was dropped from:\n${text}`);
    }),
    { numRuns: 300 },
  );
});

const PLAIN_HEADINGS = [
  ...Object.values(VARIANTS)
    .flat()
    .filter((h) => !/^(#|\*\*|\d)/.test(h)),
  'Muutokset',
  'Lisätietoja',
];
const LAYOUTS = {
  'HTML headings': (sections) =>
    '<h1>Tietosuojaseloste</h1>' + sections.map(([h, paras]) => `<h2>${h}</h2>` + paras.map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('')).join('\n'),
  'HTML table': (sections) =>
    '<table>' +
    sections.map(([h, paras]) => `<tr><th>${h}</th><td>${paras.map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join(' ')}</td></tr>`).join('') +
    '</table>',
  'markdown table': (sections) =>
    '| | |\n|---|---|\n' + sections.map(([h, paras]) => `| ${h} | ${paras.map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join(' ')} |`).join('\n'),
};

test('property: import never drops text from HTML headings, HTML tables or markdown tables', () => {
  const sectionsOf = fc.array(fc.tuple(fc.constantFrom(...PLAIN_HEADINGS), body), { minLength: 1, maxLength: 8 });
  fc.assert(
    fc.property(sectionsOf, fc.constantFrom(...Object.keys(LAYOUTS)), (sections, layout) => {
      const source = LAYOUTS[layout](sections);
      const out = flat(strings(importNotice(source, { format: layout.startsWith('HTML') ? 'html' : 'markdown' }).notice).join(' '));
      for (const [, paras] of sections)
        for (const l of paras.flatMap((p) => p.split('\n'))) assert.ok(out.includes(flat(l)), `${layout}: "${l}" was dropped from:\n${source}`);
    }),
    { numRuns: 300 },
  );
});

test('CLI: `keksi import FILE` prints the notice JSON, and the mapping and the checker’s findings on stderr', () => {
  const r = cli('import', 'test/fixtures/seeds/002-kalvokeskus.txt');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), seed('kalvokeskus').notice);
  assert.match(r.stderr, /6\. Miten tietoa kerätään ja saadaan\? → sources/);
  assert.match(r.stderr, /✖ error\s+retention/);
});

test('CLI: `-o FILE` writes the notice and prints what was mapped, kept as custom, and found', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'keksi-import-')), 'notice.json');
  writeFileSync(
    out.replace('notice.json', 'in.md'),
    '# Tietosuojaseloste\n\n## Rekisterinpitäjä\n\nFirma Oy\ninfo@firma.fi\n\n## Asiakaspalaute\n\nPalaute.\n',
  );
  const r = cli('import', out.replace('notice.json', 'in.md'), '-o', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).controller.email, 'info@firma.fi');
  assert.match(r.stdout, /Rekisterinpitäjä → controller/);
  assert.match(r.stdout, /Asiakaspalaute → custom section/);
  assert.match(r.stdout, /error\s+retention/);
});

test('CLI: `keksi import --help` prints usage and exits 0; an unknown flag exits 2 and names it', () => {
  const help = cli('import', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /import NOTICE\.txt\|\.md\|\.html .*\n.*\n.*\n.*\n\s+-o, --output FILE/);
  const bad = cli('import', 'test/fixtures/seeds/002-kalvokeskus.txt', '--frobnicate');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--frobnicate/);
  assert.equal(cli('import').status, 2);
  const missing = cli('import', 'no/such/file.txt');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no\/such\/file\.txt/);
});
