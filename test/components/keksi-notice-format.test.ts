// <keksi-notice> and the format additions of issue 14 (legal form, short name, representative, processors,
// transfer mechanisms, the shop's own headings, numbered lists), and the seeds as `keksi import` made them.
import { expect } from '@open-wc/testing';
import '../../src/notice-entry.js';
import { importNotice } from '../../src/notice/import.js';
import type { KeksiNotice } from '../../src/notice/keksi-notice.js';
import { axeViolations, captureWarnings } from '../helpers.js';
import { settled, until } from '../wait.js';

async function notice(markup: string): Promise<ShadowRoot> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const el = host.querySelector('keksi-notice') as KeksiNotice;
  const state = el as unknown as { notice?: unknown; failed?: boolean };
  await until(
    () => (state.notice || state.failed) && el.shadowRoot?.querySelector('article, [part=error]'),
    `<keksi-notice> ${el.src || 'inline'} to render`,
    8000,
  );
  await settled();
  return el.shadowRoot!;
}

const inline = (data: unknown, lang = 'fi') =>
  notice(`<keksi-notice lang="${lang}"><script type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script></keksi-notice>`);
const headings = (root: ShadowRoot) => [...root.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => `${h.localName} ${h.textContent!.trim()}`);
const text = (el: Element | null) => el!.textContent!.replace(/\s+/g, ' ').trim();

const FULL = {
  version: 1,
  lang: 'fi',
  controller: { name: 'Pikku Paahtimo', legalForm: 'Oy', shortName: 'Paahtimo', businessId: '1234567-8', email: 'info@paahtimo.example' },
  representative: { name: 'Nordic Rep AB', legalForm: 'AB', address: 'Storgatan 1\n111 22 Stockholm' },
  recipients: {
    text: 'Käytämme näitä palveluja:',
    list: [
      { name: 'Paytrail Oyj', role: 'maksut', country: 'FI', processor: true },
      { name: 'Mailer Inc', role: 'uutiskirje', country: 'US', processor: true, mechanism: 'dpf', mechanismText: 'Sertifioitu DPF-listalle.' },
      { name: 'Odd Ltd', country: 'GB', mechanism: 'whim' },
    ],
  },
  headings: { purposes: 'Mihin tietoja käytetään', rights: { fi: 'Sinun oikeutesi', en: 'What you can do' }, nonsense: 'x' },
  purposes: [{ purpose: 'Tilaukset', basis: 'contract' }],
  data: 'Tallennamme:\n1. nimen\n2. osoitteen\n3) puhelinnumeron',
};

