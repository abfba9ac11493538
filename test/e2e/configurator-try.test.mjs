// "Kokeile testisivulla" (issue 16, the five-minute path without uploading): step 5 links to a test shop
// page and its notice page that work from the configurator itself — the build's own keksi.js, no zip, no
// server of the shop's — served over http and opened from disk (file://), in Chromium and Firefox. The
// visitor's choice is really stored and gates the video: accept → the video loads, reload → no banner;
// reject → the video stays blocked. Where a browser keeps no cookie for a page opened from disk, the page
// says so plainly. The notice page renders with its cookie section. No inline script: a strict policy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { BROWSERS, keksiReady, poll, settled, startHarness, TRACKER_HOSTS, waitFor } from './harness.mjs';
import { axeViolations, catchDownloads, fill, SHOP, visibleWords } from './configurator-kit.mjs';

const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

/** Fill steps 1–2 for GA4 + Meta + a video, press "Valmis — hae tiedostot"; returns the try-it link's address, text and target. */
async function fastPath(page) {
  await waitFor(page, () => customElements.get('keksi-configurator') && document.querySelector('textarea[name="script-tag"]'));
  for (const [name, value] of [...SHOP.filter(([n]) => n !== 'notice-url'), ['youtube', VIDEO]]) await fill(page, name, value);
  await catchDownloads(page);
  await page.evaluate(() => {
    document.querySelector('keksi-configurator button[name="fast-path"]').click();
    return document.querySelector('keksi-configurator').updateComplete;
  });
  await waitFor(page, () => document.activeElement?.id === 'outputs-h');
  return page.evaluate(() => {
    const a = document.querySelector('keksi-configurator a[name="try-page"]');
    return a && { href: a.href, text: a.textContent.replace(/\s+/g, ' ').trim(), target: a.target, rel: a.rel };
  });
}

const bannerShown = () => {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
  return deep(document).some((e) => e.matches('[part~="banner"]') && e.getBoundingClientRect().height > 0);
};
const bannerGone = () => {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
  return !deep(document).some((e) => e.matches('[part~="banner"]') && e.getBoundingClientRect().height > 0);
};
const pressBanner = (page, part) =>
  page.evaluate((part) => {
    const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
    deep(document)
      .find((e) => e.matches(`keksi-banner [part~="${part}"], [part~="${part}"]`) && e.tagName === 'BUTTON')
      .click();
  }, part);
const videoSrc = (page) => page.evaluate(() => document.querySelector('iframe[data-category]')?.getAttribute('src') ?? null);
/** What the page says about a choice that a page opened from disk cannot keep (null when it says nothing). */
const diskNote = (page) => page.evaluate(() => document.querySelector('[data-try-note]')?.textContent.trim() || null);

/** An attacker's answers: their own container and their company's name as the shop's. */
const ATTACK = { ui: 'fi', state: { name: 'Hyökkääjä Oy', email: 'a@attacker.example', gtm: 'GTM-ATTACK1' } };
/** From now on, the addresses the page's policy refuses are collected (`refused(page)` reads them). */
const watchRefusals = (page) =>
  page.evaluate(() => {
    window.__refused = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(e.blockedURI));
  });
