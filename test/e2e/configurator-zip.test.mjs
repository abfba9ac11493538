// The configurator's one download (issue 16, walk 2's F2/F3), in Chromium and Firefox: the built page
// opened from disk makes keksi.zip in the browser for a shop with GA4 + Meta + a YouTube video and a
// notice from the template. The test reads the zip with its own small reader (CRC-32 by node:zlib),
// unzips it into an empty folder, serves that folder as the shop, and pastes the produced tags: the
// banner shows, nothing runs before consent, accepting runs GA, Meta and the video, the one-file tag
// finds its second file, and the notice page renders with its cookie section. The zip holds exactly
// Keksi's built files (byte for byte) in the folder of step 1, notice.json, and the page.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, startHarness, TRACKER_HOSTS, waitFor } from './harness.mjs';
import { fill, output, SHOP, catchDownloads } from './configurator-kit.mjs';

/** The entries of a zip (stored or deflated is told apart; this one must be stored), read through its central directory. */
function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the zip has its end record');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50, 'a central directory record');
    const [method, crc, size, nameLength, extra, comment, offset] = [
      buffer.readUInt16LE(at + 10),
      buffer.readUInt32LE(at + 16),
      buffer.readUInt32LE(at + 20),
      buffer.readUInt16LE(at + 28),
      buffer.readUInt16LE(at + 30),
      buffer.readUInt16LE(at + 32),
      buffer.readUInt32LE(at + 42),
    ];
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    assert.equal(buffer.readUInt32LE(offset), 0x04034b50, `${name}: its local header`);
    const start = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
    const data = buffer.subarray(start, start + size);
    assert.equal(method, 0, `${name} is stored`);
    assert.equal(crc32(data), crc, `${name}: its CRC-32`);
    entries.push({ name, data });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** A static server of `root`, as a plain web host serves a shop's files. */
