// Platforms' consent APIs driven by Keksi: Shopify's Customer Privacy API and the WP Consent API,
// each against a stub shaped like the platform's documented (Shopify) or shipped (WordPress) code.
import { expect } from '@open-wc/testing';
import { configure, options } from '../../src/core/options.js';
import type { KeksiConsent } from '../../src/controller/keksi-consent.js';
import { bannerOf, captureWarnings, mount, part, storeConsent } from '../helpers.js';
import { settled, until } from '../wait.js';

type Consent = { analytics: boolean; marketing: boolean; preferences: boolean; sale_of_data: boolean };
type W = Window & {
  Shopify?: {
    loadFeatures?: (features: unknown[], cb: (error?: unknown) => void) => void;
    customerPrivacy?: { setTrackingConsent(c: Consent, cb: (r?: unknown) => void): void };
  };
  wp_set_consent?: (category: string, value: string) => void;
  wp_has_consent?: (category: string) => boolean;
  wp_consent_type?: string;
};
const w = window as W;

/** Run `fn` with console.warn recorded, then wait until `done(said)`: the platforms chunk speaks after it has loaded. */
const warnsUntil = captureWarnings;
const SHOP = (attrs = '') => `<keksi-consent categories="preferences analytics marketing" no-reopen-button ${attrs}></keksi-consent>`;

/**
 * Shopify's storefront as https://shopify.dev/docs/api/customer-privacy documents it: `loadFeatures`
 * calls back (with an error or none) once `Shopify.customerPrivacy` is defined. `hold` keeps the
 * callback until `release()`; `reply` is what setTrackingConsent's callback gets.
 */
function shopify({ hold = false, reply = undefined as unknown, loaded = false } = {}) {
  const calls: unknown[][] = [];
  let release = () => {};
  const privacy = {
    setTrackingConsent(consent: Consent, cb: (r?: unknown) => void) {
      calls.push(['setTrackingConsent', { ...consent }]);
      queueMicrotask(() => cb(reply));
    },
  };
  w.Shopify = {
    loadFeatures(features, cb) {
      calls.push(['loadFeatures', features]);
      release = () => {
        w.Shopify!.customerPrivacy = privacy;
        cb();
      };
      if (!hold) queueMicrotask(release);
    },
  };
  if (loaded) w.Shopify.customerPrivacy = privacy;
  return { calls, release: () => release(), consents: () => calls.filter((c) => c[0] == 'setTrackingConsent').map((c) => c[1]) };
}

const FEATURES = [{ name: 'consent-tracking-api', version: '0.1' }];
const ALL = { analytics: true, marketing: true, preferences: true, sale_of_data: true };
const NONE = { analytics: false, marketing: false, preferences: false, sale_of_data: false };

