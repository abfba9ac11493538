/**
 * Per-service choice (issue 15): the record's services (schema 2), `has('category:service')`,
 * `data-service="name"` and `data-service="!name"` on gated elements, the dialog's per-service
 * switches, and the integrations honouring a service switched off.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { configure } from '../src/core/options.js';
import { grants, parseConsentCookie, type Consent } from '../src/core/record.js';
import { serializeConsent } from '../src/controller/record-writer.js';
import { axeViolations, bannerOf, captureWarnings, mount, part, prefsOf, readConsentCookie, storeConsent } from './helpers.js';
import { gateDone, settled, until } from './wait.js';

const ID = '6f1c1b2e-1111-4aaa-8bbb-123456789abc';
const record = (more: Record<string, unknown>) => JSON.stringify({ v: 2, id: ID, r: 0, t: new Date().toISOString(), a: [], x: [], ...more });

const GATED = `
  <script type="text/plain" data-category="marketing">window.__ran.push('marketing')</script>
  <script type="text/plain" data-category="marketing" data-service="google-ads">window.__ran.push('ads')</script>
  <script type="text/plain" data-category="marketing" data-service="meta-pixel">window.__ran.push('meta')</script>
  <script type="text/plain" data-category="marketing" data-service="!meta-pixel">window.__ran.push('no-meta')</script>`;
// Google's and Meta's IDs make the controller drive their queues: the tests look at the queues too.
const SHOP = `${GATED}<keksi-consent categories="analytics marketing" google-ads="AW-123456" meta-pixel="1234567890" no-reopen-button></keksi-consent>`;

type W = Window & { dataLayer?: unknown[]; gtag?: unknown; fbq?: { queue: IArguments[] }; _fbq?: unknown };
const w = window as W;
const fbqQueue = () => (w.fbq?.queue || []).map((a) => Array.from(a).join(' '));
const consentUpdates = () =>
  (w.dataLayer || [])
    .filter((e) => Object.prototype.toString.call(e) === '[object Arguments]' && (e as IArguments)[0] === 'consent' && (e as IArguments)[1] === 'update')
    .map((e) => (e as IArguments)[2] as Record<string, string>);

describe('per-service choice', () => {
  beforeEach(() => {
    delete w.dataLayer;
    delete w.gtag;
    delete w.fbq;
    delete w._fbq;
  });
  afterEach(() => {
    for (const s of document.querySelectorAll('script[src*="googletagmanager"],script[src*="facebook"]')) s.remove();
  });

  describe('the record', () => {
    it('reads a category granted with only some of its services', () => {
      const c = parseConsentCookie(record({ a: ['marketing'], x: ['analytics'], s: { marketing: ['google-ads'] } }))!;
      expect(c.services).to.deep.equal({ marketing: ['google-ads'] });
      expect(grants(c, 'marketing')).to.equal(true);
      expect(grants(c, 'marketing:google-ads')).to.equal(true);
      expect(grants(c, 'marketing:meta-pixel')).to.equal(false);
      expect(grants(c, 'marketing:!meta-pixel')).to.equal(true);
      expect(grants(c, 'analytics:ga')).to.equal(false);
      expect(grants(c, 'analytics:!ga')).to.equal(true);
    });

    it('reads a schema 1 record (before services) as every service of a granted category granted', () => {
      const c = parseConsentCookie(JSON.stringify({ v: 1, id: ID, r: 0, t: new Date().toISOString(), a: ['marketing'], x: ['analytics'] }))!;
      expect(c.accepted).to.deep.equal(['necessary', 'marketing']);
      expect(grants(c, 'marketing:meta-pixel')).to.equal(true);
      expect(grants(c, 'marketing:!meta-pixel')).to.equal(false);
      expect(grants(c, 'analytics:ga')).to.equal(false);
    });

    it('refuses a record of a newer schema (the visitor is asked again)', () => {
      expect(parseConsentCookie(record({ v: 3, a: ['marketing'] }))).to.equal(null);
    });

    it('refuses a forged record that names services of a category it does not grant', () => {
      for (const s of [{ analytics: ['ga'] }, { necessary: ['x'] }, { marketing: ['Meta Pixel'] }, { marketing: 'meta-pixel' }, ['marketing'], 'x']) {
        expect(parseConsentCookie(record({ a: ['marketing'], x: ['analytics'], s })), JSON.stringify(s)).to.equal(null);
      }
      expect(grants(null, 'marketing:meta-pixel')).to.equal(false);
      expect(grants(null, 'marketing:!meta-pixel'), 'no decision: a negated service does not run either').to.equal(false);
    });

    it('writes schema 2 with the services and reads it back the same', () => {
      const c: Consent = {
        id: ID,
        revision: 3,
        timestamp: new Date().toISOString(),
        accepted: ['necessary', 'marketing'],
        rejected: ['analytics'],
        services: { marketing: ['google-ads'] },
      };
      const raw = serializeConsent(c);
      expect(JSON.parse(raw)).to.include({ v: 2 });
      expect(parseConsentCookie(raw)).to.deep.equal(c);
    });
  });

  describe('decisions and the cookie', () => {
    it('setConsent with "category:service" stores only those services of the category, has() answers per service', async () => {
      const el = await mount(SHOP);
      el.setConsent(['marketing:google-ads']);
      await settled(el);
      await gateDone();
      expect(readConsentCookie()).to.include({ v: 2 });
      expect(readConsentCookie().a).to.deep.equal(['marketing']);
      expect(readConsentCookie().s).to.deep.equal({ marketing: ['google-ads'] });
      expect(el.has('marketing')).to.equal(true);
      expect(el.has('marketing:google-ads')).to.equal(true);
      expect(el.has('marketing:meta-pixel')).to.equal(false);
      expect(el.getConsent()!.services).to.deep.equal({ marketing: ['google-ads'] });
      // The element that names no service waits for the whole category: it could be Meta's.
      expect(window.__ran).to.deep.equal(['ads', 'no-meta']);
    });

    it('acceptAll grants every service, rejectAll none; the negated element runs on rejection', async () => {
      const el = await mount(SHOP);
      el.acceptAll();
      await until(() => window.__ran.length === 3, 'three gated scripts');
      expect(window.__ran).to.deep.equal(['marketing', 'ads', 'meta']);
      expect(readConsentCookie().s).to.deep.equal({});
      expect(el.has('marketing:meta-pixel')).to.equal(true);
      el.rejectAll();
      await gateDone();
      expect(el.has('marketing:meta-pixel')).to.equal(false);
      // Already ran: a script cannot be unloaded. The negated one was waiting for the withdrawal.
      await until(() => window.__ran.length === 4, 'the negated script');
      expect(window.__ran.at(-1)).to.equal('no-meta');
    });

    it('a service of a category not configured is refused with a message; an invalid service name too', async () => {
      const el = await mount(SHOP);
      const said = await captureWarnings(() => el.setConsent(['preferences:x', 'marketing:Bad Name', 'marketing:google-ads']));
      expect(said.join('\n')).to.include('"preferences:x" is not a configured category');
      expect(said.join('\n')).to.include('"marketing:Bad Name"');
      expect(readConsentCookie().s).to.deep.equal({ marketing: ['google-ads'] });
    });

    it('a returning visitor with a schema 1 record keeps every service of the granted category', async () => {
      storeConsent(['marketing'], ['analytics']);
      const el = await mount(SHOP);
      await until(() => window.__ran.length === 3, 'three gated scripts');
      expect(bannerOf(el)).to.equal(null);
      expect(window.__ran).to.deep.equal(['marketing', 'ads', 'meta']);
      expect(el.has('marketing:meta-pixel')).to.equal(true);
    });

    it('a forged record with services for a category it rejects grants nothing and asks again', async () => {
      document.cookie = `keksi_consent=${encodeURIComponent(record({ a: [], x: ['analytics', 'marketing'], s: { marketing: ['meta-pixel', 'google-ads'] } }))}; path=/`;
      const el = await mount(SHOP);
      await gateDone();
      expect(bannerOf(el)).to.not.equal(null);
      expect(el.has('marketing:meta-pixel')).to.equal(false);
      expect(window.__ran).to.deep.equal([]);
    });
  });

  describe('keksi-change', () => {
    let stop = () => {};
    afterEach(() => stop());
    /** The `changed` of each keksi-change from now on (until the test ends). */
    const changes = () => {
      const seen: string[][] = [];
      const listener = (e: CustomEvent<{ changed?: string[] }>) => seen.push(e.detail.changed!);
      document.addEventListener('keksi-change', listener);
      stop = () => document.removeEventListener('keksi-change', listener);
      return seen;
    };

    it('names each category and `category:service` whose granted state changed, a service switched alone too', async () => {
      const el = await mount(SHOP);
      const seen = changes();
      el.acceptAll();
      el.setConsent(['analytics', 'marketing:google-ads']);
      el.setConsent(['analytics', 'marketing:google-ads', 'marketing:meta-pixel']);
      el.setConsent(['analytics', 'marketing']);
      el.rejectAll();
      // Keksi's own checks (Consent Mode's analytics:ga, the clean-up's built-in services) may add analytics:ga.
      const all = ['analytics', 'marketing', 'marketing:google-ads', 'marketing:meta-pixel'];
      expect(seen[0]).to.include.members(all);
      expect(seen.slice(1, 4)).to.deep.equal([['marketing:meta-pixel'], ['marketing:meta-pixel'], []]);
      expect(seen[4]).to.include.members(all);
    });

    it('names a service the page asked about (a data-service element, keksi.has()), not one it never did', async () => {
      configure({ services: [{ name: 'Klarna', category: 'marketing', provider: 'Klarna Bank AB (publ)', purpose: 'x', cookies: [] }] });
      const el = await mount(
        `<script type="text/plain" data-category="marketing" data-service="chat">window.__ran.push('chat')</script>
        <keksi-consent categories="analytics marketing" no-reopen-button></keksi-consent>`,
      );
      const seen = changes();
      el.acceptAll();
      el.has('marketing:klarna');
      el.setConsent(['analytics', 'marketing:other']);
      // Keksi's clean-up also asks for the built-in services (their cookies): those may be named too.
      expect(seen[0]).to.include.members(['analytics', 'marketing', 'marketing:chat']);
      expect(seen[1]).to.include.members(['marketing:chat', 'marketing:klarna']);
      for (const name of ['analytics', 'marketing', 'marketing:other']) expect(seen[1]).to.not.include(name);
    });
  });

  describe('integrations', () => {
    it('marketing granted with Meta switched off: Meta hears revoke and loads nothing, Google Ads stays granted', async () => {
      const el = await mount(SHOP);
      el.setConsent(['marketing:google-ads']);
      await settled(el);
      expect(fbqQueue().filter((c) => c.startsWith('consent'))).to.deep.equal(['consent revoke']);
      expect(document.querySelector('script[src*="facebook"]')).to.equal(null);
      expect(consentUpdates().at(-1)).to.include({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
    });

    it('marketing granted with Google Ads switched off: Consent Mode denies the ad types, Meta is granted', async () => {
      const el = await mount(SHOP);
      el.setConsent(['marketing:meta-pixel']);
      await settled(el);
      expect(consentUpdates().at(-1)).to.include({ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
      expect(fbqQueue().filter((c) => c.startsWith('consent'))).to.deep.equal(['consent revoke', 'consent grant']);
      expect(document.querySelector('script[src*="googletagmanager"]')).to.equal(null);
    });
  });

  describe('the dialog', () => {
    const open = async (el: Awaited<ReturnType<typeof mount>>) => {
      part(bannerOf(el), 'settings').click();
      await settled(el);
      return prefsOf(el)!;
    };
    const switches = (prefs: ShadowRoot) => [...prefs.querySelectorAll('input[type=checkbox]')] as HTMLInputElement[];
    const named = (prefs: ShadowRoot, name: string) => switches(prefs).find((s) => s.name === name)!;
    const label = (prefs: ShadowRoot, input: HTMLInputElement) =>
      input
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => prefs.getElementById(id)!.textContent!.trim())
        .join(' ');

    it("has a named switch per service under each category's disclosure, plus the shop's own services", async () => {
      configure({ services: [{ name: 'Klarna', id: 'klarna', category: 'marketing', provider: 'Klarna Bank AB (publ)', purpose: 'Maksut', cookies: [] }] });
      const el = await mount(SHOP);
      const prefs = await open(el);
      expect(switches(prefs).map((s) => [s.name, s.checked])).to.deep.equal([
        ['necessary', true],
        ['analytics', false],
        ['marketing', false],
        ['marketing:google-ads', false],
        ['marketing:meta-pixel', false],
        ['marketing:klarna', false],
      ]);
      const meta = named(prefs, 'marketing:meta-pixel');
      expect(meta.getAttribute('role')).to.equal('switch');
      expect(label(prefs, meta)).to.equal('Meta Pixel');
      expect(meta.closest('[hidden]'), 'inside the closed disclosure').to.not.equal(null);
    });

    it('passes axe with the services shown and a category part on, and fits a 360 px screen', async () => {
      await setViewport({ width: 360, height: 640 });
      const el = await mount(SHOP);
      const prefs = await open(el);
      (prefs.querySelector('#x-marketing') as HTMLButtonElement).click();
      await settled(el);
      named(prefs, 'marketing:meta-pixel').click();
      await settled(el);
      expect(await axeViolations(prefs.querySelector('dialog')!)).to.deep.equal([]);
      for (const input of switches(prefs)) {
        const box = input.getBoundingClientRect();
        expect(box.right, input.name).to.be.at.most(360);
        expect(box.width, input.name).to.be.at.least(44);
      }
      await setViewport({ width: 800, height: 600 });
    });

    it('switching one service on turns its category on and says how many are on; saving stores that service only', async () => {
      const el = await mount(SHOP);
      const prefs = await open(el);
      (prefs.querySelector('#x-marketing') as HTMLButtonElement).click();
      await settled(el);
      named(prefs, 'marketing:google-ads').click();
      await settled(el);
      const marketing = named(prefs, 'marketing');
      expect(marketing.checked).to.equal(true);
      const described = marketing
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => prefs.getElementById(id)?.textContent || '')
        .join(' ');
      expect(described).to.include('1/2');
      part(prefs, 'save').click();
      await settled(el);
      expect(readConsentCookie().a).to.deep.equal(['marketing']);
      expect(readConsentCookie().s).to.deep.equal({ marketing: ['google-ads'] });
    });

    it('the category switch turns all its services on or off; all services on is the whole category', async () => {
      const el = await mount(SHOP);
      const prefs = await open(el);
      named(prefs, 'marketing').click();
      await settled(el);
      expect(named(prefs, 'marketing:google-ads').checked).to.equal(true);
      expect(named(prefs, 'marketing:meta-pixel').checked).to.equal(true);
      named(prefs, 'marketing:meta-pixel').click();
      await settled(el);
      expect(named(prefs, 'marketing').checked).to.equal(true);
      named(prefs, 'marketing:google-ads').click();
      await settled(el);
      expect(named(prefs, 'marketing').checked, 'no service on: the category is off').to.equal(false);
      named(prefs, 'marketing:google-ads').click();
      named(prefs, 'marketing:meta-pixel').click();
      await settled(el);
      part(prefs, 'save').click();
      await settled(el);
      expect(readConsentCookie().a).to.deep.equal(['marketing']);
      expect(readConsentCookie().s).to.deep.equal({});
    });

    it('lists the vendors of the gated snippets the shop pasted, each once: the attribute wins over a snippet of its vendor', async () => {
      const el = await mount(`
        <script type="text/plain" data-category="analytics">gtag('config', 'G-PASTED1')</script>
        <script type="text/plain" data-category="marketing">gtag('config', 'AW-555')</script>
        <script type="text/plain" data-category="marketing">t.src='https://connect.facebook.net/en_US/fbevents.js'; fbq('init', '998877')</script>
        <keksi-consent categories="analytics marketing" google-ads="AW-123456" no-reopen-button></keksi-consent>`);
      const text = (await open(el)).textContent!;
      expect(text).to.include('Google Analytics').and.include('_ga_PASTED1').and.include('Meta Pixel').and.include('_fbp');
      expect(text.split('Google Ads').length - 1, 'Google Ads listed once').to.equal(1);
      expect(text).not.to.include('Tag Manager');
    });

    it("names Meta for any gated snippet the integrations take for Meta's (core/trackers.ts VENDOR_SNIPPETS), not only its base code", async () => {
      const el = await mount(`
        <script type="text/plain" data-category="marketing">fbq('track', 'Purchase', { value: 12.5, currency: 'EUR' })</script>
        <keksi-consent categories="marketing" no-reopen-button></keksi-consent>`);
      const text = (await open(el)).textContent!;
      expect(text).to.include('Meta Pixel').and.include('_fbp');
    });

    describe('gated video embeds without configure()', () => {
      const YT =
        '<iframe data-category="marketing" data-src="https://www.youtube-nocookie.com/embed/VIDEO" data-service="youtube" width="560" height="315" title="Video"></iframe>';
      const placeholderText = async () => {
        const embed = await until(
          () => document.querySelector('keksi-embed')?.shadowRoot?.querySelector('p') && document.querySelector('keksi-embed')!,
          'the placeholder',
        );
        return embed!.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      };

      it('lists YouTube under marketing with its cookies and purpose in the visitor’s language; the banner names Google; the placeholder says YouTube', async () => {
        const el = await mount(`${YT}<keksi-consent categories="analytics marketing" lang="fi" no-reopen-button></keksi-consent>`);
        expect(bannerOf(el)!.querySelector('#d')!.textContent).to.include('Google');
        const said = await placeholderText();
        expect(said).to.include('YouTube').and.not.include('(youtube)');
        const prefs = await open(el);
        expect(switches(prefs).map((s) => s.name)).to.deep.equal(['necessary', 'analytics', 'marketing', 'marketing:youtube']);
        expect(label(prefs, named(prefs, 'marketing:youtube'))).to.equal('YouTube');
        expect(prefs.textContent).to.include('VISITOR_INFO1_LIVE').and.include('Näyttää sivulle upotetut YouTube-videot');
      });

      it('lists Vimeo for an iframe on player.vimeo.com without data-service; the banner names Vimeo', async () => {
        const el = await mount(`<iframe data-category="marketing" data-src="https://player.vimeo.com/video/76979871?dnt=1" title="Video"></iframe>
          <keksi-consent categories="marketing" lang="en" no-reopen-button></keksi-consent>`);
        expect(bannerOf(el)!.querySelector('#d')!.textContent).to.include('Vimeo');
        const prefs = await open(el);
        expect(switches(prefs).map((s) => s.name)).to.deep.equal(['necessary', 'marketing', 'marketing:vimeo']);
        expect(prefs.textContent).to.include('Vimeo.com, Inc. (USA)').and.include('Shows embedded Vimeo videos');
      });

      it("the shop's own service of that id wins: listed once, with its texts", async () => {
        configure({ services: [{ name: 'Our videos', id: 'youtube', category: 'marketing', provider: 'Video Oy', purpose: 'Own text', cookies: [] }] });
        const el = await mount(`${YT}<keksi-consent categories="marketing" lang="en" no-reopen-button></keksi-consent>`);
        expect(await placeholderText()).to.include('Our videos');
        const prefs = await open(el);
        expect(switches(prefs).map((s) => s.name)).to.deep.equal(['necessary', 'marketing', 'marketing:youtube']);
        expect(label(prefs, named(prefs, 'marketing:youtube'))).to.equal('Our videos');
        expect(prefs.textContent).to.include('Own text').and.not.include('VISITOR_INFO1_LIVE');
      });

      it('takes the host anchored: look-alike addresses, and data-service without data-category, list nothing', async () => {
        const el = await mount(`
          <iframe data-category="marketing" data-src="https://evil.example/?youtube.com" title="a"></iframe>
          <iframe data-category="marketing" data-src="https://youtube.com.evil.example/embed/x" title="b"></iframe>
          <iframe data-category="marketing" data-src="https://evil.example/#player.vimeo.com" title="c"></iframe>
          <iframe data-category="marketing" data-src="https://notyoutube.com/embed/x" title="d"></iframe>
          <iframe data-service="youtube" src="about:blank" title="e"></iframe>
          <keksi-consent categories="marketing" lang="en" no-reopen-button></keksi-consent>`);
        expect(bannerOf(el)!.querySelector('#d')!.textContent).not.to.include('Google').and.not.include('Vimeo');
        const prefs = await open(el);
        expect(switches(prefs).map((s) => s.name)).to.deep.equal(['necessary', 'marketing']);
        expect(prefs.textContent).not.to.include('YouTube').and.not.include('Vimeo');
      });

      // Injected markup: a YouTube address under another service's name gave that service's switch the label
      // "YouTube" (and its placeholder "Allow cookies (YouTube)"): allowing "YouTube" ran the pixel.
      it('takes no other service\'s name: a YouTube address with data-service="meta-pixel" labels no switch YouTube', async () => {
        const el = await mount(`
          <iframe data-category="marketing" data-service="meta-pixel" data-src="https://www.youtube.com/embed/x" title="a"></iframe>
          <keksi-consent categories="marketing" lang="en" no-reopen-button></keksi-consent>`);
        const prefs = await open(el);
        expect(prefs.textContent).not.to.include('YouTube');
        expect(switches(prefs).map((s) => s.name)).to.deep.equal(['necessary', 'marketing']);
      });
    });

    it('reopened, shows the stored per-service choice; keyboard toggles a service with Space', async () => {
      storeConsent(['marketing'], ['analytics'], { v: 2, s: { marketing: ['meta-pixel'] } });
      const el = await mount(SHOP);
      await el.showPreferences();
      await settled(el);
      const prefs = prefsOf(el)!;
      expect(named(prefs, 'marketing').checked).to.equal(true);
      expect(named(prefs, 'marketing:meta-pixel').checked).to.equal(true);
      expect(named(prefs, 'marketing:google-ads').checked).to.equal(false);
      (prefs.querySelector('#x-marketing') as HTMLButtonElement).click();
      await settled(el);
      named(prefs, 'marketing:google-ads').focus();
      await sendKeys({ press: ' ' });
      await settled(el);
      expect(named(prefs, 'marketing:google-ads').checked).to.equal(true);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: ' ' });
      await settled(el);
      expect(named(prefs, 'marketing:meta-pixel').checked, 'Shift+Tab reached the service before').to.equal(false);
    });
  });
});
