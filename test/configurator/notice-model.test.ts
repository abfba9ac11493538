/**
 * Step 4's model (src/configurator/notice-model.ts), in the browser: step 1's answers fill only the
 * controller's untouched fields, empty texts and incomplete list entries stay out of notice.json, a
 * stored draft is read as untrusted, the checker is `keksi check`'s, the cookie list is Keksi's own
 * views of step 2, and the notice page carries the notice as inert JSON.
 */
import { expect } from '@open-wc/testing';
import { configureOptions, configureScript, defaults, embeds, restore, serviceMarkup, withField, type State } from '../../src/configurator/model.js';
import { shopFiles } from '../../src/configurator/shop-files.js';
import {
  cookieViews,
  finalNotice,
  noticeFindings,
  noticeFragment,
  noticePage,
  shopifyNoticeScript,
  proposedRetention,
  readDraft,
  retentionDefault,
  templateNotice,
} from '../../src/configurator/notice-model.js';
import { checkNotice } from '../../src/notice/check.js';
import type { Notice } from '../../src/notice/types.js';
import { providersOf } from '../../src/ui/views.js';

const shop = (more: Partial<State> = {}): State => ({
  ...defaults(),
  name: 'Kahvipaahtimo Oy',
  'business-id': '0112038-9',
  address: 'Paahtimokuja 1',
  email: 'tietosuoja@kahvipaahtimo.example',
  ...more,
});

