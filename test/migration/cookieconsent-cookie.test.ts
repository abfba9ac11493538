// migrate-from="cookieconsent" (issue 15): cookieconsent v3's stored choice (`cc_cookie`) becomes a
// Keksi choice once, when it is sound, of the same revision, not expired and for the same categories;
// otherwise the visitor is asked (fail closed), with a [keksi] message. The cookie's shape is the one
// vanilla-cookieconsent 3.1.0 writes (test/e2e/migration.test.mjs makes a real one).
import { expect } from '@open-wc/testing';
import { bannerOf, captureWarnings, mount, readConsentCookie, resetPage, storeConsent } from '../helpers.js';
import { KeksiConsent } from '../../src/controller/keksi-consent.js';
import { parseCcCookie } from '../../src/migration/cookieconsent.js';
import { gateDone, settled, until } from '../wait.js';
import { configure } from '../../src/core/options.js';

const DAY = 864e5;
const ID = '2f761e4a-59f0-44b0-889d-84a6427a5e59';

/** A cc_cookie as cookieconsent 3.1.0 writes it (categories: accepted; services: a key per configured category). */
function ccValue(over: Record<string, unknown> = {}, ago = DAY): string {
  const t = new Date(Date.now() - ago).toISOString();
  return JSON.stringify({
    categories: ['necessary', 'analytics'],
    revision: 0,
    data: null,
    consentTimestamp: t,
    consentId: ID,
    services: { necessary: [], analytics: [], socialMedia: [] },
    languageCode: 'en',
    lastConsentTimestamp: t,
    expirationTime: Date.now() - ago + 182 * DAY,
    ...over,
  });
}
const setCc = (value: string) => (document.cookie = `cc_cookie=${encodeURIComponent(value)}; path=/`);
const hasCc = () => document.cookie.split('; ').some((c) => c.startsWith('cc_cookie='));

const GATED = `
  <script type="text/plain" data-category="analytics">window.__ran.push('analytics')</script>
  <script type="text/plain" data-category="socialMedia">window.__ran.push('social')</script>`;
const SHOP = (attrs = '') =>
  `${GATED}<keksi-consent categories="analytics socialMedia" migrate-from="cookieconsent" no-reopen-button ${attrs}></keksi-consent>`;

/** Mount a shop whose visitor was asked again, and the [keksi] messages said meanwhile. */
async function askedAgain(attrs = ''): Promise<string[]> {
  const said = await captureWarnings(async () => {
    const el = await mount(SHOP(attrs));
    await gateDone();
    expect(bannerOf(el), 'the banner').to.not.equal(null);
    expect(el.getConsent()).to.equal(null);
  });
  expect(window.__ran).to.deep.equal([]);
  expect(readConsentCookie()).to.equal(undefined);
  expect(hasCc(), 'cc_cookie is read once and deleted').to.equal(false);
  return said.filter((s) => s.startsWith('[keksi]') && s.includes('cc_cookie'));
}