describe('<keksi-notice> format additions', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('keksi-notice')) el.parentElement!.remove();
  });

  it('shows the legal form after the name and the defined short name', async () => {
    const root = await inline(FULL);
    expect(text(root.querySelector('#keksi-controller ~ .party'))).to.include('Pikku Paahtimo Oy (jäljempänä ”Paahtimo”)');
  });

  it('does not repeat a legal form the name already ends with', async () => {
    const root = await inline({ version: 1, controller: { name: 'Pikku Paahtimo Oy', legalForm: 'Oy' } });
    expect(root.querySelector('#keksi-controller ~ .party strong')!.textContent).to.equal('Pikku Paahtimo Oy');
  });

  it('renders the EU representative as its own section after the controller', async () => {
    const root = await inline(FULL, 'en');
    expect(headings(root).slice(0, 2)).to.deep.equal(['h2 Controller', 'h2 Representative in the EU']);
    expect(text(root.querySelector('#keksi-representative ~ .party')))
      .to.include('Nordic Rep AB')
      .and.include('Storgatan 1');
  });

  it('marks processors and names each recipient’s country and transfer mechanism', async () => {
    const root = await inline(FULL);
    const items = [...root.querySelectorAll('#keksi-recipients ~ ul > li')].map(text);
    expect(items[0]).to.equal('Paytrail Oyj – maksut (FI) · henkilötietojen käsittelijä');
    expect(items[1]).to.equal(
      'Mailer Inc – uutiskirje (US) · henkilötietojen käsittelijä · Siirtoperuste: EU:n ja Yhdysvaltain tietosuojakehys (DPF). Sertifioitu DPF-listalle.',
    );
  });

  it('leaves out an unknown mechanism and says so', async () => {
    let root!: ShadowRoot;
    const warnings = await captureWarnings(async () => {
      root = await inline(FULL);
    });
    expect(text(root.querySelectorAll('#keksi-recipients ~ ul > li')[2])).to.equal('Odd Ltd (GB)');
    expect(warnings.some((w) => w.startsWith('[keksi]') && w.includes('mechanism'))).to.equal(true);
  });

  it('shows the shop’s own headings for standard sections, in the page language, and ignores unknown ones', async () => {
    const fi = await inline(FULL);
    expect(headings(fi)).to.include('h2 Mihin tietoja käytetään').and.include('h2 Sinun oikeutesi');
    expect(fi.querySelector('#keksi-purposes')!.textContent).to.equal('Mihin tietoja käytetään');
    expect(headings(fi).join()).to.not.include('nonsense');
    const en = await inline(FULL, 'en');
    expect(headings(en)).to.include('h2 What you can do');
  });

  it('keeps numbered lists as ordered lists', async () => {
    const root = await inline(FULL);
    const ol = root.querySelector('#keksi-data ~ ol')!;
    expect([...ol.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['nimen', 'osoitteen', 'puhelinnumeron']);
    expect(root.querySelector('#keksi-data ~ p')!.textContent).to.equal('Tallennamme:');
  });

  it('starts a numbered list at its first number', async () => {
    const root = await inline({ version: 1, controller: { name: 'A' }, data: '3. kolmas\n4. neljäs' });
    expect(root.querySelector('#keksi-data ~ ol')!.getAttribute('start')).to.equal('3');
  });

  it('has no axe violations with every addition', async () => {
    await inline(FULL);
    expect(await axeViolations(document.querySelector('keksi-notice')!)).to.deep.equal([]);
  });
});

// test/fixtures/imported/*.json are `keksi import` of test/fixtures/seeds/*.txt (test/node/import.test.mjs keeps them current).
const IMPORTED = {
  kruununjalokivi: { seed: '000-kruununjalokivi.txt', own: 'h2 Tietojen käsittelyn kesto' },
  kehobalanssi: { seed: '001-kehobalanssi.txt', own: 'h2 Rekisteröidyn oikeudet' },
  kalvokeskus: { seed: '002-kalvokeskus.txt', own: 'h2 Miten tietoa kerätään ja saadaan?' },
};

describe('<keksi-notice> with the seeds as `keksi import` made them', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('keksi-notice')) el.parentElement!.remove();
  });

  for (const [name, { seed, own }] of Object.entries(IMPORTED)) {
    it(`imports ${name} in the browser too, the same as the CLI`, async () => {
      const text = await (await fetch(`/test/fixtures/seeds/${seed}`)).text();
      const expected = await (await fetch(`/test/fixtures/imported/${name}.json`)).json();
      expect(importNotice(text).notice).to.deep.equal(expected);
    });

    it(`renders ${name} with the shop’s own text and headings, no [keksi] error and no axe violations`, async () => {
      let root!: ShadowRoot;
      const warnings = await captureWarnings(async () => {
        root = await notice(`<keksi-notice src="/test/fixtures/imported/${name}.json" lang="fi" heading-level="1"></keksi-notice>`);
      });
      // The checker's findings are for the shop; anything else would be a problem with the data.
      expect(warnings.filter((w) => !w.startsWith('[keksi] notice check'))).to.deep.equal([]);
      expect(root.querySelector('[part=error]')).to.equal(null);
      expect(headings(root)).to.include(own);
      expect(root.querySelector('#keksi-rights ~ ul'), 'no standard rights texts: the shop’s own words only').to.equal(null);
      expect(await axeViolations(document.querySelector('keksi-notice')!)).to.deep.equal([]);
    });
  }
});