async function serveFolder(root, headers = {}) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const asked = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const path = asked.endsWith('/') ? asked + 'index.html' : asked;
    try {
      const body = readFileSync(join(root, path));
      res.writeHead(200, { 'content-type': types[extname(path)] || 'application/octet-stream', ...headers }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The download saved as `file`, as bytes. */
const downloaded = async (page, file) =>
  Buffer.from(
    await page.evaluate(async (file) => {
      const d = window.__downloads.find((x) => x.file === file);
      const bytes = new Uint8Array(await d.blob.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    }, file),
    'base64',
  );

const shopPage = (head, body) =>
  `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kahvipaahtimo</title>\n${head}\n</head><body><main><h1>Kahvipaahtimo</h1>\n${body}\n</main></body></html>`;
/** A policy as strict as docs/configurator.md's for the notice page, with the video's frame: nothing inline. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-src https://www.youtube-nocookie.com; base-uri 'none'; form-action 'self'";
/** What has focus in the configurator: its name, id and the texts of what describes it. */
const focused = () => {
  const el = document.activeElement;
  const described = (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  return { name: el.getAttribute('name'), id: el.id, tag: el.localName, described: described.map((id) => document.getElementById(id)?.textContent.trim()) };
};
const pressFastPath = (page) =>
  page.evaluate(() => {
    const button = document.querySelector('keksi-configurator button[name="fast-path"]');
    if (!button) throw new Error('no fast-path button');
    button.click();
    return button.textContent.trim();
  });
const dialogOpen = () => {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
  return deep(document).some((e) => e.localName === 'dialog' && e.open);
};
const bannerShown = () => {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
  return deep(document).some((e) => e.matches('[part~="banner"]') && e.getBoundingClientRect().height > 0);
};

for (const browser of BROWSERS) {
  describe(`configurator keksi.zip in ${browser}`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('with Tag Manager chosen, keksi.zip holds the GTM consent template and the note beside its path saves it too (walk 3’s N3)', async () => {
      const { context, page, errors } = await h.newPage();
      await page.goto(pathToFileURL('dist/configurator/index.html').href);
      await waitFor(page, () => customElements.get('keksi-configurator') && document.querySelector('textarea[name="script-tag"]'));
      await fill(page, 'gtm', 'GTM-ABC1234');
      await catchDownloads(page);
      const note = await page.evaluate(() => {
        const button = document.querySelector('keksi-configurator button[name="gtm-template"]');
        button?.click();
        document.querySelector('keksi-configurator button[name="download-zip"]').click();
        return button && document.getElementById(button.getAttribute('aria-describedby')).textContent;
      });
      assert.match(note ?? '', /keksi\/gtm\/keksi-consent\.tpl/, 'the note names the file, and its button describes itself by it');
      const template = readFileSync('integrations/gtm/keksi-consent.tpl');
      assert.ok((await downloaded(page, 'keksi-consent.tpl')).equals(template), 'the button saves the template');
      const entries = unzip(await downloaded(page, 'keksi.zip'));
      assert.ok(entries.find((e) => e.name === 'keksi/gtm/keksi-consent.tpl')?.data.equals(template), 'the zip holds it, byte for byte');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('five-minute path: after step 2 one button checks the fields, makes the notice from the template and downloads keksi.zip with a test shop page (issue 16)', async () => {
      const { context, page, errors } = await h.newPage();
      await page.goto(pathToFileURL('dist/configurator/index.html').href);
      await waitFor(page, () => customElements.get('keksi-configurator') && document.querySelector('textarea[name="script-tag"]'));
      // A newcomer: steps 1 and 2 only, no notice address (the default), a GA4 ID mistyped and the name forgotten.
      for (const [name, value] of [...SHOP.filter(([n]) => n !== 'notice-url' && n !== 'name'), ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']])
        await fill(page, name, value);
      await fill(page, 'ga', 'UA-1234');
      await catchDownloads(page);
      assert.equal(await pressFastPath(page), 'Valmis — hae tiedostot');
      await page.evaluate(() => document.querySelector('keksi-configurator').updateComplete);
      let f = await page.evaluate(focused);
      assert.equal(f.name, 'name', 'the first field to fix has focus');
      assert.ok(
        f.described.some((d) => /nimi/i.test(d)),
        `its message is tied to it: ${JSON.stringify(f.described)}`,
      );
      assert.equal(await page.evaluate(() => window.__downloads.length), 0, 'nothing downloaded while a field is wrong');
      await fill(page, 'name', 'Kahvipaahtimo Oy');
      await pressFastPath(page);
      await page.evaluate(() => document.querySelector('keksi-configurator').updateComplete);
      f = await page.evaluate(focused);
      assert.equal(f.name, 'ga', 'then the mistyped ID');
      assert.ok(f.described.includes('Tunnus ei ole oikeaa muotoa; katso esimerkki.'), JSON.stringify(f.described));
      await fill(page, 'ga', 'G-CONF1GA4');
      await pressFastPath(page);
      await waitFor(page, () => window.__downloads.some((d) => d.file === 'keksi.zip'));
      f = await page.evaluate(focused);
      assert.equal(f.id, 'outputs-h', 'focus moves to step 5, the outputs');
      const moduleTag = await output(page, 'script-tag');
      assert.match(moduleTag, /data-notice-url="\/tietosuojaseloste\.html"/);
      const entries = unzip(await downloaded(page, 'keksi.zip'));
      assert.deepEqual(errors, []);
      await context.close();

      const names = entries.map((e) => e.name);
      for (const name of ['keksi/keksi.mjs', 'keksi/notice.json', 'tietosuojaseloste.html', 'keksi-testi.html'])
        assert.ok(names.includes(name), `the zip holds ${name}`);
      const text = (name) => entries.find((e) => e.name === name).data.toString('utf8');
      const notice = JSON.parse(text('keksi/notice.json'));
      assert.equal(notice.controller.name, 'Kahvipaahtimo Oy', 'the notice is the template with step 1’s answers');
      assert.ok(
        notice.recipients.list.some((r) => /Google/.test(r.name)),
        'its recipients are step 2’s services',
      );
      const testPage = text('keksi-testi.html');
      assert.ok(testPage.includes(moduleTag), 'the test page carries the tag as step 5 gives it');
      assert.doesNotMatch(testPage, /<script(?![^>]*\bsrc=)(?![^>]*type="text\/plain")[^>]*>/, 'no inline script that would run');
      assert.doesNotMatch(testPage, /<style|style=/, 'no inline style');

      const root = mkdtempSync(join(tmpdir(), 'keksi-fast-shop-'));
      for (const { name, data } of entries) {
        mkdirSync(dirname(join(root, name)), { recursive: true });
        writeFileSync(join(root, name), data);
      }
      const shopServer = await serveFolder(root, { 'content-security-policy': STRICT_CSP });
      try {
        const shop = await h.newPage();
        await shop.page.goto(shopServer.url + '/keksi-testi.html');
        await keksiReady(shop.page);
        await waitFor(shop.page, bannerShown);
        assert.equal(await shop.page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src')), null, 'the video is gated');
        const footer = await shop.page.evaluate(() => ({
          link: document.querySelector('footer a')?.getAttribute('href'),
          reopen: document.querySelector('footer [data-keksi-open]')?.textContent.trim(),
        }));
        assert.deepEqual(footer, { link: '/tietosuojaseloste.html', reopen: 'Evästeasetukset' });
        await shop.page.evaluate(() => keksi.rejectAll());
        await waitFor(shop.page, () => document.cookie.includes('keksi_consent='));
        await shop.page.evaluate(() => document.querySelector('footer [data-keksi-open]').click());
        await waitFor(shop.page, dialogOpen);
        assert.deepEqual(
          shop.requests.filter((r) => TRACKER_HOSTS.test(r) || /youtube/.test(r)),
          [],
          'nothing from a tracker',
        );
        assert.deepEqual(shop.errors, []);
        assert.deepEqual(
          shop.warnings.filter((w) => /Content.Security.Policy|CSP|\[keksi\]/i.test(w)),
          [],
          'no CSP violation, no [keksi] message',
        );
        await shop.context.close();

        const noticePage = await h.newPage();
        await noticePage.page.goto(shopServer.url + '/tietosuojaseloste.html');
        await waitFor(noticePage.page, () =>
          document.querySelector('keksi-notice')?.shadowRoot?.querySelector('#keksi-cookies')?.parentElement.textContent.includes('_ga_CONF1GA4'),
        );
        await noticePage.context.close();
      } finally {
        await shopServer.close();
      }
    });

    test('WordPress: the notice’s address is the page /tietosuojaseloste/, keksi.zip holds its body to paste, and that body in a page renders the notice (issue 16)', async () => {
      const { context, page, errors } = await h.newPage();
      await page.goto(pathToFileURL('dist/configurator/index.html').href);
      await waitFor(page, () => customElements.get('keksi-configurator') && document.querySelector('textarea[name="script-tag"]'));
      for (const [name, value] of [...SHOP.filter(([n]) => n !== 'notice-url'), ['platform', 'wordpress']]) await fill(page, name, value);
      await catchDownloads(page);
      await pressFastPath(page);
      await waitFor(page, () => window.__downloads.some((d) => d.file === 'keksi.zip'));
      const moduleTag = await output(page, 'script-tag');
      assert.match(moduleTag, /data-notice-url="\/tietosuojaseloste\/"/);
      const fragment = await output(page, 'notice-fragment');
      const entries = unzip(await downloaded(page, 'keksi.zip'));
      assert.deepEqual(errors, []);
      await context.close();
      const body = entries.find((e) => e.name === 'tietosuojaseloste-sisalto.html')?.data.toString('utf8');
      assert.equal(body, fragment, 'keksi.zip holds the body step 5 shows');
      assert.doesNotMatch(body, /<html|<head|<body|<!doctype/i);

      // The shop's WordPress page: its theme's head with Keksi's tag, its title, and the body pasted into a Custom HTML block.
      const root = mkdtempSync(join(tmpdir(), 'keksi-wp-shop-'));
      for (const { name, data } of entries) {
        mkdirSync(dirname(join(root, name)), { recursive: true });
        writeFileSync(join(root, name), data);
      }
      mkdirSync(join(root, 'tietosuojaseloste'));
      writeFileSync(
        join(root, 'tietosuojaseloste', 'index.html'),
        `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Tietosuojaseloste</title>${moduleTag}</head><body><h1>Tietosuojaseloste</h1>${body}</body></html>`,
      );
      const shopServer = await serveFolder(root, { 'content-security-policy': STRICT_CSP });
      try {
        const notice = await h.newPage();
        await notice.page.goto(shopServer.url + '/tietosuojaseloste/');
        await waitFor(notice.page, () =>
          document.querySelector('keksi-notice')?.shadowRoot?.querySelector('#keksi-cookies')?.parentElement.textContent.includes('_ga_CONF1GA4'),
        );
        assert.equal(
          await notice.page.evaluate(() => document.querySelector('keksi-notice').shadowRoot.querySelector('h2') !== null),
          true,
          'its headings under the page’s h1',
        );
        assert.deepEqual(notice.errors, []);
        assert.deepEqual(
          // This stand-in page has no WP Consent API plugin (a real WordPress page does): Keksi says so, rightly.
          notice.warnings.filter((w) => /Content.Security.Policy|CSP|\[keksi\]/i.test(w) && !/no wp_set_consent/.test(w)),
          [],
          'no CSP violation, no other [keksi] message',
        );
        await notice.context.close();
      } finally {
        await shopServer.close();
      }
    });

    test('keksi.zip from the page opened from disk, unzipped into an empty shop: the tags work, and so does the notice page', async () => {
      const { context, page, errors } = await h.newPage();
      await page.goto(pathToFileURL('dist/configurator/index.html').href);
      await waitFor(page, () => customElements.get('keksi-configurator') && document.querySelector('textarea[name="script-tag"]'));
      for (const [name, value] of [...SHOP, ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']]) await fill(page, name, value);
      // An own service: its configure() call is keksi-config.js in the zip, which the notice page loads.
      await page.evaluate(() => {
        document.querySelector('keksi-configurator [data-name="service-add"]').click();
        return document.querySelector('keksi-configurator').updateComplete;
      });
      for (const [name, value] of [
        ['service-0-name', 'Kauppakartta'],
        ['service-0-category', 'preferences'],
        ['service-0-provider', 'Karttapalvelu Esimerkki Oy'],
        ['service-0-cookies', 'kk_map 30'],
      ])
        await fill(page, name, value);
      await page.evaluate(() => {
        document.querySelector('keksi-notice-step button[data-start="template"]').click();
        return document.querySelector('keksi-configurator').updateComplete;
      });
      await waitFor(page, () => document.querySelector('keksi-notice-step [name="notice.retention"]'));
      await fill(page, 'notice.retention', 'Asiakastietoja säilytetään asiakassuhteen ajan ja kirjanpitoaineistoa kuusi vuotta.');
      const [moduleTag, oneFileTag, embed, noticeJson, noticePage] = await Promise.all(
        ['script-tag', 'script-tag-js', 'embed-youtube', 'notice-json', 'notice-page'].map((name) => output(page, name)),
      );

      await catchDownloads(page);
      const hint = await page.evaluate(() => {
        const button = document.querySelector('keksi-configurator button[name="download-zip"]');
        button.click();
        return button
          .getAttribute('aria-describedby')
          .split(' ')
          .map((id) => document.getElementById(id).textContent)
          .join(' ');
      });
      assert.match(hint, /\/keksi\/keksi\.mjs/, 'the step says where the files go');
      assert.match(hint, /pura/i, 'and that the zip is unzipped');
      const download = await page.evaluate(async () => {
        const d = window.__downloads.find((x) => x.file);
        const bytes = new Uint8Array(await d.blob.arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return { file: d.file, type: d.blob.type, base64: btoa(binary) };
      });
      assert.deepEqual(errors, []);
      await context.close();
      assert.equal(download.file, 'keksi.zip');
      assert.equal(download.type, 'application/zip');

      const entries = unzip(Buffer.from(download.base64, 'base64'));
      const built = ['keksi.mjs', 'keksi.js', 'keksi-rest.js', 'keksi-notice.js', ...readdirSync('dist/chunks').map((f) => 'chunks/' + f)];
      assert.deepEqual(
        entries.map((e) => e.name).sort(),
        [...built.map((f) => 'keksi/' + f), 'keksi/keksi-config.js', 'keksi/notice.json', 'tietosuojaseloste.html', 'keksi-testi.html'].sort(),
        'exactly what the shop uploads',
      );
      for (const f of built)
        assert.ok(entries.find((e) => e.name === 'keksi/' + f).data.equals(readFileSync(join('dist', f))), `keksi/${f} is the built file, byte for byte`);
      const text = (name) => entries.find((e) => e.name === name).data.toString('utf8');
      assert.equal(text('keksi/notice.json'), noticeJson);
      assert.equal(text('tietosuojaseloste.html'), noticePage);

      // The shop: an empty folder, the zip unzipped into it, and two pages with the produced tags.
      const root = mkdtempSync(join(tmpdir(), 'keksi-zip-shop-'));
      for (const { name, data } of entries) {
        mkdirSync(dirname(join(root, name)), { recursive: true });
        writeFileSync(join(root, name), data);
      }
      writeFileSync(join(root, 'index.html'), shopPage(moduleTag, embed));
      writeFileSync(join(root, 'one-file.html'), shopPage(oneFileTag, ''));
      const shopServer = await serveFolder(root);
      try {
        const shop = await h.newPage();
        await shop.page.goto(shopServer.url + '/');
        await keksiReady(shop.page);
        await waitFor(shop.page, bannerShown);
        assert.equal(await shop.page.evaluate(() => document.querySelector('iframe').getAttribute('src')), null, 'no video before consent');
        assert.deepEqual(
          shop.requests.filter((r) => TRACKER_HOSTS.test(r) || /youtube/.test(r)),
          [],
          'nothing from a tracker before consent',
        );
        await shop.page.evaluate(() => keksi.acceptAll());
        await waitFor(shop.page, () => window.__fakeGtag?.loaded && window.__fakeFbq?.loaded && document.querySelector('iframe').getAttribute('src'));
        assert.equal(
          await shop.page.evaluate(() => document.querySelector('iframe').getAttribute('src')),
          'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
        );
        assert.deepEqual(shop.errors, []);
        await shop.context.close();

        const single = await h.newPage();
        await single.page.goto(shopServer.url + '/one-file.html');
        await keksiReady(single.page);
        await waitFor(single.page, bannerShown);
        assert.deepEqual(single.errors, []);
        assert.deepEqual(
          single.warnings.filter((w) => /\[keksi\]/.test(w)),
          [],
          'keksi.js found keksi-rest.js beside it',
        );
        await single.context.close();

        const notice = await h.newPage();
        await notice.page.goto(shopServer.url + '/tietosuojaseloste.html');
        await waitFor(notice.page, () =>
          document.querySelector('keksi-notice')?.shadowRoot?.querySelector('#keksi-cookies')?.parentElement.textContent.includes('_ga_CONF1GA4'),
        );
        assert.match(await notice.page.evaluate(() => document.querySelector('keksi-notice').shadowRoot.textContent), /Kahvipaahtimo Oy/);
        // The own service is in the notice's cookie list: the page ran keksi-config.js, a file, under no inline script.
        await waitFor(notice.page, () =>
          document.querySelector('keksi-notice').shadowRoot.querySelector('#keksi-cookies').parentElement.textContent.includes('kk_map'),
        );
        assert.deepEqual(notice.errors, []);
        await notice.context.close();
      } finally {
        await shopServer.close();
      }
    });
  });
}
