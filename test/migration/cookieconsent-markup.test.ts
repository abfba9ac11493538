// cookieconsent v3's markup on a Keksi page (issue 15): `data-category="!cat"` scripts, `data-cc`
// buttons and links, and category names in mixed case. What cookieconsent itself does with the same
// markup is checked side by side in test/e2e/migration.test.mjs; these tests pin Keksi's side.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { bannerOf, captureWarnings, mount, prefsOf, readConsentCookie, storeConsent } from '../helpers.js';
import { gateDone, settled, until } from '../wait.js';

const NOT = `
  <script type="text/plain" data-category="analytics">window.__ran.push('on')</script>
  <script type="text/plain" data-category="!analytics">window.__ran.push('off')</script>`;
const SHOP = (extra = '') => `${NOT}${extra}<keksi-consent categories="analytics marketing" no-reopen-button></keksi-consent>`;

describe('cookieconsent markup', () => {
  describe('data-category="!analytics" runs when analytics is withdrawn during the page, once', () => {
    it('not on a first visit before any choice, nor on a first rejection', async () => {
      const el = await mount(SHOP());
      await gateDone();
      expect(window.__ran).to.deep.equal([]);
      el.rejectAll();
      await gateDone();
      expect(window.__ran).to.deep.equal([]);
    });

    it('after a grant is withdrawn, once, also when granted and withdrawn again', async () => {
      const el = await mount(SHOP());
      el.acceptAll();
      await gateDone();
      expect(window.__ran).to.deep.equal(['on']);
      el.rejectAll();
      await gateDone();
      expect(window.__ran).to.deep.equal(['on', 'off']);
      el.acceptAll();
      el.rejectAll();
      await gateDone();
      expect(window.__ran).to.deep.equal(['on', 'off']);
    });

    it('a returning visitor who rejected: not at load; one who accepted: when withdrawing', async () => {
      storeConsent([], ['analytics', 'marketing']);
      await mount(SHOP());
      await gateDone();
      expect(window.__ran).to.deep.equal([]);
    });

    it('a returning visitor who accepted: at the withdrawal, and for the marketing one only when marketing goes', async () => {
      storeConsent(['analytics', 'marketing'], []);
      const el = await mount(SHOP(`<script type="text/plain" data-category="!marketing">window.__ran.push('off-marketing')</script>`));
      await gateDone();
      expect(window.__ran).to.deep.equal(['on']);
      el.setConsent(['marketing']);
      await gateDone();
      expect(window.__ran).to.deep.equal(['on', 'off']);
      el.rejectAll();
      await gateDone();
      expect(window.__ran).to.deep.equal(['on', 'off', 'off-marketing']);
    });

    it('"!" on a category that is not configured never runs, and says so', async () => {
      const said = await captureWarnings(async () => {
        const el = await mount(`<script type="text/plain" data-category="!ads">window.__ran.push('ads')</script>
          <keksi-consent categories="analytics" no-reopen-button></keksi-consent>`);
        el.acceptAll();
        el.rejectAll();
        await gateDone();
      });
      expect(window.__ran).to.deep.equal([]);
      expect(said.some((s) => s.startsWith('[keksi]') && s.includes('"ads"'))).to.equal(true);
    });
  });

  describe('category names keep their case', () => {
    it('categories="socialMedia" runs data-category="socialMedia" on accept and stores the name as written', async () => {
      const el = await mount(`<script type="text/plain" data-category="socialMedia">window.__ran.push('social')</script>
        <keksi-consent categories="socialMedia" no-reopen-button></keksi-consent>`);
      el.acceptAll();
      await gateDone();
      expect(window.__ran).to.deep.equal(['social']);
      expect(readConsentCookie().a).to.deep.equal(['socialMedia']);
      expect(el.has('socialMedia')).to.equal(true);
      expect(el.has('socialmedia')).to.equal(false);
    });

    it('a returning visitor\'s "socialMedia" choice is read back', async () => {
      storeConsent(['socialMedia'], []);
      const el = await mount(`<script type="text/plain" data-category="socialMedia">window.__ran.push('social')</script>
        <keksi-consent categories="socialMedia" no-reopen-button></keksi-consent>`);
      await gateDone();
      expect(window.__ran).to.deep.equal(['social']);
      expect(el.getConsent()!.accepted).to.deep.equal(['necessary', 'socialMedia']);
    });
  });

  describe('data-cc buttons and links', () => {
    const BUTTONS = `
      <button type="button" id="prefs" data-cc="show-preferencesModal">Cookie settings</button>
      <button type="button" id="banner" data-cc="show-consentModal">Cookies</button>
      <button type="button" id="all" data-cc="accept-all">Accept all</button>
      <a href="#" id="necessary" data-cc="accept-necessary">Necessary only</a>
      <button type="button" id="custom" data-cc="accept-custom">Accept selection</button>`;
    const click = (id: string) => document.getElementById(id)!.click();

    it('show-preferencesModal opens the dialog, and focus returns to the button', async () => {
      storeConsent([], ['analytics', 'marketing']);
      const el = await mount(SHOP(BUTTONS));
      document.getElementById('prefs')!.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = (await until(() => prefsOf(el)?.querySelector('dialog'), 'the dialog'))!;
      await settled(el);
      expect(dialog.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(dialog.open).to.equal(false);
      expect(document.activeElement!.id).to.equal('prefs');
    });

    it('show-consentModal shows the banner', async () => {
      storeConsent([], ['analytics', 'marketing']);
      const el = await mount(SHOP(BUTTONS));
      expect(bannerOf(el)).to.equal(null);
      click('banner');
      await until(() => bannerOf(el), 'the banner');
      await settled(el);
    });

    it('accept-all accepts every category; accept-necessary (a link, by keyboard) rejects them and does not follow the link', async () => {
      const el = await mount(SHOP(BUTTONS));
      click('all');
      await until(() => el.getConsent(), 'a decision');
      await gateDone();
      expect(el.getConsent()!.accepted).to.deep.equal(['necessary', 'analytics', 'marketing']);
      expect(bannerOf(el)).to.equal(null);
      const before = location.href;
      document.getElementById('necessary')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !el.has('analytics'), 'the rejection');
      await gateDone();
      expect(el.getConsent()!.accepted).to.deep.equal(['necessary']);
      expect(location.href).to.equal(before);
      expect(window.__ran).to.deep.equal(['on', 'off']);
    });

    it("accept-custom (the selection in cookieconsent's own dialog) decides nothing and says so", async () => {
      const el = await mount(SHOP(BUTTONS));
      const original = console.warn;
      const warned = new Promise((resolve) => (console.warn = resolve));
      try {
        click('custom');
        expect(String(await warned)).to.match(/^\[keksi\] .*accept-custom/);
      } finally {
        console.warn = original;
      }
      await settled(el);
      expect(el.getConsent()).to.equal(null);
    });
  });
});