describe('Shopify Customer Privacy API', () => {
  afterEach(() => {
    delete w.Shopify;
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  });

  it('loads the API with loadFeatures and sets the stored choice on start', async () => {
    const shop = shopify();
    storeConsent(['analytics'], ['preferences', 'marketing']);
    await mount(SHOP());
    await until(() => shop.consents().length, 'setTrackingConsent');
    expect(shop.calls).to.deep.equal([
      ['loadFeatures', FEATURES],
      ['setTrackingConsent', { ...NONE, analytics: true }],
    ]);
  });

  it('before a decision tells Shopify nothing is allowed, and each decision after it', async () => {
    const shop = shopify();
    const el = await mount(SHOP());
    await until(() => shop.consents().length, 'setTrackingConsent');
    part(bannerOf(el), 'accept-all').click();
    await settled(el);
    el.rejectAll();
    await until(() => shop.consents().length == 3, 'three setTrackingConsent');
    expect(shop.consents()).to.deep.equal([NONE, ALL, NONE]);
  });

  it('a decision made while the API loads is the one Shopify gets', async () => {
    const shop = shopify({ hold: true });
    const el = await mount(SHOP());
    await until(() => shop.calls.length, 'loadFeatures');
    el.setConsent(['marketing']);
    expect(shop.consents()).to.deep.equal([]);
    shop.release();
    await until(() => shop.consents().length, 'setTrackingConsent');
    expect(shop.consents()).to.deep.equal([{ ...NONE, marketing: true, sale_of_data: true }]);
  });

  it('a page start whose choice Shopify already holds does not set it again; the next decision does', async () => {
    const shop = shopify({ loaded: true });
    // What currentVisitorConsent() answers: 'yes'/'no' per purpose ('' when the visitor has not chosen).
    const held = { analytics: 'yes', marketing: 'no', preferences: 'no', sale_of_data: 'no' };
    Object.assign(w.Shopify!.customerPrivacy!, { currentVisitorConsent: () => (shop.calls.push(['currentVisitorConsent']), held) });
    storeConsent(['analytics'], ['preferences', 'marketing']);
    const el = await mount(SHOP());
    await until(() => shop.calls.length, 'currentVisitorConsent');
    await settled(el);
    expect(shop.calls).to.deep.equal([['currentVisitorConsent']]);
    el.setConsent(['analytics']);
    await until(() => shop.consents().length, 'setTrackingConsent');
    expect(shop.consents()).to.deep.equal([{ ...NONE, analytics: true }]);
  });

  for (const [what, held] of [
    ['another choice', { analytics: 'yes', marketing: 'yes', preferences: 'no', sale_of_data: 'yes' }],
    ['no choice yet', { analytics: '', marketing: '', preferences: '', sale_of_data: '' }],
    ['an answer of another shape', { analytics: 1, marketing: null }],
  ] as const)
    it(`a page start whose Shopify holds ${what} sets Keksi's`, async () => {
      const shop = shopify({ loaded: true });
      Object.assign(w.Shopify!.customerPrivacy!, { currentVisitorConsent: () => held });
      storeConsent(['analytics'], ['preferences', 'marketing']);
      await mount(SHOP());
      await until(() => shop.consents().length, 'setTrackingConsent');
      expect(shop.consents()).to.deep.equal([{ ...NONE, analytics: true }]);
    });

  it('uses Shopify.customerPrivacy when it is already there', async () => {
    const shop = shopify({ loaded: true });
    storeConsent(['preferences'], ['analytics', 'marketing']);
    await mount(SHOP());
    await until(() => shop.consents().length, 'setTrackingConsent');
    expect(shop.calls).to.deep.equal([['setTrackingConsent', { ...NONE, preferences: true }]]);
  });

  it('sale_of_data stays false under Global Privacy Control even with marketing granted', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const shop = shopify({ loaded: true });
    const el = await mount(SHOP());
    el.setConsent(['marketing']);
    await until(() => shop.consents().length == 2, 'two setTrackingConsent');
    expect(shop.consents()[1]).to.deep.equal({ ...NONE, marketing: true });
  });

  it('the mapping can be changed with configure()', async () => {
    configure({ platforms: { 'shopify:preferences': 'analytics', 'shopify:sale_of_data': 'necessary' } });
    const shop = shopify({ loaded: true });
    storeConsent(['analytics'], ['preferences', 'marketing']);
    await mount(SHOP());
    await until(() => shop.consents().length, 'setTrackingConsent');
    expect(shop.consents()).to.deep.equal([{ ...NONE, analytics: true, preferences: true, sale_of_data: true }]);
  });

  it('an error from Shopify is a [keksi] message, and the page goes on', async () => {
    const said = await warnsUntil(
      () => (shopify({ loaded: true, reply: { error: 'no region settings' } }), mount(SHOP())),
      (said) => said.some((s) => s.startsWith('[keksi]') && s.includes('Shopify') && s.includes('no region settings')),
    );
    expect(said.length).to.be.greaterThan(0);
  });

  it('a storefront whose setTrackingConsent returns a promise: its rejection is a [keksi] message', async () => {
    const shop = shopify({ loaded: true });
    w.Shopify!.customerPrivacy!.setTrackingConsent = (consent) => (
      shop.calls.push(['setTrackingConsent', consent]),
      Promise.reject(new Error('consent not saved'))
    );
    await warnsUntil(
      () => mount(SHOP()),
      (said) => said.some((s) => s.startsWith('[keksi]') && s.includes('Shopify') && s.includes('consent not saved')),
    );
    expect(shop.consents()).to.deep.equal([NONE]);
  });

  it('platform="shopify" on a page without Shopify says so and does nothing', async () => {
    await warnsUntil(
      () => mount(SHOP('platform="shopify"')),
      (said) => said.some((s) => s.startsWith('[keksi]') && s.includes('without window.Shopify')),
    );
    expect(w.Shopify).to.equal(undefined);
  });
});

