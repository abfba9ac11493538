/**
 * The trackers of issue 15, each driven by its own lazily loaded module (src/integrations/<vendor>.ts):
 * stubs record the calls, and each test asserts the vendor's documented order (consent before tracking).
 */
import { expect } from '@open-wc/testing';
import type { KeksiConsent } from '../../src/controller/keksi-consent.js';
import { configure } from '../../src/core/options.js';
import { TRACKER_COOKIES } from '../../src/integrations/index.js';
import { bannerOf, captureWarnings, mount, part, prefsOf, resetPage, storeConsent } from '../helpers.js';
import { settled, until } from '../wait.js';

type W = Window & {
  _paq?: unknown[];
  clarity?: { q?: IArguments[] };
  uetq?: unknown[];
  ttq?: unknown[];
  pintrk?: unknown;
  lintrk?: unknown;
  hj?: unknown;
  _linkedin_data_partner_ids?: unknown;
  _hjSettings?: unknown;
};
const w = window as W;
const SHOP = (attrs: string) => `<keksi-consent categories="preferences analytics marketing" no-reopen-button lang="en" ${attrs}></keksi-consent>`;
/** The vendor scripts Keksi inserted, by the stub address configure() gave. */
const loaded = (name: string) => [...document.querySelectorAll('script[src]')].filter((s) => (s as HTMLScriptElement).src.includes('stub-vendor.js?' + name));
/** Matomo's queue as method names. */
const paq = () => (w._paq || []).map((c) => (c as unknown[])[0]);
const STUB = '/test/fixtures/stub-vendor.js?';
const STUBS = Object.fromEntries(['matomo', 'clarity', 'uet', 'tiktok', 'pinterest', 'linkedin', 'hotjar'].map((n) => [n, STUB + n + '=']));

/**
 * Mount `html` and wait for the `[keksi]` message that includes `text`: a refused value is found by the
 * trackers' own chunk, once it has loaded (the controller only notices the attribute).
 */
async function mountRefused(html: string, text: string): Promise<KeksiConsent> {
  let el!: KeksiConsent;
  const said = await captureWarnings(
    async () => (el = await mount(html)),
    (heard) => heard.some((w) => w.includes(text)),
  );
  expect(said.filter((w) => w.includes(text))).to.have.length(1);
  return el;
}

