/**
 * keksi.zip's writer (src/configurator/zip.ts) and what it holds (src/configurator/shop-files.ts), in
 * the browser: the CRC-32 check value, the records a zip reader walks, UTF-8 names; the built files in
 * step 1's folder and the notice page at the notice's address. (test/e2e/configurator-zip.test.mjs
 * unzips the real download and serves it as a shop.)
 */
import { expect } from '@open-wc/testing';
import { defaults } from '../../src/configurator/model.js';
import { noticePagePath, shopFiles, testShopPage, zipFolder } from '../../src/configurator/shop-files.js';
import { crc32, zip } from '../../src/configurator/zip.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('keksi.zip', () => {
  it('computes the CRC-32 check value of "123456789" (0xCBF43926) and of nothing (0)', () => {
    expect(crc32(bytes('123456789'))).to.equal(0xcbf43926);
    expect(crc32(new Uint8Array())).to.equal(0);
  });

  it('stores each file after its local header, lists them in the central directory, and ends with the end record', () => {
    const out = zip(
      [
        { name: 'keksi/keksi.mjs', data: 'export {};' },
        { name: 'tietosuojaseloste.html', data: '<p>ä</p>' },
      ],
      new Date(2026, 11, 3, 17, 30, 10),
    );
    const v = new DataView(out.buffer);
    expect(v.getUint32(0, true)).to.equal(0x04034b50);
    expect(v.getUint16(8, true), 'stored').to.equal(0);
    expect(v.getUint16(6, true) & 0x0800, 'UTF-8 names').to.equal(0x0800);
    expect(v.getUint16(12, true), 'DOS date').to.equal(((2026 - 1980) << 9) | (12 << 5) | 3);
    expect(v.getUint16(10, true), 'DOS time').to.equal((17 << 11) | (30 << 5) | 5);
    expect(v.getUint32(14, true)).to.equal(crc32(bytes('export {};')));
    expect(new TextDecoder().decode(out.subarray(30, 30 + 15))).to.equal('keksi/keksi.mjs');
    expect(new TextDecoder().decode(out.subarray(45, 55))).to.equal('export {};');
    const end = out.length - 22;
    expect(v.getUint32(end, true)).to.equal(0x06054b50);
    expect(v.getUint16(end + 10, true), 'entries').to.equal(2);
    const dir = v.getUint32(end + 16, true);
    expect(v.getUint32(dir, true)).to.equal(0x02014b50);
    const second = dir + 46 + 15;
    expect(v.getUint32(second, true)).to.equal(0x02014b50);
    expect(v.getUint32(second + 20, true), 'its size in bytes, not characters').to.equal(bytes('<p>ä</p>').length);
    expect(v.getUint32(second + 42, true), 'its local header').to.equal(30 + 15 + 10);
    expect(v.getUint32(end + 12, true), 'the directory’s size').to.equal(46 * 2 + 15 + 22);
  });

  it('puts the built files in step 1’s folder, so the tag’s src finds them once unzipped in the site’s root', () => {
    const built = { 'keksi.mjs': 'a', 'chunks/ui-1.mjs': 'b' };
    expect(shopFiles(defaults(), built).map((e) => e.name)).to.deep.equal(['keksi/keksi.mjs', 'keksi/chunks/ui-1.mjs']);
    expect(zipFolder({ ...defaults(), path: '/assets/keksi' })).to.equal('assets/keksi/');
    expect(zipFolder({ ...defaults(), path: 'https://cdn.example.fi/k/' })).to.equal('k/');
  });

  it('holds the GTM consent template (gtm/keksi-consent.tpl in Keksi’s folder) only when GTM is chosen (walk 3’s N3)', () => {
    const built = { 'keksi.mjs': 'a', 'gtm/keksi-consent.tpl': '___INFO___' };
    expect(shopFiles(defaults(), built).map((e) => e.name)).to.deep.equal(['keksi/keksi.mjs']);
    expect(shopFiles({ ...defaults(), gtm: 'GTM-ABCD12' }, built).map((e) => e.name)).to.deep.equal(['keksi/keksi.mjs', 'keksi/gtm/keksi-consent.tpl']);
  });

  it('adds keksi-testi.html in the root, a test shop page with no inline script or style, except for Shopify (issue 16)', () => {
    const s = { ...defaults(), name: 'Kauppa <Oy>', ga: 'G-ABC123DEF4', youtube: 'dQw4w9WgXcQ', accent: '#1a5fb4', theme: 'dark' as const };
    const page = testShopPage(s, 'fi');
    expect(shopFiles(s, {}, undefined, page).map((e) => e.name)).to.deep.equal(['keksi/keksi-config.js', 'keksi-testi.html']);
    expect(page).to.contain('<script src="/keksi/keksi-config.js"></script>', 'the video’s configure() call, as a file');
    expect(shopFiles({ ...s, platform: 'shopify' }, {}, undefined, page).map((e) => e.name)).to.deep.equal(
      ['keksi/keksi-config.js'],
      'Shopify: its notes say where the tag goes',
    );
    expect(page).to.contain('<h1>Kauppa &lt;Oy&gt;</h1>');
    expect(page).to.contain('data-ga="G-ABC123DEF4"');
    expect(page).to.contain('data-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(page).to.match(
      /<footer>\s*<a href="\/tietosuojaseloste\.html">Tietosuojaseloste<\/a>\s*<button type="button" data-keksi-open>Evästeasetukset<\/button>/,
    );
    expect(page).not.to.match(/<style|style=/, 'the accent’s rule is inline: left out');
    expect(page.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc=/.test(tag))).to.equal(true, 'every script is a file');
    expect(testShopPage({ ...s, setup: 'snippets' }, 'sv')).to.contain(
      'data-ga="G-ABC123DEF4"',
      'the vendors from attributes: a pasted snippet would run inline',
    );
  });

  it('adds tietosuojaseloste-sisalto.html, the notice as a page body to paste, on Shopify and WordPress (issue 16)', () => {
    const notice = { json: '{}', page: '<!doctype html>', fragment: '<keksi-notice></keksi-notice>' };
    expect(shopFiles({ ...defaults(), platform: 'shopify' }, {}, notice).map((e) => e.name)).to.deep.equal([
      'keksi/notice.json',
      'tietosuojaseloste.html',
      'tietosuojaseloste-sisalto.html',
    ]);
    expect(shopFiles({ ...defaults(), platform: 'wordpress' }, {}, notice).find((e) => e.name === 'tietosuojaseloste-sisalto.html')?.data).to.equal(
      notice.fragment,
    );
    expect(shopFiles(defaults(), {}, notice).map((e) => e.name)).not.to.include('tietosuojaseloste-sisalto.html', 'plain HTML: the page itself is uploaded');
  });

  it('adds notice.json beside them and the notice page at the notice’s address, when the notice is started', () => {
    const s = { ...defaults(), 'notice-url': '/fi/tietosuoja.html' };
    expect(shopFiles(s, { 'keksi.mjs': 'a' }, { json: '{}', page: '<p>' }).map((e) => e.name)).to.deep.equal([
      'keksi/keksi.mjs',
      'keksi/notice.json',
      'fi/tietosuoja.html',
    ]);
    for (const url of ['', '/tietosuojaseloste', 'https://kauppa.fi/tietosuoja.html', '/../x.html'])
      expect(noticePagePath({ ...defaults(), 'notice-url': url }), url).to.equal('tietosuojaseloste.html');
  });
});