describe('platform attribute and mapping', () => {
  afterEach(() => delete w.Shopify);

  it('an unknown platform is a [keksi] message from the platforms chunk and means detection', async () => {
    let el!: KeksiConsent;
    await warnsUntil(
      async () => (el = await mount(SHOP('platform="magento"'))),
      (said) => said.some((s) => s.includes('platform="magento" is not one of detected, shopify, wordpress; using "detected"')),
    );
    expect(el.config.platform).to.equal('magento');
  });

  it('a mapping to something that is not a category id, or of an unknown purpose, is skipped with a [keksi] message', async () => {
    configure({ platforms: { 'shopify:analytics': 'Analytics!', 'shopify:ads': 'marketing', 'shopify:preferences': 'analytics' } });
    const shop = shopify({ loaded: true });
    storeConsent(['analytics'], ['preferences', 'marketing']);
    const said = await warnsUntil(
      () => mount(SHOP()),
      (said) => said.some((s) => s.includes('platforms.shopify:analytics skipped')) && said.some((s) => s.includes('platforms.shopify:ads skipped')),
    );
    expect(said.every((s) => !s.includes('platforms.shopify:preferences'))).to.equal(true, said.join('\n'));
    // The bad entry is ignored (analytics keeps its default), the good one applies.
    await until(() => shop.consents().length, 'setTrackingConsent');
    expect(shop.consents()).to.deep.equal([{ ...NONE, analytics: true, preferences: true }]);
  });

  it('configure({ platforms }) is read by the platforms chunk, not merged into options, and the options type says so', async () => {
    configure({ platforms: { 'shopify:analytics': 'marketing' } });
    await mount(SHOP());
    expect(Object.keys(options).sort()).to.deep.equal(['categories', 'consentMode', 'cookies', 'scriptUrls', 'services']);
    // @ts-expect-error -- the merged options have no `platforms` (tsc -p tsconfig.test.json checks this line)
    expect(options.platforms).to.equal(undefined);
  });

  it('configure() called after Keksi has started still changes the mapping at the next decision', async () => {
    const shop = shopify({ loaded: true });
    const el = await mount(SHOP());
    await until(() => shop.consents().length, 'setTrackingConsent');
    configure({ platforms: { 'shopify:marketing': 'analytics' } });
    el.setConsent(['analytics']);
    await until(() => shop.consents().length == 2, 'two setTrackingConsent');
    expect(shop.consents()[1]).to.deep.equal({ ...NONE, analytics: true, marketing: true });
  });

  it('a configure() input that throws when read is skipped: Shopify is still told, nothing reaches the page', async () => {
    const shop = shopify();
    configure({
      get platforms(): Record<string, string> {
        throw new Error('a getter that throws');
      },
    });
    await warnsUntil(
      () => mount(SHOP()),
      () => shop.consents().length > 0,
    );
    expect(shop.consents()).to.deep.equal([NONE]);
  });

  it('a polluted Object.prototype adds no mapping', async () => {
    (Object.prototype as Record<string, unknown>).platforms = { 'shopify:marketing': 'necessary' };
    try {
      const shop = shopify({ loaded: true });
      configure({ categories: {} });
      await mount(SHOP());
      await until(() => shop.consents().length, 'setTrackingConsent');
      expect(shop.consents()).to.deep.equal([NONE]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).platforms;
    }
  });
});

