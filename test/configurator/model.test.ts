/**
 * The configurator's model (src/configurator/model.ts), in the browser: the business ID's check
 * digit, validation by Keksi's own patterns, the tags it produces, the gated snippets, and the text
 * on the accent computed as Keksi's own styles compute it.
 */
import { expect } from '@open-wc/testing';
import { ID_PATTERNS, TRACKERS } from '../../src/controller/config.js';
import { INTEGRATIONS, categoryOf } from '../../src/configurator/integrations.js';
import {
  accentContrast,
  accentStyle,
  attributes,
  configureCall,
  configureOptions,
  customCategories,
  defaultNoticeUrl,
  defaults,
  embeds,
  gatedSnippets,
  moduleTag,
  oneFileTag,
  restore,
  serviceMarkup,
  shopLangs,
  validBusinessId,
  validate,
  withField,
} from '../../src/configurator/model.js';
import { base } from '../../src/ui/styles.js';

describe('configurator model', () => {
  it('accepts business IDs with the right check digit and refuses the rest', () => {
    // Real, published Y-tunnukset and their check digits by the official weights.
    for (const id of ['0112038-9', '1572860-0', '2331972-7']) expect(validBusinessId(id), id).to.equal(true);
    for (const id of ['0112038-8', '1572860-1', '123456-7', '01120389', '']) expect(validBusinessId(id), id).to.equal(false);
  });

  it('validates each service ID with Keksi’s own pattern', () => {
    const s = { ...defaults(), ga: 'UA-1234-1', 'google-ads': 'AW-123456789', gtm: 'GTM-abc', 'meta-pixel': '12ab' };
    expect(validate(s)).to.deep.equal({ ga: 'id', gtm: 'id', 'meta-pixel': 'id' });
  });

  it('gives every integration the category Keksi adds for it', () => {
    expect(Object.fromEntries(INTEGRATIONS.map((i) => [i.attr, categoryOf(i)]))).to.deep.equal({
      ga: 'analytics',
      'google-ads': 'marketing',
      gtm: 'analytics',
      'meta-pixel': 'marketing',
      matomo: 'analytics',
      clarity: 'analytics',
      hotjar: 'analytics',
      uet: 'marketing',
      'tiktok-pixel': 'marketing',
      'pinterest-tag': 'marketing',
      'linkedin-partner': 'marketing',
    });
  });

  it('makes the module and one-file tags with the same attributes, the categories following the services', () => {
    const s = { ...defaults(), ga: 'G-ABC123DEF4', 'meta-pixel': '1234567890', categories: 'preferences', 'notice-url': '/tietosuojaseloste', lang: 'fi' };
    expect(attributes(s)).to.deep.equal([
      ['categories', 'preferences analytics marketing'],
      ['lang', 'fi'],
      ['notice-url', '/tietosuojaseloste'],
      ['ga', 'G-ABC123DEF4'],
      ['meta-pixel', '1234567890'],
    ]);
    expect(moduleTag(s)).to.match(/^<script type="module" fetchpriority="low" src="\/keksi\/keksi\.mjs"\n {2}data-categories=/);
    expect(oneFileTag(s)).to.match(/^<script defer src="\/keksi\/keksi\.js"\n {2}data-categories=/);
    expect(gatedSnippets(s)).to.deep.equal([], 'attributes, not snippets');
  });

  it('wraps each script of a vendor snippet as text/plain with its category, and leaves the attributes out', () => {
    const s = { ...defaults(), setup: 'snippets' as const, gtm: 'GTM-ABC1234', 'meta-pixel': '1234567890' };
    const [gtm, meta] = gatedSnippets(s);
    expect(gtm.markup.match(/<script\b[^>]*>/g)).to.deep.equal(['<script type="text/plain" data-category="analytics">']);
    expect(meta.markup.match(/<script\b[^>]*>/g)).to.deep.equal(['<script type="text/plain" data-category="marketing">']);
    expect(moduleTag(s)).not.to.match(/data-gtm|data-meta-pixel/);
    expect(moduleTag(s)).to.match(/data-categories="analytics marketing"/);
  });

  it('links the banner to the notice: data-notice-url is /tietosuojaseloste.html (the page keksi.zip holds) when the shop gave none (issue 16)', () => {
    expect(attributes(defaults())).to.deep.include(['notice-url', '/tietosuojaseloste.html']);
    expect(moduleTag(defaults())).to.contain('data-notice-url="/tietosuojaseloste.html"');
    expect(oneFileTag(defaults())).to.contain('data-notice-url="/tietosuojaseloste.html"');
    expect(moduleTag({ ...defaults(), 'notice-url': 'javascript:alert(1)' })).to.contain(
      'data-notice-url="/tietosuojaseloste.html"',
      'an invalid address: the default',
    );
    expect(moduleTag({ ...defaults(), 'notice-url': '/fi/tietosuoja.html' })).to.contain('data-notice-url="/fi/tietosuoja.html"');
  });

  it('gives the notice’s default address of the platform: /pages/tietosuojaseloste on Shopify, /tietosuojaseloste/ on WordPress, never over the shop’s own (issue 16)', () => {
    expect(defaultNoticeUrl('html')).to.equal('/tietosuojaseloste.html');
    expect(defaultNoticeUrl('shopify')).to.equal('/pages/tietosuojaseloste', 'a Shopify page’s handle from its title');
    expect(defaultNoticeUrl('wordpress')).to.equal('/tietosuojaseloste/', 'a WordPress page’s slug');
    expect(moduleTag({ ...defaults(), platform: 'shopify' })).to.contain('data-notice-url="/pages/tietosuojaseloste"');
    expect(oneFileTag({ ...defaults(), platform: 'wordpress' })).to.contain('data-notice-url="/tietosuojaseloste/"');
    expect(moduleTag({ ...defaults(), platform: 'shopify', 'notice-url': 'javascript:alert(1)' })).to.contain(
      'data-notice-url="/pages/tietosuojaseloste"',
      'an invalid address: the platform’s default',
    );
    expect(moduleTag({ ...defaults(), platform: 'shopify', 'notice-url': '/policies/privacy-policy' })).to.contain(
      'data-notice-url="/policies/privacy-policy"',
      'the shop’s own address stays',
    );
  });

  it('escapes what the shop types into an attribute', () => {
    expect(moduleTag({ ...defaults(), 'notice-url': '/a"><script>x</script>' })).not.to.contain('"><script>');
  });

  it('fixes Keksi’s light or dark colours on request, with the dark accent when none was chosen', () => {
    expect(accentStyle(defaults())).to.equal('', 'Keksi’s defaults need no rule');
    expect(accentStyle({ ...defaults(), accent: '#1A5FB4' })).to.equal('<style>:root { --keksi-accent: #1a5fb4; }</style>\n');
    expect(accentStyle({ ...defaults(), theme: 'dark' })).to.equal(
      '<style>:root { --keksi-bg: #1d1d1f; --keksi-fg: #f5f5f7; --keksi-muted: #c0c0c8; --keksi-accent: #e8e8ed; }</style>\n',
    );
    expect(accentStyle({ ...defaults(), theme: 'light', accent: '#ffcc00' }))
      .to.contain('--keksi-bg: #fff;')
      .and.contain('--keksi-accent: #ffcc00;');
    expect(moduleTag({ ...defaults(), theme: 'dark' })).to.match(/^<style>:root \{ --keksi-bg: #1d1d1f;[^<]*<\/style>\n<script type="module"/);
  });

  it('restores a stored state: unknown keys and wrong types fall back', () => {
    const s = restore({ ga: 'G-ABC123DEF4', setup: 'evil', evil: 'x', position: 3, theme: 'neon' });
    expect(s.ga).to.equal('G-ABC123DEF4');
    expect(s.setup).to.equal('attributes');
    expect(s.position).to.equal('bottom');
    expect(s.theme).to.equal('auto');
    expect('evil' in s).to.equal(false);
  });

  it('puts on the accent the text Keksi’s own styles put on it, with at least AA contrast', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [base.styleSheet!];
    root.innerHTML = '<span style="color: var(--_accent-fg)">Aa</span>';
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rendered = (colour: string) => {
      probe.fillStyle = colour;
      probe.fillRect(0, 0, 1, 1);
      return probe.getImageData(0, 0, 1, 1).data[0] > 127 ? '#ffffff' : '#000000';
    };
    for (const accent of ['#2b2b30', '#1a5fb4', '#ffcc00', '#e01b24', '#26a269', '#777777', '#8a8a8a', '#ffffff', '#000000']) {
      host.style.setProperty('--keksi-accent', accent);
      const keksi = rendered(getComputedStyle(root.querySelector('span')!).color);
      const { text, ratio } = accentContrast(accent);
      expect(text, accent).to.equal(keksi);
      expect(ratio, accent).to.be.at.least(4.5);
    }
    host.remove();
  });
});

describe('configurator model: every integration, embeds, platforms', () => {
  it('has one row for every tag attribute Keksi understands', () => {
    expect(INTEGRATIONS.map((i) => i.attr).sort()).to.deep.equal([...Object.keys(ID_PATTERNS), ...TRACKERS].sort());
  });

  it('gives every tracker the category Keksi adds for it, and validates its ID as Keksi parses it', () => {
    const of = Object.fromEntries(INTEGRATIONS.map((i) => [i.attr, categoryOf(i)]));
    expect([of.matomo, of.clarity, of.hotjar]).to.deep.equal(['analytics', 'analytics', 'analytics']);
    expect([of.uet, of['tiktok-pixel'], of['pinterest-tag'], of['linkedin-partner']]).to.deep.equal(['marketing', 'marketing', 'marketing', 'marketing']);
    const s = {
      ...defaults(),
      'matomo-url': 'http://stats.example.fi/',
      matomo: '3',
      clarity: 'ABC',
      hotjar: '1234567',
      uet: '12',
      'tiktok-pixel': 'CABCDEFGHIJ1234567',
      'pinterest-tag': 'x',
      'linkedin-partner': '123456',
    };
    expect(validate(s)).to.deep.equal({ 'matomo-url': 'url', clarity: 'id', uet: 'id', 'pinterest-tag': 'id' });
    expect(validate({ ...s, 'matomo-url': 'https://stats.example.fi/', matomo: 'three' })).to.have.property('matomo', 'id');
  });

  it('puts every valid tracker on the tag, Matomo as its URL and site id', () => {
    const s = { ...defaults(), 'matomo-url': 'https://stats.example.fi/', matomo: '3', clarity: 'abcdefghij', 'tiktok-pixel': 'CABCDEFGHIJ1234567' };
    expect(attributes(s)).to.deep.equal([
      ['categories', 'analytics marketing'],
      ['notice-url', '/tietosuojaseloste.html'],
      ['matomo', 'https://stats.example.fi/ 3'],
      ['clarity', 'abcdefghij'],
      ['tiktok-pixel', 'CABCDEFGHIJ1234567'],
    ]);
    expect(attributes({ ...s, matomo: '' }).map(([n]) => n)).not.to.include('matomo', 'a URL without a site id sets nothing');
  });

  it('keeps the trackers Keksi has no snippet for as attributes when the shop pastes the others', () => {
    const s = { ...defaults(), setup: 'snippets' as const, ga: 'G-ABC123DEF4', hotjar: '1234567' };
    expect(attributes(s)).to.deep.equal([
      ['categories', 'analytics'],
      ['notice-url', '/tietosuojaseloste.html'],
      ['hotjar', '1234567'],
    ]);
    expect(gatedSnippets(s).map((g) => g.attr)).to.deep.equal(['ga']);
  });

  it('writes each video as a gated iframe on the privacy address, with a size for its placeholder', () => {
    const s = { ...defaults(), youtube: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1', vimeo: 'https://vimeo.com/76979871' };
    const [yt, vimeo] = embeds(s);
    expect(yt.markup).to.match(/^<iframe data-category="marketing" data-src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/);
    expect(yt.markup).to.match(/ width="560" height="315" title="[^"]+"/);
    // Only what the player needs: web-share is a feature Debian's Chromium reports as unrecognized (walk 2's console warning).
    expect(yt.markup).to.contain(' allow="encrypted-media; picture-in-picture" allowfullscreen');
    expect(vimeo.markup).to.contain('data-src="https://player.vimeo.com/video/76979871?dnt=1"');
    expect(embeds({ ...defaults(), youtube: 'dQw4w9WgXcQ' })[0].markup).to.contain('/embed/dQw4w9WgXcQ"');
    expect(embeds({ ...defaults(), youtube: 'https://youtu.be/dQw4w9WgXcQ' })[0].markup).to.contain('/embed/dQw4w9WgXcQ"');
    expect(attributes(s)).to.deep.equal(
      [
        ['categories', 'marketing'],
        ['notice-url', '/tietosuojaseloste.html'],
      ],
      'a video needs its category',
    );
    expect(validate({ ...defaults(), youtube: 'https://evil.example/x', vimeo: 'abc' })).to.deep.equal({ youtube: 'video', vimeo: 'video' });
  });

  it('writes the tag for the shop’s platform', () => {
    const s = { ...defaults(), ga: 'G-ABC123DEF4' };
    expect(moduleTag({ ...s, platform: 'shopify' })).to.match(/^<script type="module" fetchpriority="low" src="\{\{ 'keksi\.mjs' \| asset_url \}\}"/);
    expect(oneFileTag({ ...s, platform: 'shopify' })).to.match(/src="\{\{ 'keksi\.js' \| asset_url \}\}"/);
    expect(moduleTag({ ...s, platform: 'shopify' })).to.contain('data-platform="shopify"');
    expect(moduleTag({ ...s, platform: 'wordpress' }))
      .to.contain('data-platform="wordpress"')
      .and.contain('src="/keksi/keksi.mjs"');
    expect(moduleTag(s)).not.to.contain('data-platform');
    expect(restore({ platform: 'joomla' }).platform).to.equal('html');
  });
});

describe('configurator model: own services, categories and languages', () => {
  const maps = {
    name: 'Google Maps',
    category: 'preferences',
    provider: 'Google Ireland Ltd',
    purpose: { fi: 'Kartta myymälän sijainnista.', en: 'A map of the shop’s location.' },
    cookies: 'NID 183, _gm_session 0',
  };

  it('sets a service’s and a category’s fields by their form names', () => {
    let s = withField(defaults(), 'service-add', '')!;
    s = withField(s, 'service-0-name', 'Google Maps')!;
    s = withField(s, 'service-0-purpose-sv', 'En karta.')!;
    s = withField(s, 'category-chat-title-fi', 'Chat')!;
    expect(s.services).to.deep.equal([{ name: 'Google Maps', category: 'preferences', provider: '', purpose: { sv: 'En karta.' }, cookies: '' }]);
    expect(s.categoryTexts).to.deep.equal({ chat: { title: { fi: 'Chat' }, description: {} } });
    expect(withField(s, 'service-0-remove', '')!.services).to.deep.equal([]);
    expect(withField(s, 'name', 'x')).to.equal(null, 'an ordinary field is not one of these');
    expect(withField(s, 'service-7-name', 'x')!.services).to.have.length(1, 'no service 7: nothing changes');
  });

  it('needs no configure() call for built-in services and categories only', () => {
    expect(configureCall({ ...defaults(), ga: 'G-ABC123DEF4', categories: 'preferences analytics' })).to.equal('');
  });

  it('writes a configure() call with the shop’s own service, in the shop’s languages, and adds its category to the tag', () => {
    const s = { ...defaults(), lang: 'fi en', services: [maps] };
    expect(configureOptions(s)).to.deep.equal({
      services: [
        {
          name: 'Google Maps',
          id: 'google-maps',
          category: 'preferences',
          provider: 'Google Ireland Ltd',
          purpose: { fi: 'Kartta myymälän sijainnista.', en: 'A map of the shop’s location.' },
          cookies: [
            { name: 'NID', days: 183 },
            { name: '_gm_session', days: 0 },
          ],
        },
      ],
    });
    expect(configureCall(s)).to.match(/^<script>\n {2}window\.keksi = window\.keksi \|\| \[\];\n {2}keksi\.push\(\(k\) => k\.configure\(\{/);
    expect(attributes(s)).to.deep.equal([
      ['categories', 'preferences'],
      ['notice-url', '/tietosuojaseloste.html'],
    ]);
    expect(serviceMarkup(s)).to.contain('<script type="text/plain" data-category="preferences" data-service="google-maps">');
  });

  it('asks texts for the shop’s own categories in each of its languages, and passes only those given', () => {
    const s = {
      ...defaults(),
      lang: 'fi sv',
      categories: 'chat',
      categoryTexts: { chat: { title: { fi: 'Chat', sv: 'Chatt', en: 'Chat' }, description: { fi: 'Asiakaspalvelun chat.' } } },
    };
    expect(customCategories(s)).to.deep.equal(['chat']);
    expect(configureOptions(s)).to.deep.equal({
      categories: { chat: { title: { fi: 'Chat', sv: 'Chatt' }, description: { fi: 'Asiakaspalvelun chat.' } } },
    });
    expect(customCategories({ ...s, categories: 'preferences analytics' })).to.deep.equal([]);
  });

  it('refuses a service without a name, with a bad category or cookie list, and leaves it out', () => {
    const s = {
      ...defaults(),
      services: [
        { ...maps, name: '' },
        { ...maps, category: 'Not a category!' },
        { ...maps, cookies: 'NID forever' },
      ],
    };
    expect(validate(s)).to.deep.equal({ 'service-0-name': 'service', 'service-1-category': 'category', 'service-2-cookies': 'cookies' });
    expect(configureCall(s)).to.equal('');
  });

  it('sets the banner’s language for a shop in one language, and lets the page decide for several', () => {
    expect(shopLangs({ ...defaults(), lang: 'sv xx en' })).to.deep.equal(['sv', 'en']);
    expect(shopLangs({ ...defaults(), lang: '' })).to.deep.equal(['fi', 'sv', 'en'], 'none ticked: any of Keksi’s languages');
    expect(attributes({ ...defaults(), lang: 'sv' })).to.deep.equal([
      ['lang', 'sv'],
      ['notice-url', '/tietosuojaseloste.html'],
    ]);
    expect(attributes({ ...defaults(), lang: 'fi sv' })).to.deep.equal([['notice-url', '/tietosuojaseloste.html']], 'several: <html lang> decides');
  });

  it('restores services and category texts from a file, dropping what is not text', () => {
    const s = restore({ services: [maps, 'x', { name: 3 }], categoryTexts: { chat: { title: { fi: 'Chat', de: 'x', sv: 2 } }, 'bad id!': {} } });
    expect(s.services).to.deep.equal([maps, { name: '', category: 'preferences', provider: '', purpose: {}, cookies: '' }]);
    expect(s.categoryTexts).to.deep.equal({ chat: { title: { fi: 'Chat' }, description: {} } });
  });
});
