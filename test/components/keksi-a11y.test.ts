/**
 * Accessibility beyond axe (issue 13): where focus goes after a decision and what is announced, the
 * button rows at 400 % zoom (320×256 CSS px) and with WCAG 1.4.12 text spacing, the dialog's fixed
 * header and buttons and its disclosure controls. Real Chromium and Firefox; keys by sendKeys.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { configure } from '../../src/entry/api.js';
import { bannerOf, mount, part, prefsOf } from '../helpers.js';
import { settled, until } from '../wait.js';

type KeksiConsentEl = Awaited<ReturnType<typeof mount>>;

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** An element as a short string: chai would print a failing DOM comparison by serialising the whole page. */
const named = (e: Element | null) => (e ? `${e.localName}${e.id ? '#' + e.id : ''}${e.getAttribute('part') ? `[${e.getAttribute('part')}]` : ''}` : 'null');

const status = (el: KeksiConsentEl) => el.shadowRoot!.querySelector('[role=status]');

/** Activate a button the way a keyboard user does: focus it, press Enter. */
async function press(button: HTMLElement): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
}

/** Text spacing as WCAG 1.4.12 asks for, inside a shadow root (the bookmarklet's stylesheet does not reach in). */
function spaceText(root: ShadowRoot): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
  );
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Set the viewport and check that it took (in Firefox, see toleratingOrientation in web-test-runner.config.mjs). */
async function resize(width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  await until(() => innerWidth === width && innerHeight === height, `a ${width}×${height} viewport (now ${innerWidth}×${innerHeight})`);
}

function inViewport(b: Element): boolean {
  const r = b.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
}

const FULL = 'categories="preferences analytics marketing" ga="G-TEST12345" google-ads="AW-123456789" meta-pixel="1234567890" notice-url="/tietosuojaseloste"';