/**
 * The WP Consent API's browser side as the plugin ships it (github.com/WordPress/wp-consent-level-api,
 * assets/js/wp-consent-api.js): cookies `wp_consent_<category>`, `wp_has_consent` reads
 * `window.wp_consent_type`, `wp_set_consent` accepts only allow/deny and fires
 * `wp_listen_for_consent_change` on `document` only when the value changed.
 */
function wordpress() {
  const log: string[] = [];
  const cookie = (c: string) =>
    document.cookie
      .split('; ')
      .find((k) => k.startsWith(`wp_consent_${c}=`))
      ?.split('=')[1] || '';
  w.wp_has_consent = (category) => {
    const type = w.wp_consent_type;
    const value = cookie(category);
    return !type || (type.includes('optout') && value === '') || value === 'allow';
  };
  w.wp_set_consent = (category, value) => {
    log.push(`set ${category} ${value} (type ${w.wp_consent_type})`);
    if (value !== 'allow' && value !== 'deny') return;
    const before = cookie(category);
    document.cookie = `wp_consent_${category}=${value}; path=/`;
    if (before === value) return;
    const detail = [] as unknown as Record<string, string>;
    detail[category] = value;
    document.dispatchEvent(new CustomEvent('wp_listen_for_consent_change', { detail }));
  };
  const onType = () => log.push(`wp_consent_type_defined (type ${w.wp_consent_type})`);
  const onChange = (e: Event) => log.push(`change ${Object.entries((e as CustomEvent).detail).join()}`);
  document.addEventListener('wp_consent_type_defined', onType);
  document.addEventListener('wp_listen_for_consent_change', onChange);
  return {
    log,
    sets: () => log.filter((l) => l.startsWith('set ')).map((l) => l.slice(4, l.indexOf(' ('))),
    stop() {
      document.removeEventListener('wp_consent_type_defined', onType);
      document.removeEventListener('wp_listen_for_consent_change', onChange);
    },
  };
}
const WP_CATEGORIES = ['functional', 'preferences', 'statistics', 'statistics-anonymous', 'marketing'];
const wpSets = (allowed: string[]) => WP_CATEGORIES.map((c) => `${c} ${allowed.includes(c) ? 'allow' : 'deny'}`);

/** The shop's start, an "accept all" press and a rejectAll(): the WP Consent API hears each (five purposes each time); what Keksi said. */
async function wpHearsEachDecision(wp: ReturnType<typeof wordpress>): Promise<string[]> {
  const said = await warnsUntil(async () => {
    const el = await mount(SHOP());
    await until(() => wp.sets().length == 5, 'five wp_set_consent calls');
    part(bannerOf(el), 'accept-all').click();
    await until(() => wp.sets().length == 10, 'ten wp_set_consent calls (accept all)');
    el.rejectAll();
    await until(() => wp.sets().length == 15, 'fifteen wp_set_consent calls (reject all)');
  });
  expect(wp.sets().slice(10)).to.deep.equal(wpSets(['functional']));
  return said;
}

