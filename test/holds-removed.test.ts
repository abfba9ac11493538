/**
 * Consent that holds when `<keksi-consent>` is removed: a removed element stops acting. Its gate
 * neither watches the page nor runs what it had queued, its API changes nothing (the running element,
 * which `window.keksi` and the ESM functions reach, decides), and putting it back while another one
 * runs gives no second gate. Moves (Turbo, Swup, the tab-order move) are not removals: see
 * test/e2e/holds-config.test.mjs and test/e2e/tab-order.test.mjs.
 */
import { expect } from '@open-wc/testing';
import { KeksiConsent } from '../src/controller/keksi-consent.js';
import { Gate } from '../src/core/gating.js';
import { gateEarly } from '../src/entry/returning-visitor.js';
import * as api from '../src/entry/api.js';
import '../src/notice-entry.js';
import { captureWarnings, mount, prefsOf, readConsentCookie, storeConsent } from './helpers.js';
import { gateDone, nextEvent, settled, until } from './wait.js';

const SHOP = `<keksi-consent categories="analytics marketing" no-reopen-button></keksi-consent>`;
const NOT_RUNNING = '[keksi] <keksi-consent> not running (removed, or a second one): call ignored; use window.keksi.';

/** A gated script put into the page now. */
function addGated(category: string, text: string, src = ''): HTMLScriptElement {
  const s = document.createElement('script');
  s.type = 'text/plain';
  s.dataset.category = category;
  if (src) s.setAttribute('src', src);
  else s.text = text;
  document.body.append(s);
  return s;
}

/**
 * Resolves once every MutationObserver created before this call has been told of the next change to
 * the page (observers are told in the order they were created).
 */
function observed(): Promise<void> {
  return new Promise((resolve) => {
    const o = new MutationObserver(() => {
      o.disconnect();
      resolve();
    });
    o.observe(document.documentElement, { childList: true, subtree: true });
  });
}

