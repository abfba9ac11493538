// The GTM template's sandboxed code (integrations/gtm/keksi-consent.tpl) run against a shim of the
// sandbox APIs it requires, with Keksi on the page: defaults from the cookie on Consent
// Initialization, an update when GTM fires it on Keksi's `keksi_consent_update` event.
import { expect } from '@open-wc/testing';
import { bannerOf, mount, part, storeConsent } from '../helpers.js';
import { settled } from '../wait.js';

type W = Window & { dataLayer?: Record<string, unknown>[] };
const w = window as W;
const calls: unknown[][] = [];

/** Run the template as GTM would fire it, with the dataLayer's state at the time of the event. */
async function fireTemplate(event: string) {
  const tpl = await (await fetch('/integrations/gtm/keksi-consent.tpl')).text();
  const code = /___SANDBOXED_JS_FOR_WEB_TEMPLATE___\n([\s\S]*?)\n___WEB_PERMISSIONS___/.exec(tpl)![1];
  // The data layer model GTM reads: the merged state of every push up to the event fired.
  const model: Record<string, unknown> = {};
  for (const push of w.dataLayer || []) if (!Array.isArray(push) && Object.prototype.toString.call(push) !== '[object Arguments]') Object.assign(model, push);
  model.event = event;
  const sandbox: Record<string, unknown> = {
    setDefaultConsentState: (s: unknown) => calls.push(['default', s]),
    updateConsentState: (s: unknown) => calls.push(['update', s]),
    getCookieValues: (name: string) =>
      document.cookie
        .split('; ')
        .filter((c) => c.startsWith(name + '='))
        .map((c) => decodeURIComponent(c.slice(name.length + 1))),
    copyFromDataLayer: (key: string) => model[key],
    makeNumber: Number,
    getType: (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v),
    JSON: {
      parse: (s: string) => {
        try {
          return JSON.parse(s);
        } catch {
          return undefined;
        }
      },
    },
  };
  const data = { cookieName: 'keksi_consent', waitForUpdate: '500', gtmOnSuccess: () => calls.push(['success']) };
  new Function('require', 'data', code)((name: string) => sandbox[name], data);
}

const ALL = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage'];
const state = (granted: string[]) => ({ security_storage: 'granted', ...Object.fromEntries(ALL.map((t) => [t, granted.includes(t) ? 'granted' : 'denied'])) });

describe('GTM template', () => {
  beforeEach(() => {
    calls.length = 0;
    delete w.dataLayer;
  });

  it('a first visit: all denied by default, then the update GTM fires on keksi_consent_update', async () => {
    await fireTemplate('gtm.init_consent');
    expect(calls).to.deep.equal([['default', { ...state([]), wait_for_update: 500 }], ['success']]);
    const el = await mount('<keksi-consent categories="preferences analytics marketing" no-reopen-button gtm="GTM-ABCD12"></keksi-consent>');
    part(bannerOf(el), 'accept-all').click();
    await settled(el);
    expect(w.dataLayer!.filter((e) => e.event == 'keksi_consent_update').length).to.equal(1);
    await fireTemplate('keksi_consent_update');
    expect(calls.slice(2)).to.deep.equal([['update', state(ALL)], ['success']]);
    el.setConsent(['analytics']);
    await fireTemplate('keksi_consent_update');
    expect(calls.slice(4)).to.deep.equal([['update', state(['analytics_storage'])], ['success']]);
  });

  it('a returning visitor: the defaults are the stored choice', async () => {
    storeConsent(['analytics', 'preferences'], ['marketing']);
    await fireTemplate('gtm.init_consent');
    expect(calls[0]).to.deep.equal(['default', { ...state(['analytics_storage', 'functionality_storage', 'personalization_storage']), wait_for_update: 500 }]);
  });

  it('a cookie that does not parse counts as no choice', async () => {
    document.cookie = 'keksi_consent=%7Bbroken; path=/';
    await fireTemplate('gtm.init_consent');
    expect(calls[0]).to.deep.equal(['default', { ...state([]), wait_for_update: 500 }]);
  });
});