describe('WP Consent API', () => {
  let wp: ReturnType<typeof wordpress> | undefined;
  afterEach(() => {
    wp?.stop();
    delete w.wp_set_consent;
    delete w.wp_has_consent;
    delete w.wp_consent_type;
  });

  it('defines the opt-in consent type, announces it, then sets every category', async () => {
    wp = wordpress();
    storeConsent(['analytics'], ['preferences', 'marketing']);
    await mount(SHOP());
    await until(() => wp!.sets().length == 5, 'five wp_set_consent calls');
    expect(wp.log[0]).to.equal('wp_consent_type_defined (type optin)');
    expect(wp.log.filter((l) => l.startsWith('set ')).every((l) => l.endsWith('(type optin)'))).to.equal(true);
    expect(wp.sets()).to.deep.equal(wpSets(['functional', 'statistics', 'statistics-anonymous']));
    expect([w.wp_has_consent!('statistics'), w.wp_has_consent!('marketing')]).to.deep.equal([true, false]);
  });

  it('follows each decision; the plugin fires one change event per changed category', async () => {
    wp = wordpress();
    const el = await mount(SHOP());
    await until(() => wp!.sets().length == 5, 'five wp_set_consent calls');
    expect(wp.sets()).to.deep.equal(wpSets(['functional']));
    part(bannerOf(el), 'accept-all').click();
    await until(() => wp!.sets().length == 10, 'ten wp_set_consent calls');
    expect(wp.sets().slice(5)).to.deep.equal(wpSets(WP_CATEGORIES));
    el.rejectAll();
    await until(() => wp!.sets().length == 15, 'fifteen wp_set_consent calls');
    expect(wp.sets().slice(10)).to.deep.equal(wpSets(['functional']));
    expect(wp.log.filter((l) => l.startsWith('change marketing'))).to.deep.equal(['change marketing,deny', 'change marketing,allow', 'change marketing,deny']);
    expect(w.wp_has_consent!('marketing')).to.equal(false);
  });

  // attack5: injected HTML (no script) on a WordPress shop: <form id="Shopify"> is window.Shopify and its control
  // named customerPrivacy its "API". Shopify's integration must not start on an element (it threw at every
  // decision, and the WP Consent API, told after it, never heard one: a withdrawal reached no WordPress plugin).
  it('an injected element named Shopify is no Shopify: the WP Consent API hears each decision, nothing thrown', async () => {
    wp = wordpress();
    const injected = document.createElement('div');
    injected.innerHTML = '<form id="Shopify"><input name="customerPrivacy"><input name="loadFeatures"></form>';
    document.body.append(injected);
    try {
      const said = await wpHearsEachDecision(wp);
      expect(said.filter((m) => /failed/.test(m))).to.deep.equal([]);
    } finally {
      injected.remove();
    }
  });

  it("a platform that throws at a decision does not silence the next: Shopify's setTrackingConsent throwing, the WP Consent API hears each decision", async () => {
    wp = wordpress();
    w.Shopify = {
      customerPrivacy: {
        setTrackingConsent() {
          throw new Error('a theme shim broke setTrackingConsent');
        },
      },
    };
    try {
      const said = await wpHearsEachDecision(wp);
      expect(said.filter((m) => /Shopify failed/.test(m)).length).to.be.greaterThan(0);
    } finally {
      delete w.Shopify;
    }
  });

  it('a decision made as the module starts is not lost', async () => {
    wp = wordpress();
    const el = await mount(SHOP());
    el.setConsent(['marketing']);
    await until(() => wp!.sets().at(-1) == 'marketing allow', 'marketing allowed');
    expect(w.wp_has_consent!('marketing')).to.equal(true);
    expect(w.wp_has_consent!('statistics')).to.equal(false);
  });

  it('the mapping can be changed with configure()', async () => {
    configure({ platforms: { 'wordpress:statistics-anonymous': 'necessary' } });
    wp = wordpress();
    storeConsent([], ['preferences', 'analytics', 'marketing']);
    await mount(SHOP());
    await until(() => wp!.sets().length == 5, 'five wp_set_consent calls');
    expect(wp.sets()).to.deep.equal(wpSets(['functional', 'statistics-anonymous']));
  });

  it('platform="wordpress" sets the consent type even before the consent API has loaded', async () => {
    await mount(SHOP('platform="wordpress"'));
    await until(() => w.wp_consent_type, 'wp_consent_type');
    expect(w.wp_consent_type).to.equal('optin');
  });
});