describe('migrate-from="cookieconsent"', () => {
  it("takes over the choice: no banner, its categories run, Keksi's cookie keeps cookieconsent's id and time, cc_cookie is gone", async () => {
    setCc(ccValue());
    const changes: string[][] = [];
    const onChange = (e: CustomEvent) => changes.push(e.detail.changed!);
    document.addEventListener('keksi-change', onChange);
    const el = await mount(SHOP());
    document.removeEventListener('keksi-change', onChange);
    await gateDone();
    expect(changes, 'keksi-change, as for any decision').to.deep.equal([['analytics']]);
    expect(bannerOf(el)).to.equal(null);
    expect(window.__ran).to.deep.equal(['analytics']);
    const record = readConsentCookie();
    expect(record).to.include({ v: 2, id: ID, r: 0 });
    expect(record.a).to.deep.equal(['analytics']);
    expect(record.x).to.deep.equal(['socialMedia']);
    expect(Date.now() - Date.parse(record.t)).to.be.within(DAY - 60000, DAY + 60000);
    expect(hasCc()).to.equal(false);
  });

  it('is not read without the attribute, nor when Keksi already has a choice', async () => {
    setCc(ccValue());
    let el = await mount(`${GATED}<keksi-consent categories="analytics socialMedia" no-reopen-button></keksi-consent>`);
    expect(bannerOf(el)).to.not.equal(null);
    expect(hasCc()).to.equal(true);
    el.remove();
    KeksiConsent.live = undefined;
    storeConsent([], ['analytics', 'socialMedia']);
    el = await mount(SHOP());
    await gateDone();
    expect(el.getConsent()!.accepted).to.deep.equal(['necessary']);
    expect(hasCc()).to.equal(true);
  });

  it('another revision: asked again', async () => {
    setCc(ccValue({ revision: 2 }));
    expect((await askedAgain('revision="3"')).join()).to.include('revision 2');
  });

  it("expired by cookieconsent's own expiry, or older than expires-days: asked again", async () => {
    setCc(ccValue({ expirationTime: Date.now() - 1000 }));
    expect((await askedAgain()).join()).to.include('expired');
    resetPage();
    setCc(ccValue({}, 40 * DAY));
    expect((await askedAgain('expires-days="30"')).join()).to.include('expired');
  });

  it('other categories than Keksi has (one added, one renamed): asked again', async () => {
    setCc(ccValue({ services: { necessary: [], analytics: [] } }));
    expect((await askedAgain()).join()).to.include('categories');
  });

  it('malformed, tampered or foreign values: asked again, never an exception', async () => {
    const bad = [
      'not json',
      '"a string"',
      ccValue({ categories: 'analytics' }),
      ccValue({ categories: ['necessary', 'analytics<script>'] }),
      ccValue({ services: ['analytics'] }),
      ccValue({ services: undefined }),
      ccValue({ revision: '0' }),
      ccValue({ lastConsentTimestamp: 'yesterday' }),
      ccValue({ expirationTime: 'never' }),
      JSON.stringify({ level: ['necessary', 'analytics'], revision: 0 }),
    ];
    for (const value of bad) {
      resetPage();
      setCc(value);
      expect(await askedAgain(), value).to.have.length(1);
    }
    expect(parseCcCookie('{"__proto__":{"categories":["analytics"]}}')).to.equal(null);
  });

  it("a decision made while the migration chunk loads wins over cookieconsent's", async () => {
    setCc(ccValue({ categories: ['necessary', 'analytics', 'socialMedia'] }));
    window.__ran = [];
    const host = document.createElement('div');
    host.innerHTML = SHOP();
    document.body.append(host);
    const el = host.querySelector('keksi-consent') as KeksiConsent;
    el.rejectAll();
    await settled(el);
    await gateDone();
    expect(el.getConsent()!.accepted).to.deep.equal(['necessary']);
    expect(readConsentCookie().x).to.deep.equal(['analytics', 'socialMedia']);
    expect(window.__ran).to.deep.equal([]);
    expect(hasCc()).to.equal(false);
    host.remove();
  });
});

describe('migrate-from="cookieconsent": per-service choices', () => {
  /** Two analytics services of the shop's own, with switches in Keksi's dialog. */
  const services = () =>
    configure({
      services: ['stats', 'heatmap'].map((id) => ({ id, name: id, category: 'analytics', provider: 'Shop Oy', purpose: 'x', cookies: [] })),
    });
  const SERVICES = `
    <script type="text/plain" data-category="analytics" data-service="stats">window.__ran.push('stats')</script>
    <script type="text/plain" data-category="analytics" data-service="heatmap">window.__ran.push('heatmap')</script>
    <keksi-consent categories="analytics socialMedia" migrate-from="cookieconsent" no-reopen-button></keksi-consent>`;

  it("carries cookieconsent's services over when they are Keksi's: only those run, the record has them", async () => {
    services();
    setCc(ccValue({ services: { necessary: [], analytics: ['stats'], socialMedia: [] } }));
    const el = await mount(SERVICES);
    await until(() => readConsentCookie(), 'the taken-over record');
    await gateDone();
    expect(bannerOf(el)).to.equal(null);
    expect(readConsentCookie()).to.include({ v: 2, id: ID });
    expect(readConsentCookie().s).to.deep.equal({ analytics: ['stats'] });
    expect(el.has('analytics:heatmap')).to.equal(false);
    expect(window.__ran).to.deep.equal(['stats']);
    expect(hasCc()).to.equal(false);
  });

  it('every service of a category on in cookieconsent is the whole category in Keksi', async () => {
    services();
    setCc(ccValue({ services: { necessary: [], analytics: ['heatmap', 'stats'], socialMedia: [] } }));
    const el = await mount(SERVICES);
    await until(() => readConsentCookie(), 'the taken-over record');
    expect(readConsentCookie().a).to.deep.equal(['analytics']);
    expect(readConsentCookie().s).to.deep.equal({});
    expect(el.has('analytics:heatmap') && el.has('analytics:stats')).to.equal(true);
  });

  it('a service Keksi does not have (or a category without Keksi services): asked again with a [keksi] message', async () => {
    for (const analytics of [['stats', 'chat'], ['stats']]) {
      if (analytics.length == 2) services();
      setCc(ccValue({ services: { necessary: [], analytics, socialMedia: [] } }));
      const said = await askedAgain();
      expect(said.join('\n')).to.include('not taken over').and.include('analytics');
      expect(said.join('\n')).to.include(analytics.length == 2 ? 'chat' : 'stats');
      resetPage();
    }
  });
});
