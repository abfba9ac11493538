import { expect } from '@open-wc/testing';
import { configure } from '../../src/core/options.js';
import { bannerOf, captureWarnings, clearCookies, mount, part, prefsOf, storeConsent, unmountAll } from '../helpers.js';
import { gateDone, settled } from '../wait.js';

type W = Window & { dataLayer?: unknown[]; gtag?: unknown; fbq?: { queue: IArguments[] }; _fbq?: unknown };
const w = window as W;

const isArgs = (e: unknown) => Object.prototype.toString.call(e) === '[object Arguments]';
/** dataLayer as readable rows: gtag commands as arrays, events as objects. */
const layer = () => (w.dataLayer || []).map((e) => (isArgs(e) ? Array.from(e as IArguments) : e)) as unknown[];
const commands = () =>
  layer()
    .filter(Array.isArray)
    .map((a) => (a as unknown[]).slice(0, 2).join(' '));
const vendorScripts = () =>
  [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src).filter((s) => /googletagmanager|facebook/.test(s));
const signals = (type: 'default' | 'update', nth = -1) => {
  const rows = layer().filter((r) => Array.isArray(r) && r[0] === 'consent' && r[1] === type) as unknown[][];
  return rows.at(nth)?.[2] as Record<string, unknown>;
};
const ALL_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
/** A keksi_consent_update event without its Consent Mode signals (checked against the update's own). */
const withoutSignals = (e: unknown) => {
  const { keksi_consent_mode, ...rest } = e as Record<string, unknown>;
  expect(keksi_consent_mode).to.be.an('object');
  return rest;
};
const SHOP = (attrs: string) => `<keksi-consent categories="preferences analytics marketing" no-reopen-button ${attrs}></keksi-consent>`;

