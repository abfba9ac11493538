import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/notice-entry.js';
import type { KeksiNotice } from '../../src/notice/keksi-notice.js';
import { axeViolations, captureWarnings, mount, prefsOf } from '../helpers.js';
import { settled, until } from '../wait.js';

async function notice(markup: string, consent = ''): Promise<ShadowRoot> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  if (consent) await mount(consent);
  const el = host.querySelector('keksi-notice') as KeksiNotice;
  // A bounded poll until the data is loaded (or failed): until then the element shows only its slot,
  // and loading may take seconds on a busy machine.
  const state = el as unknown as { notice?: unknown; failed?: boolean };
  const loading = () => !!(el.src || el.querySelector('script[type="application/json"]')) && !state.notice && !state.failed;
  await until(() => !loading() && el.shadowRoot?.querySelector('article, [part=error]'), `<keksi-notice> ${el.src || 'inline'} to render`, 8000);
  await settled();
  return el.shadowRoot!;
}

const headings = (root: ShadowRoot) => [...root.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => `${h.localName} ${h.textContent!.trim()}`);
const CONSENT = '<keksi-consent categories="analytics marketing" ga="G-KEHO12345" meta-pixel="1234567890" lang="fi" no-reopen-button></keksi-consent>';

describe('<keksi-notice>', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('keksi-notice')) el.parentElement!.remove();
  });

  describe('seeds', () => {
    it('renders Kruununjalokivi with its sections in the standard order and heading levels', async () => {
      const root = await notice('<keksi-notice src="/demo/notices/kruununjalokivi.json" lang="fi" heading-level="1"></keksi-notice>');
      expect(headings(root)).to.deep.equal([
        'h1 Tietosuojaseloste, asiakas- ja markkinointirekisteri',
        'h2 Rekisterinpitäjä',
        'h2 Henkilötietojen käsittelyn tarkoitus ja oikeusperuste',
        'h2 Rekisterin tietosisältö',
        'h2 Säännönmukaiset tietolähteet',
        'h2 Tietojen säännönmukaiset luovutukset',
        'h2 Rekisterin suojauksen periaatteet',
        'h2 Tietojen säilytysaika',
        'h2 Rekisteröidyn oikeudet',
      ]);
      const link = root.querySelector('a[href^="https://tietosuoja.fi"]')!;
      expect(link.textContent).to.equal('ohjeet valituksen tekemiseen');
      expect(root.querySelector('a[href="mailto:info@kruununjalokivi.example"]')).to.not.equal(null);
    });

    it('renders Kehobalanssi: contact person, lists, manual and electronic security, its own cookie text', async () => {
      const root = await notice('<keksi-notice src="/demo/notices/kehobalanssi.json" lang="fi"></keksi-notice>');
      expect(headings(root).slice(0, 4)).to.deep.equal([
        'h2 Asiakasrekisteri – tietosuojaseloste',
        'h3 Rekisterinpitäjä',
        'h3 Yhteyshenkilö rekisteriä koskevissa asioissa',
        'h3 Rekisterin nimi',
      ]);
      expect(headings(root).at(-1)).to.equal('h3 Evästeet');
      expect([...root.querySelectorAll('#keksi-data ~ ul li')].map((li) => li.textContent)).to.include('Ikä tai syntymäaika');
      expect(root.textContent).to.include('Manuaalinen aineisto').and.include('Sähköinen aineisto');
      expect(root.querySelector('a[href="tel:0400000001"]')).to.not.equal(null);
      expect(root.querySelector('.meta')!.textContent).to.include('Laadittu 4.1.2018');
    });

    it('renders Kalvokeskus with a table of contents whose links reach every section', async () => {
      const root = await notice('<keksi-notice src="/demo/notices/kalvokeskus.json" lang="fi"></keksi-notice>');
      const links = [...root.querySelectorAll('nav[part=toc] a')] as HTMLAnchorElement[];
      const ids = [...root.querySelectorAll('section h3')].map((h) => '#' + h.id);
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(ids);
      expect(root.querySelector('strong')!.textContent).to.equal('Kalvokeskus.fi (Matti Esimerkki)');
      links.at(-1)!.click();
      expect(location.hash).to.equal(ids.at(-1));
      history.replaceState(null, '', location.pathname + location.search);
    });
  });

  describe('keyboard', () => {
    it('a table-of-contents link moves focus to its heading, so the next Tab continues from there (2.4.3)', async () => {
      const root = await notice('<keksi-notice src="/demo/notices/kalvokeskus.json" lang="fi"></keksi-notice>');
      const links = [...root.querySelectorAll('nav[part=toc] a')] as HTMLAnchorElement[];
      const target = root.getElementById(links[2].hash.slice(1))!;
      links[2].focus();
      await sendKeys({ press: 'Enter' });
      expect(root.activeElement === target, `focus on ${root.activeElement?.outerHTML.slice(0, 80)}`).to.equal(true);
      await sendKeys({ press: 'Tab' });
      const next = root.activeElement;
      expect(!!next && !links.includes(next as HTMLAnchorElement), 'Tab leaves the table of contents behind').to.equal(true);
      expect(!!next && !!(target.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING), 'and goes on after the heading').to.equal(true);
      history.replaceState(null, '', location.pathname + location.search);
    });
  });

  describe('cookie section and consent box', () => {
    it('lists the same categories and services as the preferences dialog', async () => {
      const root = await notice('<keksi-notice src="/demo/notices/kehobalanssi.json" lang="fi"></keksi-notice>', CONSENT);
      const consent = document.querySelector('keksi-consent') as HTMLElement & { showPreferences(): Promise<void> };
      await consent.showPreferences();
      await settled(consent as never);
      const dialogServices = [...prefsOf(consent as never)!.querySelectorAll('.service')].map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
      const noticeServices = [...root.querySelectorAll('.service')].map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
      expect(noticeServices).to.deep.equal(dialogServices);
      expect(noticeServices.join()).to.include('_ga_KEHO12345 (2 vuotta)').and.include('_fbp (3 kuukautta)');
      prefsOf(consent as never)!
        .querySelector('dialog')!
        .close();
    });

    it('lists a gated YouTube embed on its page, as the dialog does, without configure()', async () => {
      const root = await notice(
        '<iframe data-category="marketing" data-src="https://www.youtube-nocookie.com/embed/VIDEO" title="Video"></iframe><keksi-notice src="/demo/notices/kehobalanssi.json" lang="fi"></keksi-notice>',
        CONSENT,
      );
      const noticeServices = [...root.querySelectorAll('.service')].map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
      expect(noticeServices.join()).to.include('YouTube').and.include('VISITOR_INFO1_LIVE (6 kuukautta)');
    });

    it('shows the visitor’s consent and updates it live; its button opens the settings', async () => {
      const root = await notice('<keksi-notice src="/demo/notices/pikku-paahtimo.json" lang="fi"></keksi-notice>', CONSENT);
      const box = () => root.querySelector('[part=consent]')!;
      expect(box().textContent).to.include('Et ole vielä tehnyt evästevalintaa.');
      const consent = document.querySelector('keksi-consent') as HTMLElement & { setConsent(c: string[]): void; getConsent(): { id: string } };
      consent.setConsent(['analytics']);
      await settled();
      expect(box().textContent).to.include(consent.getConsent().id).and.include('Välttämättömät, Analytiikka');
      (box().querySelector('button') as HTMLButtonElement).click();
      await settled(consent as never);
      expect(prefsOf(consent as never)!.querySelector('dialog')!.open).to.equal(true);
      prefsOf(consent as never)!
        .querySelector('dialog')!
        .close();
    });

    it('adds the generated cookie section to a shop’s own slotted HTML notice', async () => {
      const root = await notice('<keksi-notice lang="en"><h2>Our notice</h2><p>Hand-written.</p></keksi-notice>', CONSENT);
      expect(root.querySelector('slot')).to.not.equal(null);
      expect(headings(root)).to.deep.equal(['h2 Cookies']);
      expect(root.textContent).to.include('Google Analytics');
    });
  });

  describe('data', () => {
    it('reads inline JSON and renders texts in the page language, with standard rights', async () => {
      const data = {
        version: 1,
        controller: { name: 'Testi Oy' },
        retention: { fi: 'Kaksi vuotta.', sv: 'Två år.', en: 'Two years.' },
        purposes: [{ purpose: 'Tilaukset', basis: 'contract' }],
      };
      const root = await notice(`<keksi-notice lang="sv"><script type="application/json">${JSON.stringify(data)}</script></keksi-notice>`);
      expect(headings(root)).to.include('h2 Lagringstid');
      expect(root.textContent).to.include('Två år.').and.include('dataombudsmannen').and.include('Rättslig grund: avtal');
    });

    it('keeps hostile data inert: no elements, no handlers, no javascript: links', async () => {
      const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
      const data = {
        version: 1,
        title: evil,
        intro: `[click](javascript:window.__pwned=1) [x](java\tscript:alert(1)) ${evil}`,
        controller: { name: evil, email: 'a@b.fi" onclick="x', url: 'javascript:window.__pwned=1', address: evil },
        purposes: [{ purpose: { fi: evil }, basis: 'consent' }],
        sections: [{ title: evil, text: '- ' + evil }],
      };
      const root = await notice(
        `<keksi-notice lang="fi"><script type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script></keksi-notice>`,
      );
      // No element and no handler attribute was created (second line), so no handler can run later either.
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(root.querySelectorAll('img, script, [onerror], [onclick]').length).to.equal(0);
      for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(https?:|mailto:|tel:|#)/);
      expect(root.textContent).to.include('<img src=x onerror=');
    });

    it('shows a visible error and a [keksi] message when the data cannot be loaded', async () => {
      let root!: ShadowRoot;
      const warnings = await captureWarnings(async () => {
        root = await notice('<keksi-notice src="/demo/notices/missing.json" lang="fi"></keksi-notice>');
      });
      expect(root.querySelector('[part=error]')!.textContent).to.equal('Tietosuojaselostetta ei voitu ladata.');
      expect(root.querySelector('[part=error]')!.getAttribute('role')).to.equal('alert');
      expect(warnings.some((w) => w.startsWith('[keksi]') && w.includes('missing.json'))).to.equal(true);
    });

    it('renders the valid parts of partly invalid data and says what it left out', async () => {
      const data = { version: 1, controller: { name: 'Osittain Oy' }, retention: 42, purposes: 'no', data: 'Nimi ja osoite.' };
      let root!: ShadowRoot;
      const warnings = await captureWarnings(async () => {
        root = await notice(`<keksi-notice lang="fi"><script type="application/json">${JSON.stringify(data)}</script></keksi-notice>`);
      });
      expect(headings(root)).to.deep.equal(['h2 Rekisterinpitäjä', 'h2 Rekisterin tietosisältö', 'h2 Rekisteröidyn oikeudet']);
      expect(warnings.some((w) => w.includes('"retention" is not valid'))).to.equal(true);
    });

    it('leaves the checker to the shop’s tools: a notice with errors renders and logs no findings', async () => {
      // kalvokeskus.json has checker errors (no retention period); visitors' pages do not carry the checker.
      const warnings = await captureWarnings(async () => {
        const root = await notice('<keksi-notice src="/demo/notices/kalvokeskus.json?nocheck" lang="fi"></keksi-notice>');
        expect(headings(root).length).to.be.greaterThan(3);
      });
      expect(warnings.filter((w) => w.includes('notice check'))).to.deep.equal([]);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations, with the cookie section and consent box', async () => {
      const root = await notice('<keksi-notice src="/demo/notices/pikku-paahtimo.json" lang="fi" heading-level="1"></keksi-notice>', CONSENT);
      expect(root.querySelector('[part=consent]')).to.not.equal(null);
      expect(await axeViolations(document.querySelector('keksi-notice')!)).to.deep.equal([]);
    });
  });
});
