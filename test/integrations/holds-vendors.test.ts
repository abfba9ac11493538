/**
 * Consent that holds with the vendors (issue 11): the tracker detector recognises the vendors' own gated
 * snippets, every decision reaches a dataLayer/gtag/fbq that appeared after start-up, a gated snippet next
 * to the matching attribute is reported, and prototype pollution on the page never turns into a signal
 * or a deleted cookie.
 */
import { expect } from '@open-wc/testing';
import { configure } from '../../src/core/options.js';
import { hasTrackers } from '../../src/core/trackers.js';
import { consentModeSignals } from '../../src/integrations/google.js';
import { CONSENT_TYPES } from '../../src/controller/consent-types.js';
import { captureWarnings, clearCookies, mount, storeConsent, unmountAll } from '../helpers.js';
import { until } from '../wait.js';

type W = Window & { dataLayer?: unknown[]; gtag?: unknown; fbq?: { queue: IArguments[] }; _fbq?: unknown };
const w = window as W;
const proto = Object.prototype as unknown as Record<string, unknown>;

const isArgs = (e: unknown) => Object.prototype.toString.call(e) === '[object Arguments]';
const commands = () =>
  (w.dataLayer || []).filter(isArgs).map((e) =>
    (e as IArguments)[0] === 'js'
      ? 'js'
      : Array.from(e as IArguments)
          .slice(0, 2)
          .join(' '),
  );
const lastUpdate = () =>
  (w.dataLayer || [])
    .filter((e) => isArgs(e) && (e as IArguments)[1] === 'update')
    .map((e) => (e as IArguments)[2])
    .at(-1) as Record<string, string>;
const queue = () => (w.fbq?.queue || []).map((a) => Array.from(a).join(' '));
const cookieNames = () =>
  document.cookie
    .split('; ')
    .map((c) => c.split('=')[0])
    .filter(Boolean)
    .sort();
const ALL_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
const SHOP = (attrs: string) => `<keksi-consent no-reopen-button ${attrs}></keksi-consent>`;
/** A gated script that never runs in these tests (nothing is accepted for it). */
const gatedScript = (category: string, text: string, src = '') =>
  `<script type="text/plain" data-category="${category}"${src && ` src="${src}"`}>${text}</script>`;