describe('trackers', () => {
  beforeEach(() => {
    for (const k of ['_paq', 'clarity', 'uetq', 'ttq', 'pintrk', 'lintrk', 'hj', '_linkedin_data_partner_ids', '_hjSettings'] as const) delete w[k];
    configure({ scriptUrls: STUBS });
  });
  afterEach(() => {
    for (const s of document.querySelectorAll('script[src*="stub-vendor.js"]')) s.remove();
  });

  describe('Matomo', () => {
    const MATOMO = 'matomo="https://analytics.example.fi/ 3"';
    it('queues requireConsent before the tracker URL, the site and the page view, and loads nothing before consent', async () => {
      await mount(SHOP(MATOMO));
      await until(() => w._paq, 'Matomo’s queue');
      expect(paq()).to.deep.equal(['requireConsent', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking']);
      expect(w._paq![1]).to.deep.equal(['setTrackerUrl', 'https://analytics.example.fi/matomo.php']);
      expect(w._paq![2]).to.deep.equal(['setSiteId', '3']);
      expect(loaded('matomo')).to.have.length(0);
    });

    it('consent gives setConsentGiven (per page, no rememberConsentGiven) and loads matomo.js once', async () => {
      const el = await mount(SHOP(MATOMO));
      await until(() => w._paq, 'Matomo’s queue');
      part(bannerOf(el), 'accept-all').click();
      await settled(el);
      expect(paq()).to.deep.equal(['requireConsent', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking', 'setConsentGiven']);
      expect(loaded('matomo')).to.have.length(1);
      el.setConsent(['analytics', 'marketing']);
      expect(loaded('matomo')).to.have.length(1);
    });

    it('a returning visitor’s consent comes right after requireConsent, before the page view', async () => {
      storeConsent(['analytics'], ['preferences', 'marketing']);
      await mount(SHOP(MATOMO));
      await until(() => w._paq, 'Matomo’s queue');
      expect(paq()).to.deep.equal(['requireConsent', 'setConsentGiven', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking']);
      expect(loaded('matomo')).to.have.length(1);
    });

    it('per-service choice: analytics granted with only Clarity on leaves Matomo off (its own switch)', async () => {
      const el = await mount(SHOP(`${MATOMO} clarity="abcdefghij"`));
      await until(() => w._paq, 'Matomo’s queue');
      el.setConsent(['analytics:clarity']);
      await settled(el);
      await until(() => loaded('clarity').length, 'Clarity’s tag');
      expect(el.has('analytics:matomo')).to.equal(false);
      expect(paq()).not.to.include('setConsentGiven');
      expect(loaded('matomo')).to.have.length(0);
      el.setConsent(['analytics']);
      await settled(el);
      await until(() => loaded('matomo').length, 'matomo.js once its switch is on');
      expect(paq().at(-1)).to.equal('setConsentGiven');
    });

    it('withdrawal queues forgetConsentGiven and deletes Matomo’s cookies', async () => {
      storeConsent(['analytics'], ['preferences', 'marketing']);
      const el = await mount(SHOP(MATOMO));
      await until(() => w._paq, 'Matomo’s queue');
      document.cookie = '_pk_id.3.1fff=abc; path=/';
      document.cookie = '_pk_ses.3.1fff=1; path=/';
      el.rejectAll();
      await settled(el);
      expect(paq().at(-1)).to.equal('forgetConsentGiven');
      expect(document.cookie).not.to.match(/_pk_/);
    });

    it('advanced mode is Matomo’s cookieless mode: requireCookieConsent, matomo.js at once, setCookieConsentGiven on consent', async () => {
      const el = await mount(SHOP(`${MATOMO} consent-mode="advanced"`));
      await until(() => w._paq, 'Matomo’s queue');
      expect(paq()[0]).to.equal('requireCookieConsent');
      expect(loaded('matomo')).to.have.length(1);
      el.setConsent(['analytics']);
      expect(paq().at(-1)).to.equal('setCookieConsentGiven');
      el.rejectAll();
      expect(paq().at(-1)).to.equal('forgetCookieConsentGiven');
    });

    it('a decision made while the module loads is applied when it starts', async () => {
      const host = document.createElement('div');
      host.innerHTML = SHOP(MATOMO);
      document.body.append(host);
      const el = host.querySelector('keksi-consent') as KeksiConsent;
      const pending = el as unknown as { _postPaintLoading?: Promise<unknown> };
      await until(() => pending._postPaintLoading, 'the post-paint work starting');
      await pending._postPaintLoading;
      expect(w._paq, 'the Matomo module is still loading').to.equal(undefined);
      el.setConsent(['analytics']);
      await until(() => loaded('matomo').length, 'matomo.js');
      expect(paq()).to.deep.equal(['requireConsent', 'setConsentGiven', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking']);
      await settled(el);
      host.remove();
    });

    it('matomo with an http address is refused for that reason, not as a bad ID', async () => {
      const bad = 'http://analytics.example.fi/ 3';
      await mountRefused(SHOP(`matomo="${bad}"`), `[keksi] matomo="${bad}": the tracker address must be https; matomo stays off.`);
      expect(w._paq).to.equal(undefined);
    });

    for (const bad of ['https://analytics.example.fi/ abc', 'https://analytics.example.fi/', 'javascript:alert(1)// 3', 'https://a.fi/ 3 4']) {
      it(`matomo="${bad}" is refused with a [keksi] message and nothing is queued`, async () => {
        await mountRefused(SHOP(`matomo="${bad}"`), `[keksi] matomo="${bad}" is not a valid ID`);
        expect(w._paq).to.equal(undefined);
      });
    }

    it('the dialog lists Matomo under analytics with its host and cookies', async () => {
      const el = await mount(SHOP(MATOMO));
      await el.showPreferences();
      await settled(el);
      const text = prefsOf(el)!.querySelector('#c-analytics')!.closest('li')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.include('Matomo').and.include('analytics.example.fi').and.include('_pk_id (13 months)');
      prefsOf(el)!.querySelector('dialog')!.close();
    });
  });

  describe('Microsoft Clarity', () => {
    const calls = () => (w.clarity?.q || []).map((a) => Array.from(a));
    it('tells consentv2 (all denied) before the tag, loads the tag only after analytics consent, and tells each change', async () => {
      const el = await mount(SHOP('clarity="abcdefghij"'));
      await until(() => w.clarity, 'Clarity’s queue');
      expect(calls()).to.deep.equal([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]]);
      expect(loaded('clarity')).to.have.length(0);
      el.setConsent(['analytics']);
      expect(calls().at(-1)).to.deep.equal(['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }]);
      expect(loaded('clarity').map((s) => (s as HTMLScriptElement).src)).to.deep.equal([location.origin + STUB + 'clarity=abcdefghij']);
      el.rejectAll();
      expect(calls().at(-1)).to.deep.equal(['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]);
      expect(calls()).to.have.length(3);
    });

    it('advanced mode loads the tag at once, after the denied consentv2', async () => {
      await mount(SHOP('clarity="abcdefghij" consent-mode="advanced"'));
      await until(() => loaded('clarity').length, 'the Clarity tag');
      expect(calls()).to.deep.equal([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]]);
    });
  });

  describe('Microsoft Advertising UET', () => {
    it('pushes the denied consent default before bat.js, an update on each change, bat.js after marketing consent', async () => {
      const el = await mount(SHOP('uet="12345678"'));
      await until(() => w.uetq, 'uetq');
      expect(w.uetq).to.deep.equal(['consent', 'default', { ad_storage: 'denied' }]);
      expect(loaded('uet')).to.have.length(0);
      el.setConsent(['marketing']);
      expect(w.uetq!.slice(3)).to.deep.equal(['consent', 'update', { ad_storage: 'granted' }]);
      expect(loaded('uet')).to.have.length(1);
      document.cookie = '_uetsid=abc; path=/';
      el.rejectAll();
      expect(w.uetq!.slice(6)).to.deep.equal(['consent', 'update', { ad_storage: 'denied' }]);
      expect(document.cookie).not.to.include('_uetsid');
    });

    it('a returning visitor who accepted: default, then the update, then bat.js', async () => {
      storeConsent(['marketing'], ['preferences', 'analytics']);
      await mount(SHOP('uet="12345678"'));
      await until(() => loaded('uet').length, 'bat.js');
      expect(w.uetq).to.deep.equal(['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }]);
    });
  });

  describe('TikTok pixel', () => {
    const ttq = () => (w.ttq || []).map((c) => (c as unknown[])[0]);
    it('holdConsent before load and page; grantConsent and events.js after marketing consent; revokeConsent on withdrawal', async () => {
      const el = await mount(SHOP('tiktok-pixel="CABCDEFGHIJ1234567"'));
      await until(() => w.ttq, 'ttq');
      expect(ttq()).to.deep.equal(['holdConsent']);
      expect(loaded('tiktok')).to.have.length(0);
      el.setConsent(['marketing']);
      expect(ttq()).to.deep.equal(['holdConsent', 'grantConsent', 'page']);
      expect((loaded('tiktok')[0] as HTMLScriptElement).src).to.include('?sdkid=CABCDEFGHIJ1234567&lib=ttq');
      el.rejectAll();
      expect(ttq().at(-1)).to.equal('revokeConsent');
    });

    it('advanced mode loads events.js at once, held', async () => {
      await mount(SHOP('tiktok-pixel="CABCDEFGHIJ1234567" consent-mode="advanced"'));
      await until(() => loaded('tiktok').length, 'events.js');
      expect(ttq()).to.deep.equal(['holdConsent', 'page']);
    });
  });

  describe('trackers without a consent API (Pinterest, LinkedIn, Hotjar)', () => {
    const ALL = 'pinterest-tag="2612345678901" linkedin-partner="123456" hotjar="1234567"';
    it('load nothing and define nothing before consent, in either consent mode', async () => {
      await mount(SHOP(`${ALL} consent-mode="advanced"`));
      // The module has started once it has listed its cookies for clean-up.
      await until(() => TRACKER_COOKIES.marketing.includes('li_sugr') && TRACKER_COOKIES.analytics.includes('_hjSession_*'), 'the module started');
      expect(loaded('pinterest').length + loaded('linkedin').length + loaded('hotjar').length).to.equal(0);
      expect([w.pintrk, w.lintrk, w.hj]).to.deep.equal([undefined, undefined, undefined]);
    });

    it('each loads with its own category; Hotjar (analytics) alone when only analytics is accepted', async () => {
      const el = await mount(SHOP(ALL));
      el.setConsent(['analytics']);
      await until(() => loaded('hotjar').length, 'Hotjar');
      expect(w._hjSettings).to.deep.equal({ hjid: 1234567, hjsv: 6 });
      expect(loaded('pinterest').length + loaded('linkedin').length).to.equal(0);
      el.setConsent(['analytics', 'marketing']);
      expect(loaded('pinterest')).to.have.length(1);
      expect(loaded('linkedin')).to.have.length(1);
      expect((w.pintrk as { queue: unknown[] }).queue).to.deep.equal([['load', '2612345678901'], ['page']]);
      expect(w._linkedin_data_partner_ids).to.deep.equal(['123456']);
    });

    it('withdrawal deletes their cookies, keeps an allowed Hotjar’s, and the next page does not load them', async () => {
      storeConsent(['analytics', 'marketing'], ['preferences']);
      const el = await mount(SHOP(ALL));
      await until(() => loaded('pinterest').length, 'Pinterest');
      document.cookie = '_pin_unauth=a; path=/';
      document.cookie = 'li_sugr=b; path=/';
      document.cookie = '_hjSessionUser_1234567=c; path=/';
      el.setConsent(['analytics']);
      await settled(el);
      expect(document.cookie).not.to.match(/_pin_unauth|li_sugr/);
      expect(document.cookie).to.include('_hjSessionUser_1234567');
      el.remove();
      for (const s of document.querySelectorAll('script[src*="stub-vendor.js"]')) s.remove();
      resetPage();
      configure({ scriptUrls: STUBS });
      // The next page: the stored choice has marketing withdrawn.
      storeConsent(['analytics'], ['preferences', 'marketing']);
      await mount(SHOP(ALL));
      await until(() => loaded('hotjar').length, 'Hotjar');
      expect(loaded('pinterest').length + loaded('linkedin').length).to.equal(0);
    });
  });

  describe('the dialog and bad IDs', () => {
    it('lists every configured tracker under its category with provider and cookies', async () => {
      const el = await mount(
        SHOP('clarity="abcdefghij" uet="12345678" tiktok-pixel="CABCDEFGHIJ1234567" pinterest-tag="2612345678901" linkedin-partner="123456" hotjar="1234567"'),
      );
      await el.showPreferences();
      await settled(el);
      const text = (id: string) => prefsOf(el)!.querySelector(`#c-${id}`)!.closest('li')!.textContent!.replace(/\s+/g, ' ');
      expect(text('analytics')).to.include('Microsoft Clarity').and.include('_clck (1 year)').and.include('Hotjar').and.include('_hjSessionUser_1234567');
      expect(text('marketing'))
        .to.include('Microsoft Advertising')
        .and.include('_uetvid (13 months)')
        .and.include('TikTok Pixel')
        .and.include('_ttp')
        .and.include('Pinterest Tag')
        .and.include('_pin_unauth')
        .and.include('LinkedIn Insight Tag')
        .and.include('li_sugr');
      prefsOf(el)!.querySelector('dialog')!.close();
    });

    for (const [name, value] of [
      ['clarity', 'ABC!'],
      ['uet', 'x123'],
      ['tiktok-pixel', 'D123456789012'],
      ['pinterest-tag', '12'],
      ['linkedin-partner', '12a'],
      ['hotjar', '1 2'],
    ]) {
      it(`${name}="${value}" is refused with a [keksi] message and loads nothing`, async () => {
        const el = await mountRefused(SHOP(`${name}="${value}"`), `[keksi] ${name}="${value}" is not a valid ID`);
        el.acceptAll();
        await settled(el);
        expect(document.querySelectorAll('script[src*="stub-vendor.js"]')).to.have.length(0);
      });
    }
  });
});