describe('accessibility beyond axe', () => {
  afterEach(() => resize(800, 600));

  describe('focus and announcement after a decision', () => {
    for (const action of ['accept-all', 'reject-all', 'save'] as const) {
      it(`${action}: focus moves to the reopen button, never <body>, and "choice saved" is announced`, async () => {
        const el = await mount(`<keksi-consent categories="analytics marketing" lang="en"></keksi-consent>`);
        const region = status(el);
        expect(region, 'a live region exists before anything is decided').to.not.equal(null);
        expect(region!.textContent!.trim()).to.equal('');
        const banner = bannerOf(el)!;
        if (action === 'save') {
          await press(part(banner, 'settings'));
          await settled(el);
          await press(part(prefsOf(el), 'save'));
        } else await press(part(banner, action));
        await settled(el);
        await until(() => deepActive() !== document.body, 'focus to land somewhere');
        expect(named(deepActive())).to.equal('button[reopen]');
        expect(region!.textContent!.trim()).to.equal('Choice saved.');
      });
    }

    it('focus returns to what had focus before the banner opened', async () => {
      const host = document.createElement('div');
      host.innerHTML = '<input id="search" aria-label="search">';
      document.body.append(host);
      try {
        (host.firstElementChild as HTMLElement).focus();
        const el = await mount(`<keksi-consent categories="analytics" lang="fi"></keksi-consent>`);
        await press(part(bannerOf(el), 'reject-all'));
        await settled(el);
        expect(named(deepActive())).to.equal('input#search');
        expect(status(el)!.textContent!.trim()).to.equal('Valintasi on tallennettu.');
      } finally {
        host.remove();
      }
    });

    it('a dialog closed by Esc gives focus back once: a Tab the visitor pressed before its close event stays where it went', async () => {
      const el = await mount(`<keksi-consent categories="analytics" lang="fi" no-reopen-button></keksi-consent>`);
      const banner = bannerOf(el)!;
      await press(part(banner, 'settings'));
      await settled(el);
      const dialog = prefsOf(el)!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      // Esc closes the dialog at once and the browser puts focus back; the dialog's "close" event comes
      // in a later task, and a loaded browser handles the visitor's next keys (Shift+Tab) before it.
      const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
      dialog.close();
      part(banner, 'reject-all').focus();
      await closed;
      await settled(el);
      expect(named(deepActive())).to.equal('button[button reject-all]');
    });

    it('the dialog opened from the reopen button gives focus back to it after saving', async () => {
      const el = await mount(`<keksi-consent categories="analytics" lang="sv"></keksi-consent>`);
      el.rejectAll();
      await settled(el);
      const reopen = part(el.shadowRoot, 'reopen');
      await press(reopen);
      await settled(el);
      expect(prefsOf(el)!.querySelector('dialog')!.open).to.equal(true);
      await press(part(prefsOf(el), 'save'));
      await settled(el);
      await until(() => deepActive() !== document.body, 'focus to land somewhere');
      expect(named(deepActive())).to.equal('button[reopen]');
      expect(status(el)!.textContent!.trim()).to.equal('Ditt val har sparats.');
    });

    it('allowing an embed by keyboard moves focus to the content it shows', async () => {
      const el = await mount(`<iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html#v" title="Video" width="320" height="180"></iframe>
        <keksi-consent categories="marketing" lang="en" no-reopen-button></keksi-consent>`);
      const embed = await until(() => document.querySelector('keksi-embed') as HTMLElement | null, 'the placeholder');
      await settled(el);
      await press(part(embed!.shadowRoot, 'allow'));
      await until(() => !embed!.isConnected, 'the placeholder to go');
      expect(named(deepActive())).to.equal('iframe');
    });

    it('without a reopen button, focus goes to the page’s own [data-keksi-open] link', async () => {
      const el = await mount(
        `<keksi-consent categories="analytics" lang="en" no-reopen-button></keksi-consent><a href="#" data-keksi-open id="own">Cookie settings</a>`,
      );
      await press(part(bannerOf(el), 'accept-all'));
      await settled(el);
      expect(named(deepActive())).to.equal('a#own');
    });
  });

  describe('400 % zoom and text spacing', () => {
    for (const [width, height] of [
      [320, 256],
      [320, 480],
    ]) {
      for (const spaced of [false, true]) {
        it(`banner at ${width}×${height}${spaced ? ' with text spacing' : ''}: every button is on screen, the text scrolls`, async () => {
          await resize(width, height);
          const el = await mount(`<keksi-consent ${FULL} lang="fi" no-reopen-button></keksi-consent>`);
          const root = bannerOf(el)!;
          if (spaced) spaceText(root);
          await settled(el);
          for (const name of ['accept-all', 'reject-all', 'settings']) expect(inViewport(part(root, name)), name).to.equal(true);
          expect(inViewport(part(root, 'banner')), 'the banner box').to.equal(true);
        });
      }
    }
  });

  describe('the dialog', () => {
    for (const [width, height] of [
      [360, 640],
      [320, 256],
    ]) {
      it(`at ${width}×${height}: title and buttons stay on screen while the categories scroll`, async () => {
        await resize(width, height);
        const el = await mount(`<keksi-consent ${FULL} lang="fi" no-reopen-button></keksi-consent>`);
        await el.showPreferences();
        await settled(el);
        const prefs = prefsOf(el)!;
        // Every category open: the most there is to scroll.
        for (const b of prefs.querySelectorAll<HTMLElement>('[aria-expanded]')) b.click();
        await settled(el);
        const scroller = prefs.querySelector('.body') as HTMLElement;
        scroller.scrollTop = scroller.scrollHeight;
        expect(scroller.scrollTop, 'the categories scroll').to.be.greaterThan(0);
        for (const name of ['accept-all', 'reject-all', 'save', 'close']) expect(inViewport(part(prefs, name)), name).to.equal(true);
        expect(inViewport(prefs.querySelector('h2')!), 'the title').to.equal(true);
        prefs.querySelector('dialog')!.close();
      });
    }

    it('categories are collapsed behind real disclosure buttons that name the number of services', async () => {
      const el = await mount(`<keksi-consent ${FULL} lang="fi" no-reopen-button></keksi-consent>`);
      await el.showPreferences();
      await settled(el);
      const prefs = prefsOf(el)!;
      const toggle = prefs.querySelector('#x-marketing') as HTMLButtonElement;
      expect(toggle.localName).to.equal('button');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const panel = prefs.getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(panel.hidden).to.equal(true);
      expect(toggle.textContent).to.include('2 palvelua');
      expect((prefs.querySelector('#x-analytics') as HTMLElement).textContent).to.include('1 palvelu');
      // A category with no listed service says nothing of a count (not "0 palvelua").
      expect((prefs.querySelector('#x-preferences') as HTMLElement).textContent!.trim()).to.equal('Toiminnalliset');
      await press(toggle);
      await settled(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hidden).to.equal(false);
      expect(panel.textContent).to.include('Meta Pixel');
      // The switch keeps its own name: the category's title.
      const marketing = prefs.querySelector('#c-marketing') as HTMLInputElement;
      expect(prefs.getElementById(marketing.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.equal('Markkinointi');
      prefs.querySelector('dialog')!.close();
    });

    it('accept and reject are built alike in banner and dialog; settings and save are never smaller', async () => {
      const el = await mount(`<keksi-consent ${FULL} lang="sv" no-reopen-button></keksi-consent>`);
      await el.showPreferences();
      await settled(el);
      for (const root of [bannerOf(el)!, prefsOf(el)!]) {
        const look = (p: string) => {
          const s = getComputedStyle(part(root, p));
          return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderTopWidth, part(root, p).offsetHeight].join();
        };
        const size = (p: string) => [getComputedStyle(part(root, p)).fontSize, part(root, p).offsetHeight].join();
        expect(look('reject-all')).to.equal(look('accept-all'));
        expect(part(root, 'reject-all').offsetWidth).to.equal(part(root, 'accept-all').offsetWidth);
        expect(size(root === bannerOf(el) ? 'settings' : 'save')).to.equal(size('accept-all'));
      }
      prefsOf(el)!.querySelector('dialog')!.close();
    });
  });

  describe('reopen button placement', () => {
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

    for (const [attr, side] of [
      ['', 'left'],
      ['reopen="bottom-left"', 'left'],
      ['reopen="bottom-right"', 'right'],
    ]) {
      it(`${attr || 'by default'}: in the bottom ${side} corner, and the page's last link can be scrolled clear of it`, async () => {
        await resize(360, 640);
        const el = await mount(`<div style="height: 1500px">content</div><p style="margin: 0"><a href="#x" id="last-left">Tietosuoja</a>
          <a href="#x" id="last-right" style="float: right">Yhteystiedot</a></p><keksi-consent categories="analytics" lang="fi" ${attr}></keksi-consent>`);
        el.rejectAll();
        await settled(el);
        const button = part(el.shadowRoot, 'reopen').getBoundingClientRect();
        expect(innerHeight - button.bottom).to.be.within(4, 24);
        expect(side === 'left' ? button.left : innerWidth - button.right).to.be.within(4, 24);
        scrollTo(0, document.documentElement.scrollHeight);
        for (const id of ['last-left', 'last-right']) {
          expect(overlap(document.getElementById(id)!.getBoundingClientRect(), button), id).to.equal(false);
        }
        scrollTo(0, 0);
      });
    }

    it('reopen="none": no floating button, the shop’s own data-keksi-open link opens the settings', async () => {
      const el = await mount(
        `<keksi-consent categories="analytics" lang="fi" reopen="none"></keksi-consent><a href="#" data-keksi-open id="own">Evästeasetukset</a>`,
      );
      await press(part(bannerOf(el), 'reject-all'));
      await settled(el);
      expect(!!el.shadowRoot!.querySelector('[part~=reopen]'), 'a reopen button').to.equal(false);
      expect(named(deepActive())).to.equal('a#own');
      document.getElementById('own')!.click();
      await settled(el);
      expect(prefsOf(el)!.querySelector('dialog')!.open).to.equal(true);
      prefsOf(el)!.querySelector('dialog')!.close();
    });
  });

  describe('texts', () => {
    it('the banner names who sets cookies, derived from the configured services', async () => {
      configure({ services: [{ name: 'Klarna', category: 'marketing', provider: 'Klarna Bank AB (publ)', purpose: 'Maksut', cookies: [] }] });
      const el = await mount(`<keksi-consent ${FULL} lang="fi" no-reopen-button></keksi-consent>`);
      const text = part(bannerOf(el), 'banner').querySelector('#d')!.textContent!;
      expect(text).to.include('Google, Meta ja Klarna Bank AB');
    });

    it('service details show the provider’s name and durations in human units, never a host name', async () => {
      const el = await mount(`<keksi-consent ${FULL} lang="fi" expires-days="182" no-reopen-button></keksi-consent>`);
      await el.showPreferences();
      await settled(el);
      const text = prefsOf(el)!.querySelector('.body')!.textContent!;
      expect(text).to.include('_ga (2 vuotta)').and.include('_gcl_au (3 kuukautta)').and.include('keksi_consent (6 kuukautta)');
      expect(text).to.not.include(location.hostname);
      prefsOf(el)!.querySelector('dialog')!.close();
    });

    it('an embed placeholder names the category’s cookies and the iframe’s title', async () => {
      const el =
        await mount(`<iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html#v" title="Tuote-esittely" width="320" height="180"></iframe>
        <keksi-consent categories="marketing" lang="fi" no-reopen-button></keksi-consent>`);
      const embed = await until(() => document.querySelector('keksi-embed') as HTMLElement | null, 'the placeholder');
      await settled(el);
      expect(part(embed!.shadowRoot, 'allow').textContent!.trim()).to.equal('Salli markkinointievästeet ja näytä: Tuote-esittely');
    });
  });
});