describe('holds with the vendors', () => {
  beforeEach(() => {
    clearCookies();
    delete w.dataLayer;
    delete w.gtag;
    delete w.fbq;
    delete w._fbq;
  });
  afterEach(() => unmountAll());

  describe('the tracker detector', () => {
    const detects = (markup: string) => {
      const host = document.createElement('div');
      host.innerHTML = markup;
      document.body.append(host);
      try {
        return hasTrackers(() => null);
      } finally {
        host.remove();
      }
    };

    it('recognises the vendors’ own snippets, gated, by their text or their address', () => {
      expect(detects(gatedScript('analytics', 'window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}')), 'gtag').to.equal(
        true,
      );
      expect(
        detects(
          gatedScript(
            'analytics',
            "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'})})(window,document,'script','dataLayer','GTM-X')",
          ),
        ),
        'GTM',
      ).to.equal(true);
      expect(detects(gatedScript('analytics', '', 'https://www.googletagmanager.com/gtm.js?id=GTM-ABCD12')), 'gtm.js').to.equal(true);
      expect(detects(gatedScript('marketing', "fbq('init', '1234567890');")), 'fbq').to.equal(true);
      expect(detects(gatedScript('marketing', '', 'https://connect.facebook.net/en_US/fbevents.js')), 'fbevents.js').to.equal(true);
    });

    it('does not take other gated scripts for trackers', () => {
      expect(detects(gatedScript('analytics', "window.__ran.push('x')", '/test/fixtures/ext-a.js'))).to.equal(false);
    });
  });

  describe('queues that appear after start-up', () => {
    it('a dataLayer that appears later hears the default, then each decision', async () => {
      const el = await mount(SHOP('categories="analytics"'));
      expect(w.dataLayer).to.equal(undefined);
      const own = (w.dataLayer = [] as unknown[]);
      w.gtag = function () {
        // eslint-disable-next-line prefer-rest-params
        own.push(arguments);
      };
      // The first decision after it appeared fetches Google's code (a lazy chunk), which tells it the
      // choice that holds when it arrives; each decision after that is told at once.
      el.setConsent(['analytics']);
      await until(() => commands().length === 3, 'Google to hear the decision');
      el.rejectAll();
      expect(commands()).to.deep.equal(['consent default', 'set ads_data_redaction', 'consent update', 'consent update']);
      expect(lastUpdate()).to.deep.equal(ALL_DENIED);
    });

    it('an fbq that appears later is revoked on rejection and granted on consent', async () => {
      const el = await mount(SHOP('categories="marketing"'));
      // The queue Meta's base code defines, without loading fbevents.js.
      const n = function () {
        // eslint-disable-next-line prefer-rest-params
        n.queue.push(arguments);
      } as unknown as { queue: IArguments[] };
      n.queue = [];
      w.fbq = n;
      // As with Google above: the first decision fetches Meta's code, which tells it on arrival.
      el.rejectAll();
      await until(() => queue().length === 1, 'Meta to hear the rejection');
      el.setConsent(['marketing']);
      expect(queue()).to.deep.equal(['consent revoke', 'consent grant']);
    });
  });

  describe('the page’s own dataLayer', () => {
    it('commands it queued before Keksi, not yet read by gtag.js, come after the default', async () => {
      const own = (w.dataLayer = [] as unknown[]);
      w.gtag = function () {
        // eslint-disable-next-line prefer-rest-params
        own.push(arguments);
      };
      (w.gtag as (...a: unknown[]) => void)('js', new Date());
      (w.gtag as (...a: unknown[]) => void)('config', 'G-OWN1234');
      own.push({ event: 'view_item' });
      await mount(SHOP('categories="analytics"'));
      expect(w.dataLayer).to.equal(own);
      expect(commands()).to.deep.equal(['consent default', 'set ads_data_redaction', 'js', 'config G-OWN1234']);
      expect(own.at(-1)).to.deep.equal({ event: 'view_item' });
    });

    it('once gtag.js has read it (push replaced), the default is pushed, never moved', async () => {
      const own = (w.dataLayer = [] as unknown[]);
      w.gtag = function () {
        // eslint-disable-next-line prefer-rest-params
        own.push(arguments);
      };
      (w.gtag as (...a: unknown[]) => void)('config', 'G-OWN1234');
      const push = own.push;
      own.push = (...items: unknown[]) => push.apply(own, items);
      await mount(SHOP('categories="analytics"'));
      expect(commands()).to.deep.equal(['config G-OWN1234', 'consent default', 'set ads_data_redaction']);
    });
  });

  describe('a dataLayer, gtag or fbq that is not what Google’s and Meta’s snippets make', () => {
    it('an element named dataLayer (injected HTML) is no dataLayer: a message, and Google still hears the default', async () => {
      const el = document.createElement('div');
      el.id = 'dataLayer';
      document.body.append(el);
      try {
        const said = await captureWarnings(() => mount(SHOP('categories="analytics" ga="G-ABC123"')));
        expect(Array.isArray(w.dataLayer)).to.equal(true);
        expect(commands()).to.deep.equal(['consent default', 'set ads_data_redaction']);
        expect(said.filter((m) => m.includes('dataLayer'))).to.deep.equal([
          '[keksi] window.dataLayer is not an array (an element with id="dataLayer"?); Google gets a new one.',
        ]);
      } finally {
        el.remove();
      }
    });

    it('elements named dataLayer and gtag (injected HTML) on a page with Meta only bring no Google: no dataLayer made, no message', async () => {
      const els = ['dataLayer', 'gtag'].map((id) => document.body.appendChild(Object.assign(document.createElement('img'), { id })));
      try {
        const said = await captureWarnings(() => mount(SHOP('categories="marketing" meta-pixel="1234567890"')));
        await until(() => queue().includes('consent revoke'), "Meta's revoke");
        expect({ google: [w.dataLayer, w.gtag].map((v) => v instanceof HTMLImageElement), said: said.filter((m) => m.includes('dataLayer')) }).to.deep.equal({
          google: [true, true],
          said: [],
        });
      } finally {
        for (const el of els) el.remove();
      }
    });

    it('an element named fbq (injected HTML) on a page with Google only brings no Meta: no fbq made', async () => {
      const el = document.body.appendChild(Object.assign(document.createElement('img'), { id: 'fbq' }));
      try {
        await mount(SHOP('categories="analytics marketing" ga="G-ABC123"'));
        await until(() => commands().includes('consent default'), "Google's default");
        expect(w.fbq instanceof HTMLImageElement).to.equal(true);
      } finally {
        el.remove();
      }
    });

    it('a gtag that pushes arrays (gtag.js ignores them) does not carry Keksi’s consent commands', async () => {
      const own = (w.dataLayer = [] as unknown[]);
      // A common mistake: rest arguments instead of the Arguments object gtag.js acts on.
      w.gtag = (...args: unknown[]) => own.push(args);
      const el = await mount(SHOP('categories="analytics" ga="G-ABC123"'));
      el.setConsent(['analytics']);
      expect(own.filter(isArgs).map((e) => (e as IArguments)[0])).to.deep.equal(['consent', 'set', 'consent', 'js', 'config']);
    });

    it('an fbq the page replaces after Keksi told the old one hears the choice at the next decision', async () => {
      const stub = () => {
        const n = function () {
          // eslint-disable-next-line prefer-rest-params
          n.queue.push(arguments);
        } as unknown as { queue: IArguments[] };
        n.queue = [];
        return n;
      };
      w.fbq = stub();
      storeConsent(['analytics'], ['marketing']);
      const el = await mount(SHOP('categories="analytics marketing"'));
      expect(queue()).to.deep.equal(['consent revoke']);
      // A second base code pasted without Meta's own `if (f.fbq) return`: a new queue that has heard nothing.
      w.fbq = stub();
      el.setConsent(['analytics']);
      expect(queue()).to.deep.equal(['consent revoke']);
    });

    it('a gtag the page replaces after Keksi (one that throws) does not stop the next update', async () => {
      const el = await mount(SHOP('categories="analytics" ga="G-ABC123"'));
      w.gtag = () => {
        throw new Error('a broken page gtag');
      };
      el.setConsent(['analytics']);
      expect(commands()).to.deep.equal(['consent default', 'set ads_data_redaction', 'consent update', 'js', 'config G-ABC123']);
    });
  });

  describe('a gated snippet and the matching attribute', () => {
    it('warns for Google: both would load', async () => {
      const said = await captureWarnings(() =>
        mount(`${gatedScript('analytics', "gtag('config', 'G-ABC123')")}${SHOP('categories="analytics" ga="G-ABC123"')}`),
      );
      expect(said.filter((s) => s.startsWith('[keksi]') && /Google/.test(s))).to.have.length(1);
    });

    it('warns for Meta: both would load', async () => {
      const said = await captureWarnings(() =>
        mount(`${gatedScript('marketing', "fbq('init', '1234567890')")}${SHOP('categories="marketing" meta-pixel="1234567890"')}`),
      );
      expect(said.filter((s) => s.startsWith('[keksi]') && /Meta/.test(s))).to.have.length(1);
    });

    it('says nothing for a gated snippet alone', async () => {
      const said = await captureWarnings(() =>
        mount(
          `${gatedScript('analytics', "gtag('config', 'G-ABC123')")}${gatedScript('marketing', "fbq('init', '1')")}${SHOP('categories="analytics marketing"')}`,
        ),
      );
      expect(said).to.deep.equal([]);
    });
  });

  describe('prototype pollution elsewhere on the page', () => {
    const polluted: string[] = [];
    const pollute = (key: string, value: unknown) => {
      polluted.push(key);
      proto[key] = value;
    };
    afterEach(() => {
      for (const key of polluted.splice(0)) delete proto[key];
    });

    it('a rejection still pushes every signal denied', async () => {
      pollute('necessary', ['ad_storage', 'analytics_storage']);
      const el = await mount(SHOP('categories="preferences analytics marketing" ga="G-ABC123"'));
      el.rejectAll();
      expect(lastUpdate()).to.deep.equal(ALL_DENIED);
    });

    it('a custom category grants only what the shop mapped it to', async () => {
      pollute('chat', ['ad_storage']);
      configure({ consentMode: { survey: ['personalization_storage'] } });
      w.dataLayer = [];
      const el = await mount(SHOP('categories="chat survey"'));
      el.setConsent(['chat', 'survey']);
      expect(lastUpdate()).to.deep.equal({ ...ALL_DENIED, personalization_storage: 'granted' });
      expect(consentModeSignals(() => true).ad_storage).to.equal('granted', 'own entries still count');
      // google.ts makes its list from CONSENT_MAP (its chunk imports nothing of the controller's): the same types, in the same order.
      expect(Object.keys(consentModeSignals(() => false))).to.deep.equal([...CONSENT_TYPES]);
    });

    it('withdrawal deletes only the trackers’ and the shop’s listed cookies, never the choice', async () => {
      // An array js-cookie can also read as an attribute (its own for-in is another fix): only the lookup is tested.
      pollute('preferences', Object.assign(['keksi_consent', 'cart'], { split: () => [''] }));
      storeConsent(['preferences', 'analytics'], []);
      const el = await mount(SHOP('categories="preferences analytics"'));
      for (const c of ['_ga=1', 'cart=3']) document.cookie = `${c}; path=/`;
      el.rejectAll();
      expect(cookieNames()).to.deep.equal(['cart', 'keksi_consent']);
      expect(el.getConsent()!.rejected).to.deep.equal(['preferences', 'analytics']);
    });

    it('a category named like a built-in property withdraws cleanly', async () => {
      storeConsent(['analytics', 'constructor'], []);
      const el = await mount(SHOP('categories="analytics constructor" ga="G-ABC123"'));
      document.cookie = '_ga=1; path=/';
      expect(() => el.rejectAll()).to.not.throw();
      expect(cookieNames()).to.deep.equal(['keksi_consent']);
      expect(lastUpdate()).to.deep.equal(ALL_DENIED);
    });
  });
});