describe('consent that holds: a removed <keksi-consent>', () => {
  // Gated scripts a test left unactivated would run in the next test's gate.
  afterEach(() => document.querySelectorAll('script[data-category]').forEach((s) => s.remove()));

  describe('the gate', () => {
    let gate: Gate;
    const start = () => {
      gate = new Gate(
        () => true,
        () => true,
        () => {},
      );
      gate.update();
    };
    afterEach(() => gate.disconnect());

    it('after disconnect(), update() runs nothing and does not watch the page again', async () => {
      start();
      gate.disconnect();
      const there = addGated('necessary', "window.__ran.push('there')");
      gate.update();
      const seen = observed();
      const added = addGated('necessary', "window.__ran.push('added')");
      await seen;
      expect(window.__ran).to.deep.equal([]);
      expect([there, added].map((s) => s.isConnected)).to.deep.equal([true, true]);
    });

    // What a move of a running <keksi-consent> does (its connectedCallback updates the gate), here after
    // `body.innerHTML = …`, whose new scripts the gate's observer hears of only after they have run.
    it('a script that update() has run is not run again when the observer reports it', async () => {
      start();
      const seen = observed();
      addGated('necessary', "window.__ran.push('once')");
      gate.update();
      await seen;
      expect(window.__ran).to.deep.equal(['once']);
    });

    it('an external script that finishes loading after disconnect() lets nothing queued behind it run', async () => {
      addGated('necessary', '', '/test/fixtures/ext-a.js');
      addGated('necessary', "window.__ran.push('behind')");
      start();
      const loading = document.querySelector('script[data-keksi][src$="/test/fixtures/ext-a.js"]')!;
      expect(loading, 'ext-a.js is loading').to.not.equal(null);
      const loaded = new Promise((resolve) => loading.addEventListener('load', resolve, { once: true }));
      gate.disconnect();
      // The gate's own onload handler was set first, so it has run when this listener hears the load.
      await loaded;
      expect(window.__ran).to.deep.equal(['ext-a']);
    });
  });

  describe('the controller', () => {
    /** A started element, then taken out of the page. */
    async function removed(): Promise<KeksiConsent> {
      const old = await mount(SHOP);
      old.parentElement!.remove();
      return old;
    }

    it("a removed element's decisions change nothing: a late acceptAll() does not undo the running element's rejection", async () => {
      const old = await removed();
      const el = await mount(SHOP);
      el.rejectAll();
      const rejected = readConsentCookie();
      const warnings = await captureWarnings(() => {
        old.acceptAll();
        old.setConsent(['analytics']);
        old.rejectAll();
        old.reset();
      });
      expect(warnings).to.deep.equal([NOT_RUNNING]);
      expect(readConsentCookie()).to.deep.equal(rejected);
      expect(el.has('analytics')).to.equal(false);
      expect(old.has('analytics'), 'the removed element still reads the choice').to.equal(false);
      addGated('analytics', "window.__ran.push('analytics')");
      await gateDone();
      expect(window.__ran).to.deep.equal([]);
    });

    it('the API (window.keksi, the ESM functions) acts on the running element', async () => {
      const old = await removed();
      const el = await mount(SHOP);
      expect(KeksiConsent.live).to.equal(el);
      api.acceptAll();
      expect(el.has('analytics')).to.equal(true);
      expect(api.getConsent()!.id).to.equal(el.getConsent()!.id);
      expect(old.getConsent(), 'the removed element reads the running one’s decision').to.deep.equal(el.getConsent());
    });

    it('an element removed before it has finished starting does not watch the page', async () => {
      const host = document.createElement('div');
      host.innerHTML = SHOP;
      document.body.append(host);
      const old = host.querySelector('keksi-consent') as KeksiConsent;
      host.remove();
      await old.ready;
      const el = await mount(SHOP);
      el.acceptAll();
      addGated('analytics', "window.__ran.push('once')");
      await gateDone();
      expect(window.__ran).to.deep.equal(['once']);
    });

    it('put back while another one runs, it stays stopped: one gate, one opener, one warning', async () => {
      const old = await removed();
      const el = await mount(SHOP);
      const warnings = await captureWarnings(() => document.body.append(old));
      expect(warnings).to.deep.equal(['[keksi] there is more than one <keksi-consent> on the page; only the first one runs.']);
      expect(KeksiConsent.live).to.equal(el);
      el.acceptAll();
      addGated('analytics', "window.__ran.push('once')");
      await gateDone();
      expect(window.__ran).to.deep.equal(['once']);
      const opener = document.createElement('button');
      opener.setAttribute('data-keksi-open', '');
      document.body.append(opener);
      opener.click();
      await until(() => prefsOf(el)?.querySelector('dialog[open]'), 'the running element opens the preferences');
      await settled(old);
      expect(prefsOf(old)?.querySelector('dialog[open]') ?? null, 'the stopped element opens nothing').to.equal(null);
      old.remove();
      opener.remove();
    });

    it('put back when none runs, it runs again', async () => {
      const old = await removed();
      document.body.append(old);
      expect(KeksiConsent.live).to.equal(old);
      old.acceptAll();
      addGated('analytics', "window.__ran.push('again')");
      await gateDone();
      expect(window.__ran).to.deep.equal(['again']);
      expect(readConsentCookie().a).to.deep.equal(['analytics', 'marketing']);
      old.remove();
    });

    it('a window.keksi call made while none runs is applied when the removed element is put back', async () => {
      const old = await removed();
      const warnings = await captureWarnings(() => api.acceptAll());
      expect(warnings).to.deep.equal(['[keksi] no <keksi-consent> runs: acceptAll() waits for one.']);
      const ready = nextEvent(document, 'keksi-ready');
      document.body.append(old);
      await ready;
      expect(old.has('analytics'), 'the waiting call reached the element put back').to.equal(true);
      expect(readConsentCookie().a).to.deep.equal(['analytics', 'marketing']);
      old.remove();
    });

    it('a window.keksi call made while none runs is applied by a new element, never by the stopped one', async () => {
      const old = await removed();
      api.setConsent(['analytics']);
      const el = await mount(SHOP);
      expect(el.has('analytics')).to.equal(true);
      expect(readConsentCookie().a).to.deep.equal(['analytics']);
      expect(old.getConsent(), 'the stopped element reads the cookie').to.deep.equal(el.getConsent());
    });

    it("a stopped element's getConsent() tells what the cookie holds now, not what it last held", async () => {
      const old = await removed();
      const el = await mount(SHOP);
      el.acceptAll();
      expect(old.getConsent()?.accepted).to.deep.equal(['necessary', 'analytics', 'marketing']);
      el.rejectAll();
      expect(old.getConsent()?.accepted).to.deep.equal(['necessary']);
      expect(old.has('analytics')).to.equal(false);
      el.reset();
      expect(old.getConsent()).to.equal(null);
    });

    // Firefox can show a page an older record again (see ConsentStore.sync()): the running element writes
    // its own choice back; a stopped one must not write its older one over the running element's.
    it('a stopped element that reads an older record the browser shows again writes nothing', async () => {
      const old = await mount(SHOP);
      old.setConsent(['analytics']);
      const decided = Date.parse(old.getConsent()!.timestamp);
      old.parentElement!.remove();
      const el = await mount(SHOP);
      el.rejectAll();
      storeConsent(['analytics', 'marketing'], [], { t: new Date(decided - 1000).toISOString() });
      old.getConsent();
      expect(readConsentCookie().a, 'not the stopped element’s choice').to.deep.equal(['analytics', 'marketing']);
      // The running element looks at the cookie once a task (it wrote the rejection in this one).
      await Promise.resolve();
      expect(el.has('analytics'), 'the running element refuses the older record').to.equal(false);
      expect(readConsentCookie().a).to.deep.equal([]);
    });

    it("<keksi-notice>'s button opens the running element's preferences, also with a stopped one before it in the page", async () => {
      const old = await removed();
      const el = await mount(SHOP);
      document.body.prepend(old);
      const host = document.createElement('div');
      host.innerHTML = '<keksi-notice lang="en"><h2>Our notice</h2></keksi-notice>';
      document.body.append(host);
      const notice = host.querySelector('keksi-notice')!;
      const button = await until(() => notice.shadowRoot?.querySelector<HTMLButtonElement>('[part=consent] button'), 'the notice’s consent box');
      const warnings = await captureWarnings(() => button!.click());
      await until(() => prefsOf(el)?.querySelector('dialog[open]'), 'the running element opens the preferences');
      expect(warnings).to.deep.equal([]);
      prefsOf(el)!.querySelector('dialog')!.close();
      host.remove();
      old.remove();
    });

    // A returning visitor's element, with no banner (the banner moved along: the next test).
    it('moved into another document (a same-origin iframe), it stops: it no longer gates this page, and a call waits for one that runs here', async () => {
      storeConsent([], ['analytics', 'marketing']);
      const el = await mount(SHOP);
      const frame = document.createElement('iframe');
      document.body.append(frame);
      await until(() => frame.contentDocument?.body, 'the frame’s document');
      frame.contentDocument!.body.append(el);
      // A boolean: an element of another document in an assertion's message stalls the test runner.
      expect(KeksiConsent.live === undefined, 'no element runs this page').to.equal(true);
      const rejected = readConsentCookie();
      api.acceptAll();
      expect(readConsentCookie(), 'the moved element decided nothing').to.deep.equal(rejected);
      const seen = observed();
      addGated('necessary', "window.__ran.push('after the move')");
      await seen;
      expect(window.__ran, 'its gate no longer watches this page').to.deep.equal([]);
      frame.remove();
      const next = await mount(SHOP);
      expect(next.has('analytics'), 'the waiting call reached the next element that runs here').to.equal(true);
    });

    // Firefox gives an element adopted into a frame's document that document's prototype: the banner's
    // own methods are gone while its callbacks still run (disconnect, the size watch, a page key press).
    it("moved into another document with its banner open, nothing is thrown into the page and the page's padding is taken back", async () => {
      const el = await mount(`<keksi-consent categories="analytics" no-reopen-button></keksi-consent>`);
      const banner = el.shadowRoot!.querySelector('keksi-banner')!;
      await until(() => document.documentElement.style.getPropertyValue('scroll-padding-bottom'), "the banner's scroll padding on the page");
      const thrown: string[] = [];
      const onError = (e: ErrorEvent) => thrown.push(String(e.message));
      window.addEventListener('error', onError);
      const frame = document.createElement('iframe');
      document.body.append(frame);
      try {
        await until(() => frame.contentDocument?.body, 'the frame’s document');
        const resized = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        frame.contentDocument!.body.append(el);
        // The frame is narrower than the page: the banner's box changes size there (its size watch fires).
        await resized;
        document.body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        expect(thrown, 'thrown into the page').to.deep.equal([]);
        expect(document.documentElement.style.getPropertyValue('scroll-padding-bottom'), "the page's scroll padding").to.equal('');
        expect(banner.isConnected, 'moved with its element').to.equal(true);
      } finally {
        window.removeEventListener('error', onError);
        frame.remove();
      }
    });

    // Last: the early gate is one per page (the script-tag entry's, src/entry/returning-visitor.ts).
    it("a returning visitor's early gate is taken over once: a later element gates with a gate of its own", async () => {
      storeConsent(['analytics'], ['marketing']);
      gateEarly((n) => ({ categories: 'analytics marketing' })[n] ?? null);
      await removed();
      const el = await mount(SHOP);
      expect(el.has('analytics')).to.equal(true);
      addGated('analytics', "window.__ran.push('late')");
      await gateDone();
      expect(window.__ran).to.deep.equal(['late']);
    });
  });
});
