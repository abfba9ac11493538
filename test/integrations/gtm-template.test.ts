// The GTM template's sandboxed code (integrations/gtm/keksi-consent.tpl) run against a shim of the
// sandbox APIs it requires, with Keksi on the page: defaults from the cookie on Consent
// Initialization, an update when GTM fires it on Keksi's `keksi_consent_update` event.
import { expect } from '@open-wc/testing';
import { bannerOf, clearCookies, mount, part, storeConsent, unmountAll } from '../helpers.js';
import { settled } from '../wait.js';

type W = Window & { dataLayer?: Record<string, unknown>[] };
const w = window as W;
const calls: unknown[][] = [];

const plain = (v: unknown): v is Record<string, unknown> => Object.prototype.toString.call(v) === '[object Object]';
/** GTM's recursive merge of a push into its data model. */
function merge(into: Record<string, unknown>, from: Record<string, unknown>) {
  for (const [key, value] of Object.entries(from)) {
    const was = into[key];
    if ((Array.isArray(was) && Array.isArray(value)) || (plain(was) && plain(value))) merge(was as Record<string, unknown>, value as Record<string, unknown>);
    else into[key] = Array.isArray(value) ? [...value] : plain(value) ? merge({}, value) : value;
  }
  return into;
}

/** Run the template as GTM would fire it, with the dataLayer's state at the time of the event. */
async function fireTemplate(event: string) {
  const tpl = await (await fetch('/integrations/gtm/keksi-consent.tpl')).text();
  const code = /___SANDBOXED_JS_FOR_WEB_TEMPLATE___\n([\s\S]*?)\n___WEB_PERMISSIONS___/.exec(tpl)![1];
  // The data layer model GTM reads: every push up to the event fired, merged as GTM merges them
  // (google/data-layer-helper's README, "The Abstract Data Model": an array onto an array and a plain
  // object onto a plain object merge key by key; anything else overwrites).
  const model: Record<string, unknown> = {};
  for (const push of w.dataLayer || []) if (!Array.isArray(push) && Object.prototype.toString.call(push) !== '[object Arguments]') merge(model, push);
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
  afterEach(() => {
    unmountAll();
    clearCookies();
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
    // A withdrawal: GTM's model merges the shorter list of categories into the longer one.
    el.setConsent(['analytics']);
    await fireTemplate('keksi_consent_update');
    expect(calls.slice(4)).to.deep.equal([['update', state(['analytics_storage'])], ['success']]);
  });

  it('the update follows Google’s own switches: marketing with only the Meta pixel on denies the ad types', async () => {
    const el = await mount(
      '<keksi-consent categories="analytics marketing" no-reopen-button gtm="GTM-ABCD12" google-ads="AW-123456789" meta-pixel="1234567890"></keksi-consent>',
    );
    el.setConsent(['analytics', 'marketing:meta-pixel']);
    await fireTemplate('keksi_consent_update');
    expect(calls).to.deep.equal([['update', state(['analytics_storage'])], ['success']]);
  });

  it('a returning visitor who allowed marketing with only the Meta pixel: the defaults deny the ad types', async () => {
    storeConsent(['analytics', 'marketing', 'preferences'], [], { v: 2, s: { marketing: ['meta-pixel'], preferences: ['chat'] } });
    await fireTemplate('gtm.init_consent');
    // Preferences has no Google service: in part, it grants its types (as Keksi's own integration does).
    expect(calls[0]).to.deep.equal(['default', { ...state(['analytics_storage', 'functionality_storage', 'personalization_storage']), wait_for_update: 500 }]);
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