describe('integrations', () => {
  beforeEach(() => {
    clearCookies();
    delete w.dataLayer;
    delete w.gtag;
    delete w.fbq;
    delete w._fbq;
  });
  afterEach(() => {
    unmountAll();
    for (const s of document.querySelectorAll('script[src*="googletagmanager"],script[src*="facebook"]')) s.remove();
  });

  describe('Google Consent Mode v2', () => {
    it('pushes the all-denied default first, as an Arguments object, with wait_for_update', async () => {
      await mount(SHOP('ga="G-ABC123"'));
      expect(isArgs(w.dataLayer![0])).to.equal(true);
      expect(layer()[0]).to.deep.equal(['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }]);
      expect(commands()).to.deep.equal(['consent default', 'set ads_data_redaction']);
    });

    it('basic mode loads no Google script before consent, and gtag.js with js/config after it', async () => {
      const el = await mount(SHOP('ga="G-ABC123" google-ads="AW-123456"'));
      expect(vendorScripts()).to.deep.equal([]);
      part(bannerOf(el), 'accept-all').click();
      await settled(el);
      expect(signals('update')).to.deep.equal({
        ad_storage: 'granted',
        ad_user_data: 'granted',
        ad_personalization: 'granted',
        analytics_storage: 'granted',
        functionality_storage: 'granted',
        personalization_storage: 'granted',
        security_storage: 'granted',
      });
      expect(commands().map((c) => (c.startsWith('js ') ? 'js' : c))).to.deep.equal([
        'consent default',
        'set ads_data_redaction',
        'consent update',
        'js',
        'config G-ABC123',
        'config AW-123456',
      ]);
      expect((layer().find((r) => Array.isArray(r) && r[0] === 'js') as unknown[])[1]).to.be.instanceOf(Date);
      expect(vendorScripts()).to.deep.equal(['https://www.googletagmanager.com/gtag/js?id=G-ABC123']);
      expect(layer().every((e) => Array.isArray(e) || typeof e === 'object')).to.equal(true);
    });

    it('reject all pushes an all-denied update and loads nothing', async () => {
      const el = await mount(SHOP('ga="G-ABC123" google-ads="AW-123456" meta-pixel="1234567890"'));
      part(bannerOf(el), 'reject-all').click();
      await settled(el);
      expect(signals('update')).to.deep.equal(ALL_DENIED);
      expect(vendorScripts()).to.deep.equal([]);
    });

    for (const [category, granted] of [
      ['analytics', ['analytics_storage']],
      ['marketing', ['ad_storage', 'ad_user_data', 'ad_personalization']],
      ['preferences', ['functionality_storage', 'personalization_storage']],
    ] as const) {
      it(`granting only ${category} grants exactly ${granted.join(', ')}`, async () => {
        const el = await mount(SHOP('gtm="GTM-ABCD12"'));
        el.setConsent([category]);
        const expected: Record<string, string> = { ...ALL_DENIED };
        for (const t of granted) expected[t] = 'granted';
        expect(signals('update')).to.deep.equal(expected);
      });
    }

    it('replays a returning visitor’s choice as one update before the tags load', async () => {
      storeConsent(['analytics'], ['preferences', 'marketing']);
      await mount(SHOP('ga="G-ABC123"'));
      const rows = commands();
      expect(rows.filter((r) => r === 'consent default')).to.have.length(1);
      expect(rows.indexOf('consent update')).to.be.lessThan(rows.indexOf('config G-ABC123'));
      expect(signals('update').analytics_storage).to.equal('granted');
      expect(vendorScripts()).to.deep.equal(['https://www.googletagmanager.com/gtag/js?id=G-ABC123']);
    });

    it('advanced mode loads the tags at once with denied defaults', async () => {
      await mount(SHOP('ga="G-ABC123" consent-mode="advanced"'));
      expect(signals('default').analytics_storage).to.equal('denied');
      expect(vendorScripts()).to.deep.equal(['https://www.googletagmanager.com/gtag/js?id=G-ABC123']);
    });

    it('uses the shop’s own gtag and dataLayer without redefining them', async () => {
      const own = (w.dataLayer = [] as unknown[]);
      // The shape of Google's snippet.
      const gtag = (w.gtag = function () {
        // eslint-disable-next-line prefer-rest-params
        own.push(arguments);
      });
      const el = await mount(SHOP('ga="G-ABC123"'));
      el.acceptAll();
      expect(w.dataLayer).to.equal(own);
      expect(w.gtag).to.equal(gtag);
      expect(commands().slice(0, 3)).to.deep.equal(['consent default', 'set ads_data_redaction', 'consent update']);
    });

    it('a returning visitor’s gated gtag call on a page with its own snippet comes after the default and the update', async () => {
      const own = (w.dataLayer = [] as unknown[]);
      w.gtag = function () {
        // eslint-disable-next-line prefer-rest-params
        own.push(arguments);
      };
      storeConsent(['analytics'], ['preferences', 'marketing']);
      // The page's dataLayer makes Keksi start its integrations before the gated elements run.
      await mount(`${SHOP('')}<script type="text/plain" data-category="analytics">gtag('event', 'page_view_gated')</script>`);
      expect(commands()).to.deep.equal(['consent default', 'set ads_data_redaction', 'consent update', 'event page_view_gated']);
      expect(signals('update').analytics_storage).to.equal('granted');
    });

    it('GTM: default before the container, a keksi_consent_update event after each decision', async () => {
      const el = await mount(SHOP('gtm="GTM-ABCD12"'));
      expect(vendorScripts()).to.deep.equal([]);
      el.setConsent(['analytics']);
      el.setConsent(['analytics', 'marketing']);
      const rows = layer();
      const gtmStart = rows.findIndex((r) => (r as Record<string, unknown>).event === 'gtm.js');
      expect(gtmStart).to.be.greaterThan(0);
      expect(rows.findIndex((r) => Array.isArray(r) && r[1] === 'default')).to.equal(0);
      const events = rows.filter((r) => (r as Record<string, unknown>).event === 'keksi_consent_update').map(withoutSignals);
      expect(events).to.deep.equal([
        {
          event: 'keksi_consent_update',
          keksi_categories: ['analytics'],
          keksi_services: ['analytics:gtm'],
          keksi_granted: { preferences: false, analytics: true, marketing: false, 'analytics:gtm': true },
        },
        {
          event: 'keksi_consent_update',
          keksi_categories: ['analytics', 'marketing'],
          keksi_services: ['analytics:gtm'],
          keksi_granted: { preferences: false, analytics: true, marketing: true, 'analytics:gtm': true },
        },
      ]);
      expect(vendorScripts()).to.deep.equal(['https://www.googletagmanager.com/gtm.js?id=GTM-ABCD12']);
    });

    it('keksi_consent_update names each service, so a GTM tag can fire for Google Ads with the Meta pixel off', async () => {
      configure({ services: [{ id: 'hotjar-own', name: 'Hotjar', category: 'analytics', provider: 'Hotjar Ltd', purpose: 'Heatmaps', cookies: [] }] });
      const el = await mount(
        SHOP('gtm="GTM-ABCD12" google-ads="AW-123456" meta-pixel="1234567890"') +
          '<script type="text/plain" data-category="marketing" data-service="tiktok-own">window.__never = 1</script>',
      );
      el.setConsent(['analytics', 'marketing:google-ads']);
      const events = layer().filter((r) => (r as Record<string, unknown>).event === 'keksi_consent_update');
      // The signals as Keksi's own update sets them (for the GTM template): the ad types with Google Ads on.
      expect((events[0] as Record<string, unknown>).keksi_consent_mode).to.deep.equal(signals('update'));
      expect(signals('update').ad_storage).to.equal('granted');
      expect(events.map(withoutSignals)).to.deep.equal([
        {
          event: 'keksi_consent_update',
          keksi_categories: ['analytics', 'marketing'],
          keksi_services: ['analytics:gtm', 'marketing:google-ads', 'analytics:hotjar-own'],
          keksi_granted: {
            preferences: false,
            analytics: true,
            marketing: true,
            'analytics:gtm': true,
            'marketing:google-ads': true,
            'marketing:meta-pixel': false,
            'analytics:hotjar-own': true,
            'marketing:tiktok-own': false,
          },
        },
      ]);
    });
  });

  describe('configure() services without an id', () => {
    // keksi_granted names a shop's service by the id it gave; one without (the dialog makes its switch's
    // id from the name) is left out there, so on a page with Google the shop is told to give it one.
    it('a [keksi] message names the service; keksi_consent_update names the services that have an id', async () => {
      let el!: Awaited<ReturnType<typeof mount>>;
      const said = await captureWarnings(
        async () => {
          configure({
            services: [
              { name: 'Own heatmaps', category: 'analytics', provider: 'Shop Oy', purpose: 'Heatmaps', cookies: [] },
              { id: 'own-chat', name: 'Own chat', category: 'analytics', provider: 'Shop Oy', purpose: 'Chat', cookies: [] },
            ],
          });
          el = await mount(SHOP('gtm="GTM-ABCD12"'));
          el.setConsent(['analytics']);
        },
        (words) => words.some((w) => w.includes('Own heatmaps')),
      );
      expect(said.filter((w) => w.includes('Own heatmaps'))).to.deep.equal([
        '[keksi] configure(): the service "Own heatmaps" has no id; keksi_consent_update leaves it out: give it one.',
      ]);
      const event = layer().find((r) => (r as Record<string, unknown>).event === 'keksi_consent_update') as Record<string, unknown>;
      expect(el.has('analytics'), 'decided').to.equal(true);
      expect(event.keksi_services).to.deep.equal(['analytics:gtm', 'analytics:own-chat']);
    });
  });

  describe('Meta pixel', () => {
    const queue = () => (w.fbq?.queue || []).map((a) => Array.from(a).join(' '));

    it('queues consent revoke before init, loads fbevents.js only after marketing consent', async () => {
      const el = await mount(SHOP('meta-pixel="1234567890"'));
      expect(queue()).to.deep.equal(['consent revoke', 'init 1234567890', 'track PageView']);
      expect(vendorScripts()).to.deep.equal([]);
      el.setConsent(['analytics']);
      expect(vendorScripts()).to.deep.equal([]);
      el.setConsent(['marketing']);
      expect(queue().at(-1)).to.equal('consent grant');
      expect(vendorScripts()).to.deep.equal(['https://connect.facebook.net/en_US/fbevents.js']);
      el.setConsent([]);
      expect(queue().at(-1)).to.equal('consent revoke');
    });

    it('a returning visitor with marketing consent starts granted', async () => {
      storeConsent(['marketing'], ['preferences', 'analytics']);
      await mount(SHOP('meta-pixel="1234567890"'));
      expect(queue()).to.deep.equal(['consent grant', 'init 1234567890', 'track PageView']);
    });
  });

  describe('withdrawal', () => {
    it('deletes the tracker cookies of withdrawn categories, and the shop’s own', async () => {
      configure({ cookies: { analytics: ['_hj*'] } });
      storeConsent(['analytics', 'marketing'], ['preferences']);
      const el = await mount(SHOP('ga="G-ABC123" meta-pixel="1234567890"'));
      for (const c of ['_ga=1', '_ga_ABC=1', '_gid=1', '_gcl_au=1', '_fbp=1', '_fbc=1', '_hjSession=1', 'cart=3']) document.cookie = `${c}; path=/`;
      el.setConsent(['marketing']);
      const names = () =>
        document.cookie
          .split('; ')
          .map((c) => c.split('=')[0])
          .sort();
      expect(names()).to.deep.equal(['_fbc', '_fbp', '_gcl_au', 'cart', 'keksi_consent']);
      el.rejectAll();
      expect(names()).to.deep.equal(['cart', 'keksi_consent']);
    });
  });

  describe('consent log', () => {
    it('sends the record with sendBeacon: id, timestamp, revision, choices, language, URL without query', async () => {
      const sent: { url: string; data: Blob }[] = [];
      const original = navigator.sendBeacon;
      navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => sent.push({ url: String(url), data: data as Blob }) > 0;
      try {
        const el = await mount(SHOP('log-url="/consent-log" lang="sv" revision="2"'));
        el.setConsent(['analytics']);
        await settled(el);
        expect(sent).to.have.length(1);
        expect(sent[0].url).to.equal(location.origin + '/consent-log'); // resolved against the page: never a <base> elsewhere
        const record = JSON.parse(await sent[0].data.text());
        expect(record).to.include({ revision: 2, language: 'sv', url: location.origin + location.pathname, id: el.getConsent()!.id });
        expect(record.accepted).to.deep.equal(['necessary', 'analytics']);
        expect(record.rejected).to.deep.equal(['preferences', 'marketing']);
        expect(record.timestamp).to.equal(el.getConsent()!.timestamp);
        expect(JSON.stringify(record)).to.not.include(navigator.userAgent);
      } finally {
        navigator.sendBeacon = original;
      }
    });
  });

  describe('Global Privacy Control', () => {
    let restore: () => void;
    beforeEach(() => {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
      restore = () => delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    });
    afterEach(() => restore());

    it('accept all grants everything but marketing, and the banner says so', async () => {
      const el = await mount(SHOP('lang="en" meta-pixel="1234567890"'));
      expect(bannerOf(el)!.querySelector('.gpc')!.textContent).to.include('Global Privacy Control');
      part(bannerOf(el), 'accept-all').click();
      expect(el.getConsent()!.accepted).to.deep.equal(['necessary', 'preferences', 'analytics']);
      expect(vendorScripts()).to.deep.equal([]);
    });

    it('marketing can still be turned on explicitly in the dialog', async () => {
      const el = await mount(SHOP('lang="en"'));
      await el.showPreferences();
      await settled(el);
      (prefsOf(el)!.querySelector('#c-marketing') as HTMLInputElement).click();
      part(prefsOf(el), 'save').click();
      expect(el.has('marketing')).to.equal(true);
    });

    it('ignore-gpc turns the behaviour off', async () => {
      const el = await mount(SHOP('lang="en" ignore-gpc'));
      expect(bannerOf(el)!.querySelector('.gpc')).to.equal(null);
      el.acceptAll();
      expect(el.has('marketing')).to.equal(true);
    });
  });

  describe('embeds', () => {
    it('shows a placeholder that allows just the embed’s category and shows it', async () => {
      const el = await mount(
        `<iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html#yt" title="Video" width="560" height="315"></iframe>${SHOP('lang="fi"')}`,
      );
      const iframe = document.querySelector('iframe[data-src="/test/fixtures/holds-frame.html#yt"]') as HTMLIFrameElement;
      expect(iframe.hidden).to.equal(true);
      const placeholder = iframe.previousElementSibling as HTMLElement;
      expect(placeholder.localName).to.equal('keksi-embed');
      const allow = part(placeholder.shadowRoot, 'allow');
      expect(allow.textContent!.trim()).to.equal('Salli markkinointievästeet ja näytä: Video');
      allow.click();
      await settled(el);
      expect(el.getConsent()!.accepted).to.deep.equal(['necessary', 'marketing']);
      expect(iframe.getAttribute('src')).to.equal('/test/fixtures/holds-frame.html#yt');
      expect(iframe.hidden).to.equal(false);
      expect(placeholder.isConnected).to.equal(false);
      el.rejectAll();
      await settled(el);
      expect(iframe.getAttribute('src')).to.equal('about:blank');
      expect(iframe.hidden).to.equal(true);
    });
    it('with data-service, names the service and allows only it (not the rest of its category)', async () => {
      const el = await mount(
        `<script type="text/plain" data-category="marketing">window.__ran.push('untagged')</script>
        <iframe data-category="marketing" data-service="youtube" data-src="/test/fixtures/holds-frame.html#svc" title="Video"></iframe>${SHOP('lang="fi" meta-pixel="1234567890"')}`,
      );
      const iframe = document.querySelector('iframe[data-src$="#svc"]') as HTMLIFrameElement;
      const allow = part((iframe.previousElementSibling as HTMLElement).shadowRoot, 'allow');
      // By its name (YouTube, src/ui/views.ts VIDEO_SERVICES), not its id, though the shop described no service.
      expect(allow.textContent!.trim()).to.equal('Salli evästeet (YouTube) ja näytä: Video');
      allow.click();
      await settled(el);
      expect(el.has('marketing:youtube')).to.equal(true);
      expect(el.has('marketing:meta-pixel')).to.equal(false);
      expect(iframe.getAttribute('src')).to.equal('/test/fixtures/holds-frame.html#svc');
      // A marketing script that names no service could be any of them (a pasted pixel): it waits for the whole category.
      await gateDone();
      expect(window.__ran).to.deep.equal([]);
    });

    it('an embed gated on a category the shop did not configure gets no "allow" button (a click would record a rejection)', async () => {
      const el = await mount(`<iframe data-category="videos" data-src="/test/fixtures/holds-frame.html#orphan" title="Video"></iframe>${SHOP('lang="fi"')}`);
      await settled(el);
      const iframe = document.querySelector('iframe[data-src$="#orphan"]') as HTMLIFrameElement;
      expect(iframe.previousElementSibling?.localName).to.not.equal('keksi-embed');
      expect(el.getConsent()).to.equal(null);
    });
  });

  describe("a category of the shop's own without texts", () => {
    it('says so with the configure() shape to use; the dialog shows its id', async () => {
      const said = await captureWarnings(
        async () => {
          const el = await mount(`<keksi-consent categories="analytics socialMedia" no-reopen-button lang="fi"></keksi-consent>`);
          await el.showPreferences();
          await settled(el);
        },
        (said) => said.some((s) => s.includes('socialMedia')),
      );
      expect(said.find((s) => s.includes('socialMedia'))).to.equal(
        '[keksi] category "socialMedia" has no texts; its id is shown. Give them with configure({ categories: { socialMedia: { title, description } } }).',
      );
    });
  });

  describe('services in the dialog', () => {
    it('lists provider, purpose, cookie names and lifetimes of each configured service', async () => {
      const el = await mount(SHOP('lang="en" ga="G-ABC123" meta-pixel="1234567890"'));
      await el.showPreferences();
      await settled(el);
      const text = (id: string) => prefsOf(el)!.querySelector(`#c-${id}`)!.closest('li')!.textContent!.replace(/\s+/g, ' ');
      expect(text('analytics'))
        .to.include('Google Analytics')
        .and.include('Google Ireland Ltd')
        .and.include('_ga (2 years)')
        .and.include('_ga_ABC123 (2 years)');
      expect(text('analytics')).to.include('outside the EU/EEA');
      expect(text('marketing')).to.include('Meta Pixel').and.include('_fbp (3 months)');
      expect(text('necessary')).to.include('keksi_consent (6 months)');
      prefsOf(el)!.querySelector('dialog')!.close();
    });
  });
});
