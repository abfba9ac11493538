import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations, bannerOf, captureWarnings, clearCookies, mount, part, prefsOf, readConsentCookie, storeConsent, unmountAll } from '../helpers.js';
import { gateDone, settled, until } from '../wait.js';

const GATED = `
  <script type="text/plain" data-category="analytics">window.__ran.push('analytics-1')</script>
  <script type="text/plain" data-category="marketing">window.__ran.push('marketing-1')</script>
  <script type="text/plain" data-category="analytics" src="/test/fixtures/ext-a.js"></script>
  <script type="text/plain" data-category="analytics">window.__ran.push('analytics-2')</script>
  <iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html#video" title="Video" width="320" height="180"></iframe>`;
type KeksiConsentEl = Awaited<ReturnType<typeof mount>>;
const SHOP = (attrs = 'categories="analytics marketing"') => `${GATED}<keksi-consent ${attrs} no-reopen-button></keksi-consent>`;

const ran = (n: number) => until(() => window.__ran.length === n, `${n} gated scripts to run`);

describe('<keksi-consent>', () => {
  describe('first visit', () => {
    it('shows the banner and runs no gated element', async () => {
      const el = await mount(SHOP());
      await gateDone();
      expect(bannerOf(el)).to.not.equal(null);
      expect(window.__ran).to.deep.equal([]);
      expect(document.querySelector('iframe[data-category]')!.getAttribute('src')).to.equal(null);
      expect(readConsentCookie()).to.equal(undefined);
    });

    it('shows accept and reject of identical style, settings outlined but never smaller', async () => {
      const el = await mount(SHOP());
      const root = bannerOf(el);
      const styleOf = (p: string) => {
        const s = getComputedStyle(part(root, p));
        return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderTopWidth, s.height].join();
      };
      const sizeOf = (p: string) => styleOf(p).split(',').slice(-4).join();
      expect(styleOf('reject-all')).to.equal(styleOf('accept-all'));
      expect(sizeOf('settings')).to.equal(sizeOf('accept-all'));
    });

    it("forces no style or layout in <keksi-consent>'s own tree before the banner is there (issue 17: no forced font probe)", async () => {
      // Reads of computed style or layout of a node straight in <keksi-consent>'s shadow root (the
      // banner's own parts are in the banner's tree), from mounting to the banner being drawn.
      const forced: string[] = [];
      const ours = (n: unknown) => n instanceof Node && (n.getRootNode() as ShadowRoot).host?.localName === 'keksi-consent';
      const gcs = window.getComputedStyle;
      const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth')!;
      window.getComputedStyle = function (this: Window, elt: Element, pseudo?: string | null) {
        if (ours(elt)) forced.push(`getComputedStyle(<${elt.localName}>)`);
        return gcs.call(this, elt, pseudo);
      };
      Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
        configurable: true,
        get(this: HTMLElement) {
          if (ours(this)) forced.push(`<${this.localName}>.offsetWidth`);
          return width.get!.call(this);
        },
      });
      try {
        const el = await mount(SHOP());
        expect(bannerOf(el), 'the banner is drawn').to.not.equal(null);
      } finally {
        window.getComputedStyle = gcs;
        Object.defineProperty(HTMLElement.prototype, 'offsetWidth', width);
      }
      expect(forced).to.deep.equal([]);
    });
  });

  describe('decisions', () => {
    it('accept all stores the choice and runs every gated element once, in order', async () => {
      const el = await mount(SHOP());
      part(bannerOf(el), 'accept-all').click();
      await ran(4);
      await settled(el);
      expect(window.__ran).to.deep.equal(['analytics-1', 'marketing-1', 'ext-a', 'analytics-2']);
      expect(readConsentCookie()).to.include({ v: 2, r: 0 });
      expect(readConsentCookie().a).to.deep.equal(['analytics', 'marketing']);
      expect(bannerOf(el)).to.equal(null);
      expect(document.querySelector('iframe[data-category]')!.getAttribute('src')).to.equal('/test/fixtures/holds-frame.html#video');
      el.acceptAll();
      await gateDone();
      expect(window.__ran).to.have.length(4);
    });

    it('reject all stores the choice and runs nothing', async () => {
      const el = await mount(SHOP());
      part(bannerOf(el), 'reject-all').click();
      await settled(el);
      await gateDone();
      expect(window.__ran).to.deep.equal([]);
      expect(readConsentCookie()).to.include({ v: 2 });
      expect(readConsentCookie().a).to.deep.equal([]);
      expect(readConsentCookie().x).to.deep.equal(['analytics', 'marketing']);
      expect(el.getConsent()!.accepted).to.deep.equal(['necessary']);
      expect(bannerOf(el)).to.equal(null);
    });

    it('saving one category in the dialog runs only that category', async () => {
      const el = await mount(SHOP());
      part(bannerOf(el), 'settings').click();
      await settled(el);
      const prefs = prefsOf(el)!;
      expect(prefs.querySelector('dialog')!.open).to.equal(true);
      const toggles = [...prefs.querySelectorAll('input[type=checkbox]')] as HTMLInputElement[];
      expect(toggles.map((t) => [t.name, t.checked, t.disabled])).to.deep.equal([
        ['necessary', true, true],
        ['analytics', false, false],
        ['marketing', false, false],
      ]);
      toggles[1].click();
      part(prefs, 'save').click();
      await ran(3);
      await settled(el);
      await gateDone();
      expect(window.__ran).to.deep.equal(['analytics-1', 'ext-a', 'analytics-2']);
      expect(readConsentCookie().a).to.deep.equal(['analytics']);
      expect(readConsentCookie().x).to.deep.equal(['marketing']);
      expect(prefs.querySelector('dialog')!.open).to.equal(false);
      expect(el.has('analytics')).to.equal(true);
      expect(el.has('marketing')).to.equal(false);
    });

    it('activates gated elements added to the page later', async () => {
      const el = await mount(SHOP());
      el.acceptAll();
      const late = document.createElement('div');
      late.innerHTML = `<iframe data-category="analytics" data-src="/test/fixtures/holds-frame.html#late" title="Late"></iframe>`;
      document.body.append(late);
      await until(() => late.querySelector('iframe')!.getAttribute('src'), 'the late iframe to load');
      expect(late.querySelector('iframe')!.getAttribute('src')).to.equal('/test/fixtures/holds-frame.html#late');
      late.remove();
    });
  });

  describe('returning visitor', () => {
    it('sees no banner and the accepted elements run at load', async () => {
      storeConsent(['analytics'], ['marketing']);
      const el = await mount(SHOP());
      await ran(3);
      await gateDone();
      expect(bannerOf(el)).to.equal(null);
      expect(window.__ran).to.deep.equal(['analytics-1', 'ext-a', 'analytics-2']);
      expect(el.getConsent()!.id).to.equal('6f1c1b2e-1111-4aaa-8bbb-123456789abc');
    });

    it('is asked again after a revision bump, and nothing runs', async () => {
      storeConsent(['analytics', 'marketing'], []);
      const el = await mount(SHOP('categories="analytics marketing" revision="2"'));
      expect(bannerOf(el)).to.not.equal(null);
      expect(window.__ran).to.deep.equal([]);
      expect(el.getConsent()).to.equal(null);
    });

    it('is asked again when a category was added, while earlier choices still apply', async () => {
      storeConsent(['analytics'], []);
      const el = await mount(SHOP());
      await ran(3);
      await gateDone();
      expect(bannerOf(el)).to.not.equal(null);
      expect(window.__ran).to.not.include('marketing-1');
    });

    it('is asked again when the consent is older than expires-days', async () => {
      storeConsent(['analytics', 'marketing'], [], { t: new Date(Date.now() - 40 * 864e5).toISOString() });
      const el = await mount(SHOP('categories="analytics marketing" expires-days="30"'));
      expect(bannerOf(el)).to.not.equal(null);
      expect(window.__ran).to.deep.equal([]);
    });

    it('treats malformed, foreign and tampered cookies as no consent, and says which', async () => {
      const foreign = 'cookie "keksi_consent" is not Keksi\'s; set another cookie-name.';
      const unreadable = 'the cookie "keksi_consent" is unreadable; asking again.';
      const bad = [
        ['not json', foreign],
        ['%E0%A4%A', foreign],
        ['{"v":2,"id":"x"}', unreadable],
        ['[]', foreign],
        ['null', foreign],
        ['{"v":1,"id":"<img src=x>","r":0,"t":"2026-01-01T00:00:00Z","a":["analytics"],"x":[]}', unreadable],
        [encodeURIComponent('{"v":1,"id":"6f1c1b2e","r":0,"t":"yesterday","a":["analytics"],"x":[]}'), unreadable],
        [encodeURIComponent('{"v":1,"id":"6f1c1b2e","r":0,"t":"2026-01-01T00:00:00Z","a":["analytics"],"x":["analytics"]}'), unreadable],
        ['x'.repeat(3000), foreign],
      ];
      for (const [value, message] of bad) {
        clearCookies();
        document.cookie = `keksi_consent=${value}; path=/`;
        const warnings = await captureWarnings(async () => {
          const el = await mount(SHOP());
          expect(bannerOf(el), value).to.not.equal(null);
          expect(el.getConsent(), value).to.equal(null);
          await gateDone();
        });
        expect(window.__ran, value).to.deep.equal([]);
        expect(warnings, value).to.deep.equal(['[keksi] ' + message]);
        unmountAll();
      }
    });
  });

  describe('API and events', () => {
    it('a decision made while the banner is still loading keeps the banner closed', async () => {
      window.__ran = [];
      const host = document.createElement('div');
      host.innerHTML = SHOP();
      document.body.append(host);
      const el = host.querySelector('keksi-consent') as KeksiConsentEl;
      await el.ready;
      el.acceptAll();
      // settled() awaits the UI chunk and what was waiting for it: the moment the banner would open has passed.
      await settled(el);
      expect((el as unknown as { _ui?: object })._ui, 'the UI has loaded').to.not.equal(undefined);
      expect(bannerOf(el)).to.equal(null);
      expect(el.getConsent()!.accepted).to.deep.equal(['necessary', 'analytics', 'marketing']);
      host.remove();
    });

    it('without Google or Meta tags, a decision runs the gated elements at once, not when the extras arrive', async () => {
      window.__ran = [];
      const host = document.createElement('div');
      host.innerHTML = `<script type="text/plain" data-category="analytics">window.__ran.push('now')</script>
        <keksi-consent categories="analytics" no-reopen-button></keksi-consent>`;
      document.body.append(host);
      const el = host.querySelector('keksi-consent') as KeksiConsentEl;
      await el.ready;
      el.acceptAll();
      expect(window.__ran).to.deep.equal(['now']);
      await settled(el);
      host.remove();
    });

    it('fires keksi-ready once and keksi-change with the changed categories', async () => {
      const ready: unknown[] = [];
      const changes: { consent: { accepted: string[] } | null; changed?: string[] }[] = [];
      const onReady = (e: Event) => ready.push((e as CustomEvent).detail.consent);
      const onChange = (e: Event) => changes.push((e as CustomEvent).detail);
      document.addEventListener('keksi-ready', onReady);
      document.addEventListener('keksi-change', onChange);
      try {
        const el = await mount(SHOP());
        el.setConsent(['analytics']);
        el.setConsent(['marketing']);
        el.reset();
        await settled(el);
        expect(ready).to.deep.equal([null]);
        expect(changes.map((c) => c.changed)).to.deep.equal([['analytics'], ['analytics', 'marketing'], ['marketing']]);
        expect(changes[1].consent!.accepted).to.deep.equal(['necessary', 'marketing']);
        expect(changes[2].consent).to.equal(null);
      } finally {
        document.removeEventListener('keksi-ready', onReady);
        document.removeEventListener('keksi-change', onChange);
      }
    });

    it('getConsent() returns id, revision, ISO timestamp, accepted and rejected', async () => {
      const el = await mount(SHOP('categories="preferences analytics marketing" revision="3"'));
      el.setConsent(['preferences', 'nonsense']);
      const c = el.getConsent()!;
      expect(c.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(c.revision).to.equal(3);
      expect(new Date(c.timestamp).toISOString()).to.equal(c.timestamp);
      expect(c.accepted).to.deep.equal(['necessary', 'preferences']);
      expect(c.rejected).to.deep.equal(['analytics', 'marketing']);
    });

    it('on a plain-http page (no crypto.randomUUID) each decision still gets a random v4 UUID', async () => {
      const own = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID');
      // As on http://, where browsers leave randomUUID out (a secure-context API).
      delete (Crypto.prototype as { randomUUID?: unknown }).randomUUID;
      try {
        const el = await mount(SHOP('categories="analytics"'));
        const ids = new Set<string>();
        for (let i = 0; i < 20; i++) {
          el.setConsent(i % 2 ? ['analytics'] : []);
          el.reset();
          el.setConsent([]);
          ids.add(el.getConsent()!.id);
          el.reset();
        }
        for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(ids.size).to.equal(20);
      } finally {
        if (own) Object.defineProperty(Crypto.prototype, 'randomUUID', own);
      }
    });

    it('reset() forgets the choice, deletes the cookie and shows the banner', async () => {
      storeConsent(['analytics', 'marketing'], []);
      const el = await mount(SHOP());
      expect(bannerOf(el)).to.equal(null);
      el.reset();
      await settled(el);
      expect(readConsentCookie()).to.equal(undefined);
      expect(bannerOf(el)).to.not.equal(null);
      expect(el.getConsent()).to.equal(null);
    });

    it('opens the preferences from any [data-keksi-open] element', async () => {
      const el = await mount(`${SHOP()}<a href="#" data-keksi-open id="footer-link">Evästeasetukset</a>`);
      el.rejectAll();
      document.getElementById('footer-link')!.click();
      await settled(el);
      expect(prefsOf(el)!.querySelector('dialog')!.open).to.equal(true);
      prefsOf(el)!.querySelector('dialog')!.close();
    });

    it('shows a floating reopen button after a decision unless no-reopen-button', async () => {
      const el = await mount(`<keksi-consent categories="analytics" lang="fi"></keksi-consent>`);
      el.rejectAll();
      await settled(el);
      const button = part(el.shadowRoot, 'reopen');
      expect(button.hidden).to.equal(false);
      expect(button.getAttribute('aria-label')).to.equal('Evästeasetukset');
      button.click();
      await settled(el);
      expect(prefsOf(el)!.querySelector('dialog')!.open).to.equal(true);
      prefsOf(el)!.querySelector('dialog')!.close();
    });
  });

  describe('attributes', () => {
    it('warns about unknown attributes and bad values and falls back to safe defaults', async () => {
      let el!: Awaited<ReturnType<typeof mount>>;
      const named = ['colour', 'Bad!', 'revision', 'expires-days', 'position', 'cookie-name', 'notice-url', 'lang="de"'];
      const warnings = await captureWarnings(
        async () => {
          el = await mount(`<keksi-consent categories="analytics Bad! necessary" revision="-1" expires-days="9999" position="left"
          cookie-name="a b" notice-url="javascript:alert(1)" colour="red" lang="de" no-reopen-button></keksi-consent>`);
        },
        // The messages' chunk is fetched once the controller has found a problem.
        (said) => said.length >= named.length,
      );
      expect(el.config.categories).to.deep.equal(['analytics']);
      expect(el.config.revision).to.equal(0);
      expect(el.config.expiresDays).to.equal(395);
      expect(el.config.position).to.equal('bottom');
      expect(el.config.cookieName).to.equal('keksi_consent');
      expect(el.config.noticeUrl).to.equal(undefined);
      for (const w of named) {
        expect(
          warnings.some((s) => s.startsWith('[keksi]') && s.includes(w)),
          w,
        ).to.equal(true);
      }
    });

    it('says the exact [keksi] message for each bad attribute value (its texts come in a chunk of their own)', async () => {
      const messages = [
        '[keksi] position="left" is not one of bottom, top, center; using "bottom".',
        '[keksi] expires-days="9999" is out of range; clamped to 395.',
        '[keksi] ga="UA-1" is not a valid ID; that tag will not be loaded.',
      ];
      const warnings = await captureWarnings(
        () => mount(`<keksi-consent categories="analytics" position="left" expires-days="9999" ga="UA-1" no-reopen-button></keksi-consent>`),
        (said) => messages.every((m) => said.includes(m)),
      );
      expect(warnings.filter((s) => messages.includes(s))).to.have.length(3);
    });

    it('picks the language from lang, then <html lang>, region tags included', async () => {
      const html = document.documentElement;
      const before = html.lang;
      try {
        for (const [attr, page, expected] of [
          ['lang="sv"', 'fi', 'Avvisa alla'],
          ['', 'fi-FI', 'Hylkää kaikki'],
          ['', 'sv-FI', 'Avvisa alla'],
          ['lang="en"', 'fi', 'Reject all'],
        ]) {
          html.lang = page;
          const el = await mount(`<keksi-consent categories="analytics" ${attr}></keksi-consent>`);
          expect(part(bannerOf(el), 'reject-all').textContent!.trim()).to.equal(expected);
          unmountAll();
        }
      } finally {
        html.lang = before;
      }
    });

    it('places the banner at the bottom, top or centre of the viewport', async () => {
      for (const position of ['bottom', 'top', 'center']) {
        const el = await mount(`<keksi-consent categories="analytics" position="${position}" no-reopen-button></keksi-consent>`);
        const r = part(bannerOf(el), 'banner').getBoundingClientRect();
        const where = r.top < 20 ? 'top' : innerHeight - r.bottom < 20 ? 'bottom' : 'center';
        expect(where, position).to.equal(position);
        expect(getComputedStyle(part(bannerOf(el), 'banner')).position).to.equal('fixed');
        unmountAll();
      }
    });

    it('is themed through custom properties and parts', async () => {
      const style = document.createElement('style');
      style.textContent = 'keksi-consent { --keksi-accent: rgb(91, 58, 41); } keksi-consent::part(reject-all) { letter-spacing: 2px; }';
      document.head.append(style);
      try {
        const el = await mount(SHOP());
        const reject = getComputedStyle(part(bannerOf(el), 'reject-all'));
        expect(getComputedStyle(part(bannerOf(el), 'accept-all')).backgroundColor).to.equal('rgb(91, 58, 41)');
        expect(reject.backgroundColor).to.equal('rgb(91, 58, 41)');
        expect(reject.letterSpacing).to.equal('2px');
      } finally {
        style.remove();
      }
    });

    it('links the privacy notice from the banner', async () => {
      const el = await mount(`<keksi-consent categories="analytics" notice-url="/tietosuojaseloste" lang="fi"></keksi-consent>`);
      const link = part(bannerOf(el), 'notice-link') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('/tietosuojaseloste');
      expect(link.textContent).to.equal('Tietosuojaseloste');
    });
  });

  describe('keyboard', () => {
    it('reaches and operates banner and dialog with the keyboard; Esc closes, focus returns', async () => {
      const el = await mount(
        `${GATED}<button id="before">before</button><keksi-consent categories="analytics marketing" lang="en" no-reopen-button></keksi-consent>`,
      );
      const banner = bannerOf(el)!;
      document.getElementById('before')!.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(banner.activeElement).to.equal(part(banner, 'settings'));
      await sendKeys({ press: 'Enter' });
      await settled(el);
      const prefs = prefsOf(el)!;
      const dialog = prefs.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.contains(prefs.activeElement)).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(dialog.open).to.equal(false);
      expect(banner.activeElement).to.equal(part(banner, 'settings'));
      expect(readConsentCookie()).to.equal(undefined);

      await sendKeys({ press: 'Enter' });
      await settled(el);
      const analytics = prefs.querySelector('#c-analytics') as HTMLInputElement;
      analytics.focus();
      await sendKeys({ press: ' ' });
      expect(analytics.checked).to.equal(true);
      part(prefs, 'save').focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(readConsentCookie().a).to.deep.equal(['analytics']);
    });
  });

  describe('accessibility', () => {
    it('banner: labelled region, no axe violations', async () => {
      const el = await mount(SHOP('categories="analytics marketing" lang="fi" notice-url="/tietosuojaseloste"'));
      const region = part(bannerOf(el), 'banner');
      expect(region.getAttribute('role')).to.equal('region');
      expect(bannerOf(el)!.getElementById(region.getAttribute('aria-labelledby')!)!.textContent).to.equal('Evästeet');
      expect(await axeViolations(el)).to.deep.equal([]);
    });

    it('dialog: no axe violations, buttons at least 24×24 px', async () => {
      const el = await mount(SHOP('categories="preferences analytics marketing" lang="sv"'));
      await el.showPreferences();
      await settled(el);
      expect(await axeViolations(el)).to.deep.equal([]);
      for (const b of prefsOf(el)!.querySelectorAll('button, input')) {
        const r = b.getBoundingClientRect();
        expect(r.width >= 24 && r.height >= 24, b.outerHTML).to.equal(true);
      }
      prefsOf(el)!.querySelector('dialog')!.close();
    });
  });
});