describe('configurator step 4 model', () => {
  it('fills the controller’s untouched fields from step 1, never one the form cleared or changed', () => {
    const draft = { version: 1, controller: { email: 'asiakaspalvelu@kahvipaahtimo.example', address: '' } } as unknown as Notice;
    const c = finalNotice(draft, shop()).controller;
    expect(c).to.deep.equal({ name: 'Kahvipaahtimo Oy', email: 'asiakaspalvelu@kahvipaahtimo.example', businessId: '0112038-9' });
  });

  it('takes no invalid step 1 answer', () => {
    const c = finalNotice({ version: 1, controller: {} } as Notice, shop({ 'business-id': '0112038-8', email: 'not an address' })).controller;
    expect(c.businessId).to.equal(undefined);
    expect(c.email).to.equal(undefined);
  });

  it('leaves out empty texts and list entries the format would refuse, and keeps rights.standard: false', () => {
    const draft = {
      version: 1,
      controller: { name: 'X' },
      retention: '  ',
      purposes: [
        { purpose: '', basis: ['consent'] },
        { purpose: 'Tilaukset', basis: ['contract'] },
      ],
      recipients: { list: [{ name: '' }] },
      sections: [{ title: 'Otsikko', text: '' }],
      rights: { standard: false },
    } as unknown as Notice;
    const n = finalNotice(draft, defaults());
    expect(n.retention).to.equal(undefined);
    expect(n.purposes).to.deep.equal([{ purpose: 'Tilaukset', basis: ['contract'] }]);
    expect(n.recipients).to.equal(undefined);
    expect(n.sections).to.equal(undefined);
    expect(n.rights).to.deep.equal({ standard: false });
    expect(Object.keys(n).slice(0, 3)).to.deep.equal(['$schema', 'version', 'controller']);
  });

  it('reads a stored draft as untrusted: junk is no draft, invalid parts are dropped', () => {
    expect(readDraft({ ...defaults(), notice: '{not json' })).to.equal(null);
    expect(readDraft({ ...defaults(), notice: '[1,2]' })).to.equal(null);
    const d = readDraft(restore({ notice: JSON.stringify({ version: 1, controller: {}, retention: 42, title: 'T' }) }))!;
    expect(d.title).to.equal('T');
    expect(d.retention).to.equal(undefined);
    // No name stored: step 1's still fills it.
    expect(finalNotice(d, shop()).controller.name).to.equal('Kahvipaahtimo Oy');
  });

  it('finds what the checker finds in the uploaded notice, with the cookie section Keksi generates on the page', () => {
    const notice = finalNotice({ version: 1, controller: { name: 'X' }, data: 'Evästeet ja Google Analytics.' } as Notice, defaults());
    const rules = noticeFindings(notice).map((f) => f.rule);
    expect(rules).to.deep.equal(checkNotice(notice, { cookieSection: true }).map((f) => f.rule));
    expect(rules).not.to.include('cookies-missing');
    expect(checkNotice(notice).map((f) => f.rule)).to.include('cookies-missing');
  });

  it('lists step 2’s services and their cookies as Keksi’s notice does, also when the shop pastes snippets', () => {
    for (const setup of ['attributes', 'snippets'] as const) {
      const views = cookieViews(shop({ setup, ga: 'G-CONF1GA4', 'meta-pixel': '1122334455667788' }), 'fi');
      const cookies = views.flatMap((v) => v.services.flatMap((s) => s.cookies.map((c) => c.name)));
      expect(cookies, setup).to.include.members(['keksi_consent', '_ga', '_ga_CONF1GA4', '_fbp', '_fbc']);
    }
  });

  it('starts the template with step 2’s services as recipients and their transfer named, and a retention to check', () => {
    const t = templateNotice(shop({ ga: 'G-CONF1GA4' }), 'fi');
    expect(t.recipients?.list?.map((r) => r.role)).to.deep.equal(['Google Analytics']);
    expect(t.transfers?.outsideEu).to.equal(true);
    const rules = noticeFindings(finalNotice(t, shop())).map((f) => f.rule);
    expect(rules).not.to.include('gdpr-13-2-a-retention');
    expect(rules).not.to.include('gdpr-13-1-f-transfer-mechanism');
    expect(rules).not.to.include('gdpr-13-1-f-known-abroad');
    expect(noticeFindings(finalNotice(templateNotice(shop(), 'sv'), shop())).map((f) => f.rule)).to.deep.equal(['gdpr-13-1-f-transfers']);
  });

  it('GA4 + Meta + a YouTube video: YouTube is in the cookie list and the recipients, with Google as its provider, and the banner names Google (walk 3’s N2)', () => {
    const s = shop({ ga: 'G-CONF1GA4', 'meta-pixel': '1122334455667788', youtube: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    const marketing = cookieViews(s, 'fi').find((v) => v.id === 'marketing')!;
    const youtube = marketing.services.find((x) => x.name === 'YouTube')!;
    expect(youtube, 'YouTube listed under marketing').to.not.equal(undefined);
    expect(youtube.provider).to.match(/^Google Ireland/);
    expect(youtube.brand).to.equal('Google');
    expect(youtube.outsideEu).to.equal(true);
    expect(youtube.cookies.map((c) => c.name)).to.include.members(['YSC', 'VISITOR_INFO1_LIVE']);
    // One recipient per provider: Google's roles are GA and YouTube, with the country and the mechanism.
    const list = templateNotice(s, 'fi').recipients!.list!;
    expect(list.map((r) => [r.name.split(' (')[0], r.role, r.country, r.mechanism])).to.deep.equal([
      ['Google Ireland Ltd', 'Google Analytics, YouTube', 'US', 'dpf'],
      ['Meta Platforms Ireland Ltd', 'Meta Pixel', 'US', 'dpf'],
    ]);
    // The video's own switch: its iframe names its service, which configure() describes.
    expect(embeds(s)[0].markup).to.contain('data-service="youtube"');
    expect(configureOptions(s)?.services?.map((x) => [x.id, x.category])).to.deep.equal([['youtube', 'marketing']]);
    expect(serviceMarkup(s), 'a video’s markup is its embed, not an own service’s').to.equal('');
    // The banner's "also set by": a shop with only a video names Google.
    const only = shop({ youtube: 'dQw4w9WgXcQ' });
    expect(providersOf(cookieViews(only, 'fi'))).to.deep.equal(['Google']);
    // The cookies' purpose names the services, with the consent they run on.
    expect(templateNotice(s, 'fi').purposes?.at(-1)).to.deep.equal({
      purpose: 'Analytiikka- ja markkinointievästeet kävijän suostumuksella: Google Analytics, Meta Pixel ja YouTube.',
      basis: ['consent'],
    });
    expect(noticeFindings(finalNotice(templateNotice(s, 'fi'), s)).map((f) => f.rule)).to.deep.equal([]);
  });

  it('a Vimeo video: Vimeo is listed and is a recipient in the USA, whose transfer mechanism the shop confirms', () => {
    const s = shop({ vimeo: 'https://vimeo.com/76979871' });
    const vimeo = cookieViews(s, 'fi')
      .flatMap((v) => v.services)
      .find((x) => x.name === 'Vimeo')!;
    expect(vimeo.brand).to.equal('Vimeo');
    expect(vimeo.outsideEu).to.equal(true);
    expect(providersOf(cookieViews(s, 'fi'))).to.deep.equal(['Vimeo']);
    expect(embeds(s)[0].markup).to.contain('data-service="vimeo"');
    const [recipient] = templateNotice(s, 'fi').recipients!.list!;
    expect([recipient.role, recipient.country, recipient.mechanism]).to.deep.equal(['Vimeo', 'US', undefined]);
  });

  it('writes a retention to check from Keksi’s own data of step 2’s services, in the notice’s language', () => {
    const s = shop({ ga: 'G-CONF1GA4', 'meta-pixel': '1122334455667788', youtube: 'dQw4w9WgXcQ' });
    const fi = retentionDefault(s, 'fi');
    expect(templateNotice(s, 'fi').retention).to.equal(fi);
    // Each service with its longest-lived cookie, as Keksi lists them.
    for (const part of ['Google Analytics 730', 'Meta Pixel 90', 'YouTube 180']) expect(fi).to.contain(part);
    expect(fi).to.match(/kirjanpitolain/);
    expect(retentionDefault(s, 'sv')).to.match(/bokföringslagen/);
    expect(retentionDefault(s, 'en')).to.match(/Accounting Act/);
    // The proposal stays marked to check while it is the template's, also after step 2 changed; the shop's own text is not.
    expect(proposedRetention(fi, 'fi')).to.equal(true);
    expect(proposedRetention(retentionDefault(shop({ ga: 'G-CONF1GA4' }), 'fi'), 'fi'), 'a proposal from before the video').to.equal(true);
    expect(proposedRetention('Kuusi vuotta tilikauden päättymisestä.', 'fi')).to.equal(false);
    expect(proposedRetention(undefined, 'fi')).to.equal(false);
    // No optional service: only the shop's own data.
    expect(retentionDefault(shop(), 'fi')).not.to.match(/evästeet/i);
  });

  it('gives Google’s and Meta’s recipients their country and the transfer mechanism the template’s text names (USA, the DPF)', () => {
    const s = shop({ ga: 'G-CONF1GA4', 'meta-pixel': '1122334455667788' });
    const t = templateNotice(s, 'fi');
    expect(t.recipients?.list?.map((r) => [r.role, r.country, r.mechanism])).to.deep.equal([
      ['Google Analytics', 'US', 'dpf'],
      ['Meta Pixel', 'US', 'dpf'],
    ]);
    expect(JSON.stringify(t.transfers)).to.match(/tietosuojakehy/);
    // With the retention written, the template leaves the checker nothing to say.
    expect(noticeFindings(finalNotice({ ...t, retention: 'Kuusi vuotta.' }, s)).map((f) => f.rule)).to.deep.equal([]);
  });

  it('lists the shop’s own services and their cookies in the notice, and the page loads them from keksi-config.js (no inline script)', () => {
    let s = withField(shop({ path: '/dist/' }), 'service-add', '')!;
    for (const [name, value] of [
      ['service-0-name', 'Kauppakartta'],
      ['service-0-category', 'preferences'],
      ['service-0-provider', 'Karttapalvelu Oy'],
      ['service-0-cookies', 'kk_map 30'],
    ])
      s = withField(s, name, value)!;
    const preferences = cookieViews(s, 'fi').find((v) => v.id === 'preferences');
    expect(preferences?.services.map((x) => [x.name, x.cookies.map((c) => c.name)])).to.deep.equal([['Kauppakartta', ['kk_map']]]);
    expect(templateNotice(s, 'fi').recipients?.list?.map((r) => r.name)).to.include('Karttapalvelu Oy');
    const doc = new DOMParser().parseFromString(noticePage(finalNotice(templateNotice(s, 'fi'), s), s, 'fi'), 'text/html');
    expect([...doc.querySelectorAll('script[src]')].map((x) => x.getAttribute('src'))).to.deep.equal([
      '/dist/keksi-config.js',
      '/dist/keksi.js',
      '/dist/keksi-notice.js',
    ]);
    const config = shopFiles(s, {}).find((e) => e.name === 'dist/keksi-config.js');
    expect(config?.data).to.equal(configureScript(s));
    expect(configureScript(s)).to.match(/^window\.keksi = window\.keksi \|\| \[\];\nkeksi\.push\(\(k\) => k\.configure\(\{/);
    expect(shopFiles(shop(), {}).map((e) => e.name)).to.deep.equal([]);
  });

  it('puts the notice into the page as inert JSON: no markup of the shop’s text ends the data block', () => {
    const notice = finalNotice({ version: 1, controller: { name: 'A</script><script>alert(1)</script>' } } as Notice, shop({ path: '/dist/' }));
    const page = noticePage(notice, shop({ path: '/dist/' }), 'fi');
    expect(page).not.to.include('</script><script>alert');
    const doc = new DOMParser().parseFromString(page, 'text/html');
    expect(doc.querySelectorAll('script').length).to.equal(3);
    expect(JSON.parse(doc.querySelector('keksi-notice script[type="application/json"]')!.textContent!)).to.deep.equal(notice);
    expect([...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'))).to.deep.equal(['/dist/keksi.js', '/dist/keksi-notice.js']);
    expect(doc.title).to.equal('Tietosuojaseloste | A</script><script>alert(1)</script>');
  });

  it('gives the notice as a page body for Shopify’s and WordPress’s page editors: no <html> or <head>, inert JSON, keksi-notice.js (issue 16)', () => {
    const notice = finalNotice({ version: 1, controller: { name: 'A</script><script>alert(1)</script>' } } as Notice, shop());
    const wp = noticeFragment(notice, shop({ platform: 'wordpress' }));
    expect(wp).not.to.match(/<html|<head|<body|<!doctype/i);
    expect(wp).not.to.include('</script><script>alert');
    const doc = new DOMParser().parseFromString(wp, 'text/html');
    expect(JSON.parse(doc.querySelector('keksi-notice script[type="application/json"]')!.textContent!)).to.deep.equal(notice);
    expect(doc.querySelector('keksi-notice')!.getAttribute('heading-level')).to.equal('2', 'the platform’s page title is the h1');
    expect([...doc.querySelectorAll('script[src]')].map((x) => x.getAttribute('src'))).to.deep.equal(['/keksi/keksi-notice.js']);
    const shopify = noticeFragment(notice, shop({ platform: 'shopify' }));
    expect(shopify).not.to.match(/<script[^>]*\bsrc=/, 'Shopify: a page body holds no Liquid; theme.liquid loads keksi-notice.js');
    expect(shopifyNoticeScript(shop({ platform: 'shopify' }))).to.equal(
      "{% if page.handle == 'tietosuojaseloste' %}<script defer src=\"{{ 'keksi-notice.js' | asset_url }}\"></script>{% endif %}",
    );
    expect(shopifyNoticeScript(shop({ platform: 'shopify', 'notice-url': '/pages/privacy-fi' }))).to.contain("page.handle == 'privacy-fi'");
    expect(shopifyNoticeScript(shop({ platform: 'shopify', 'notice-url': "/pages/x'y" }))).to.contain("page.handle == 'tietosuojaseloste'");
  });
});