const refused = (page) => page.evaluate(() => window.__refused ?? []);
/** Page errors other than the policy's refusals of the vendors' scripts (Firefox reports those as page errors). */
const unexpected = (errors) => errors.filter((e) => !/Content-Security-Policy: .* at https:\/\/(www\.googletagmanager\.com|connect\.facebook\.net)\//.test(e));
/** The page's text, Keksi's shadow roots included. */
const pageText = (page) =>
  page.evaluate(() => {
    const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
    return [document.body.innerText, ...deep(document).map((e) => e.shadowRoot?.textContent ?? '')].join(' ');
  });

/** Keksi started on the (re)loaded test page, the banner settled. */
async function tryReady(tab) {
  await keksiReady(tab);
  await tab.evaluate(() => document.querySelector('keksi-consent')._uiLoading);
}

/** "Kokeile testisivulla" pressed: the test shop page in the tab it opens, which asked the configurator for the answers; Keksi started. */
async function openTry(popup, page) {
  // A real click (catchDownloads() replaced the links' click()): the configurator opens the tab itself.
  const tab = await popup(() => page.click('keksi-configurator a[name="try-page"]'));
  await tryReady(tab);
  return tab;
}

/** The same page again: it asks its opener (the configurator) for the answers again. */
async function reloadTry(tab) {
  await tab.reload();
  await tryReady(tab);
}

for (const browser of BROWSERS) {
  describe(`configurator: try it on a test page in ${browser}`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('over http: the link after the fast path opens the test shop page, which asks the configurator for the answers; accept → the video loads and Keksi asks for GA (refused by the page’s policy), reload → no banner; the notice page lists the cookies', async () => {
      const { context, page, popup, requests, errors } = await h.newPage();
      await page.goto(h.server.url + '/configurator.html');
      const link = await fastPath(page);
      assert.ok(link, 'step 5 has the link "Kokeile testisivulla"');
      assert.equal(link.text, 'Kokeile testisivulla');
      assert.equal(link.target, '_blank');
      assert.equal(new URL(link.href).hash, '', 'no answers in the address');
      const tab = await openTry(popup, page);
      assert.equal(new URL(tab.url()).hash, '', 'none in the opened page’s either');
      assert.equal(await tab.evaluate(() => document.documentElement.lang), 'fi');
      assert.equal(await tab.evaluate(() => document.querySelector('h1').textContent), 'Kahvipaahtimo Oy');
      assert.match(await tab.evaluate(() => document.querySelector('main').textContent), /omat skriptit eivät lataudu tällä testisivulla/);
      await waitFor(tab, bannerShown);
      assert.equal(await videoSrc(tab), null, 'the video waits for consent');
      assert.deepEqual(
        requests.filter((u) => TRACKER_HOSTS.test(u) || /youtube/.test(u)),
        [],
        'nothing of a vendor before consent',
      );
      assert.equal(await diskNote(tab), null, 'over http the choice is kept: nothing to warn about');
      await watchRefusals(tab);
      await pressBanner(tab, 'accept-all');
      await waitFor(tab, () => /youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/.test(document.querySelector('iframe[data-category]')?.src || ''));
      // Keksi asks for GA4 with the shop's ID; the test page's policy refuses the vendor's script (it loads on the shop itself).
      const ga = await poll(
        async () => [...requests, ...(await refused(tab))].find((u) => /googletagmanager\.com\/gtag\/js\?id=G-CONF1GA4/.test(u)),
        'Keksi asking for GA4',
      );
      assert.ok(!requests.includes(ga), `refused by the page’s policy, never requested: ${requests.join(' ')}`);
      const stored = (await context.cookies()).find((c) => c.name === 'keksi_testi');
      assert.ok(stored, 'the choice is stored in a cookie of the test page’s own (never the shop’s keksi_consent)');
      await reloadTry(tab);
      assert.equal(await tab.evaluate(bannerShown), false, 'reload: no banner');
      await waitFor(tab, () => /youtube-nocookie/.test(document.querySelector('iframe[data-category]')?.src || ''));
      // The footer's link and the "Evästeasetukset" button of the zip's keksi-testi.html.
      const footer = await tab.evaluate(() => ({
        notice: document.querySelector('footer a')?.textContent,
        href: document.querySelector('footer a')?.href,
        reopen: document.querySelector('footer button[data-keksi-open]')?.textContent,
      }));
      assert.equal(footer.reopen, 'Evästeasetukset');
      await tab.evaluate(() => document.querySelector('footer button[data-keksi-open]').click());
      await waitFor(tab, () => {
        const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
        return deep(document).some((e) => e.tagName === 'DIALOG' && e.open);
      });
      // The notice page asks the opener again (the opener survives the tab's navigation).
      await tab.goto(footer.href);
      await waitFor(tab, () => document.querySelector('keksi-notice')?.shadowRoot?.textContent.includes('_ga'));
      const notice = await tab.evaluate(() => document.querySelector('keksi-notice').shadowRoot.textContent);
      assert.match(notice, /Kahvipaahtimo Oy/);
      assert.match(notice, /_fbp/);
      assert.match(notice, /YSC/, 'the video’s cookies are in the cookie section');
      assert.deepEqual(unexpected(errors), []);
      await context.close();
    });

    test('over http: reject → the video stays blocked, also after a reload, and nothing of a vendor is asked for', async () => {
      const { context, page, popup, requests, errors } = await h.newPage();
      await page.goto(h.server.url + '/configurator.html');
      await fastPath(page);
      const tab = await openTry(popup, page);
      await waitFor(tab, bannerShown);
      await watchRefusals(tab);
      await pressBanner(tab, 'reject-all');
      await waitFor(tab, bannerGone);
      assert.deepEqual(await refused(tab), [], 'nothing refused: nothing asked for');
      await reloadTry(tab);
      assert.equal(await tab.evaluate(bannerShown), false, 'reload: no banner');
      assert.equal(await videoSrc(tab), null, 'the video stays blocked');
      assert.deepEqual(
        requests.filter((u) => TRACKER_HOSTS.test(u) || /youtube/.test(u)),
        [],
      );
      assert.deepEqual(unexpected(errors), []);
      await context.close();
    });

    test('from disk (file://): the pages work with the build’s keksi.js; where the choice cannot be kept, the page says so', async () => {
      const { context, page, popup, errors } = await h.newPage();
      await page.goto(pathToFileURL('dist/configurator/index.html').href);
      const link = await fastPath(page);
      assert.ok(link?.href.startsWith('file:'), `a page next to the configurator: ${link?.href}`);
      const tab = await openTry(popup, page);
      await waitFor(tab, bannerShown);
      await pressBanner(tab, 'accept-all');
      await waitFor(tab, () => /youtube-nocookie/.test(document.querySelector('iframe[data-category]')?.src || ''));
      const note = await diskNote(tab);
      await reloadTry(tab);
      // Kept or not, as Keksi read the cookie at start (not the banner's absence: right after start it may not have painted yet).
      const kept = await tab.evaluate(() => !!keksi.getConsent());
      if (!kept) await waitFor(tab, bannerShown);
      console.log(`# ${browser}, file://: the choice is ${kept ? 'kept' : 'not kept'} over a reload; the page's note: ${note}`);
      if (kept) assert.equal(note, null, 'the choice is kept: no warning');
      else assert.match(note ?? '', /levyltä.*(palvelimelta|verkossa)/is, 'the page says plainly that from disk the choice is forgotten');
      const footer = await tab.evaluate(() => document.querySelector('footer a').href);
      await tab.goto(footer);
      await waitFor(tab, () => document.querySelector('keksi-notice')?.shadowRoot?.textContent.includes('_ga'));
      assert.deepEqual(unexpected(errors), []);
      await context.close();
    });

    test('no inline script: the test page and the notice page run under their own strict policy with no violation', async () => {
      const { context, page } = await h.newPage();
      await page.goto(h.server.url + '/configurator.html');
      const link = await fastPath(page);
      for (const href of [link.href, link.href.replace('testisivu.html', 'seloste.html')]) {
        await page.goto(href);
        const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
        assert.match(policy, /script-src 'self';/, 'no script of another origin');
        assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
        // An inline script the test adds is refused: the policy is in force.
        const ran = await page.evaluate(() => {
          const s = document.createElement('script');
          s.textContent = 'window.__inline = 1';
          document.head.append(s);
          return window.__inline === 1;
        });
        assert.equal(ran, false, `${href}: an inline script is refused`);
      }
      await context.close();
    });

    test('without the answers in its address (or with garbage there) the test page says so and runs no Keksi: fail closed', async () => {
      const { context, page, warnings, errors } = await h.newPage();
      for (const [i, hash] of ['', '#%7Bnot-json', '#' + encodeURIComponent('{"ui":"fi"}')].entries()) {
        // A query of its own each time: a new fragment alone would not load the page again.
        await page.goto(`${h.server.url}/dist/configurator/testisivu.html?${i}${hash}`);
        await waitFor(page, () => !!document.querySelector('main p'));
        assert.equal(await page.evaluate(() => !!document.querySelector('script[src*="keksi.js"], keksi-consent')), false, `${hash}: no Keksi`);
        assert.match(await page.evaluate(() => document.querySelector('main p').textContent), /Kokeile testisivulla/);
      }
      assert.equal(warnings.filter((w) => /^\[keksi\] the test page has no answers/.test(w)).length, 3, warnings.join('\n'));
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('an address made by anyone (answers in its fragment) sets nothing up: no Keksi, no attacker’s container, no attacker’s text', async () => {
      const { context, page, requests, warnings, errors } = await h.newPage();
      const evil = h.server.url.replace('localhost', 'keksi.test');
      for (const file of ['testisivu.html', 'seloste.html']) {
        await page.goto(`${evil}/test/pages/try-attacker.html`);
        // The attacker's link, followed from their plain page on another origin.
        await Promise.all([
          page.waitForNavigation(),
          page.evaluate(
            (href) => {
              const a = Object.assign(document.createElement('a'), { href, textContent: 'Win a coffee' });
              document.body.append(a);
              a.click();
            },
            `${h.server.url}/dist/configurator/${file}#${encodeURIComponent(JSON.stringify(ATTACK))}`,
          ),
        ]);
        await waitFor(page, () => document.body.children.length > 0);
        if (await page.evaluate(() => !!document.querySelector('script[src*="keksi.js"]'))) {
          // Keksi was set up from the address: press "accept all" as a visitor would, and see what it loads.
          await keksiReady(page);
          await watchRefusals(page);
          if (file === 'testisivu.html') {
            await waitFor(page, bannerShown);
            await pressBanner(page, 'accept-all');
            await poll(async () => [...requests, ...(await refused(page))].some((u) => /GTM-ATTACK1/.test(u)), 'the attacker’s container asked for');
          } else await waitFor(page, () => /Hyökkääjä/.test(document.querySelector('keksi-notice')?.shadowRoot?.textContent ?? ''));
        }
        const asked = [...requests, ...(await refused(page))].filter((u) => /GTM-ATTACK1/.test(u));
        assert.deepEqual(asked, [], `${file}: the attacker’s container is never asked for`);
        assert.doesNotMatch(await pageText(page), /Hyökkääjä/, `${file}: the attacker’s text is not shown under the shop’s address`);
        assert.match(
          await page.evaluate(() => document.querySelector('main p')?.textContent ?? ''),
          /Kokeile testisivulla/,
          `${file}: the page says to open it from the configurator`,
        );
      }
      assert.equal(warnings.filter((w) => /^\[keksi\] the test page has no answers/.test(w)).length, 2, warnings.join('\n'));
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('a window of another origin that opens the test page and posts answers to it sets nothing up', async () => {
      const { context, page, popup, requests, warnings, errors } = await h.newPage();
      await page.goto(`${h.server.url.replace('localhost', 'keksi.test')}/test/pages/try-attacker.html`);
      const tab = await popup(() =>
        page.evaluate(
          ([href, answers]) => {
            // The attacker opens the page, answers its "ready" and keeps posting answers until it is closed.
            const w = window.open(href);
            addEventListener('message', (e) => e.source === w && w.postMessage(answers, '*'));
            setInterval(() => w.postMessage(answers, '*'), 20);
          },
          [`${h.server.url}/dist/configurator/testisivu.html`, { keksiTry: 'answers', ...ATTACK }],
        ),
      );
      await waitFor(tab, () => document.body.children.length > 0);
      assert.equal(
        await tab.evaluate(() => !!document.querySelector('script[src*="keksi.js"], keksi-consent')),
        false,
        'no Keksi from a foreign window’s answers',
      );
      assert.doesNotMatch(await pageText(tab), /Hyökkääjä/);
      assert.match(await tab.evaluate(() => document.querySelector('main p')?.textContent ?? ''), /Kokeile testisivulla/);
      assert.deepEqual(
        requests.filter((u) => /GTM-ATTACK1/.test(u)),
        [],
      );
      assert.equal(warnings.filter((w) => /^\[keksi\] the test page has no answers/.test(w)).length, 1, warnings.join('\n'));
      // Firefox logs the test page's "ready", addressed to its own origin only, as not delivered to the foreign opener: as meant.
      assert.deepEqual(
        errors.filter((e) => !/postMessage.*does not match the recipient window/.test(e)),
        [],
      );
      await context.close();
    });

    test('step 5 after the fast path: the link is there in sv and en too; axe clean at 360 px', async () => {
      const { context, page, popup } = await h.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(h.server.url + '/configurator.html');
      const link = await fastPath(page);
      const names = {};
      for (const lang of ['sv', 'en']) {
        await page.evaluate((lang) => {
          const select = document.querySelector('#ui-lang');
          select.value = lang;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          return document.querySelector('keksi-configurator').updateComplete;
        }, lang);
        names[lang] = await page.evaluate(() => document.querySelector('keksi-configurator a[name="try-page"]').textContent.trim());
      }
      assert.deepEqual(names, { sv: 'Testa på en testsida', en: 'Try it on a test page' });
      assert.deepEqual(await axeViolations(page, ['keksi-configurator section.outputs']), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scroll');
      assert.ok((await visibleWords(page, 'keksi-configurator .files')) > 0);
      // The test pages themselves, at 360 px: axe clean with the banner showing, no horizontal scroll.
      const tab = await openTry(popup, page);
      await tab.setViewportSize?.({ width: 360, height: 740 });
      await tab.setViewport?.({ width: 360, height: 740 });
      for (const href of [link.href, link.href.replace('testisivu.html', 'seloste.html')]) {
        await tab.goto(href);
        await tryReady(tab);
        // Keksi's entry animations done: axe measures colours as shown, not mid-fade.
        await settled(tab);
        assert.deepEqual(await axeViolations(tab, ['body']), [], href);
        assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= 360), `${href}: no horizontal scroll`);
      }
      await context.close();
    });
  });
}
