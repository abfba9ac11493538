/**
 * Issue 11 "Consent that holds", the cookie part, in the browser: a choice survives a polluted page
 * (Object.prototype keys, Prototype.js's Array#toJSON), odd cookie names, a cookie-name that belongs
 * to the shop, and clean-up patterns that would match the consent cookie.
 */
import { expect } from '@open-wc/testing';
import { deleteCookies } from '../src/controller/cleanup.js';
import { parseConsentCookie } from '../src/core/record.js';
import { gateEarly } from '../src/entry/returning-visitor.js';
import { bannerOf, captureWarnings, clearCookies, mount, readConsentCookie, storeConsent, unmountAll } from './helpers.js';
import { gateDone } from './wait.js';

const SHOP = (attrs = '') => `<script type="text/plain" data-category="analytics">window.__ran.push('analytics')</script>
  <keksi-consent categories="analytics marketing" no-reopen-button ${attrs}></keksi-consent>`;
const proto = Object.prototype as Record<string, unknown>;
const arrayProto = Array.prototype as unknown as Record<string, unknown>;

describe('consent that holds: the cookie', () => {
  beforeEach(() => clearCookies());
  afterEach(() => {
    unmountAll();
    clearCookies();
  });

  describe('a polluted page', () => {
    it('stores the choice when Object.prototype has enumerable keys (necessary, domain, expires)', async () => {
      const el = await mount(SHOP());
      const warnings = await captureWarnings(() => {
        proto.necessary = ['x'];
        proto.domain = ['evil.example'];
        proto.expires = ['never'];
        try {
          el.setConsent(['analytics']);
        } finally {
          delete proto.necessary;
          delete proto.domain;
          delete proto.expires;
        }
      });
      expect(warnings).to.deep.equal([]);
      expect(readConsentCookie()?.a).to.deep.equal(['analytics']);
    });

    it('stores a readable choice when Array.prototype.toJSON is overridden (Prototype.js)', async () => {
      const el = await mount(SHOP());
      // Prototype.js 1.6: an array serializes itself to a JSON *string*.
      arrayProto.toJSON = function (this: unknown[]) {
        return '[' + this.map((v) => JSON.stringify(v)).join(', ') + ']';
      };
      try {
        el.setConsent(['analytics']);
      } finally {
        delete arrayProto.toJSON;
      }
      expect(readConsentCookie()).to.include({ v: 2, r: 0 });
      expect(readConsentCookie()!.a).to.deep.equal(['analytics']);
      expect(readConsentCookie()!.x).to.deep.equal(['marketing']);
      unmountAll();
      const again = await mount(SHOP());
      expect(bannerOf(again)).to.equal(null);
      expect(again.getConsent()!.accepted).to.deep.equal(['necessary', 'analytics']);
    });

    it('reads no key of the record from a polluted Object.prototype', () => {
      const noAccepted = '{"v":1,"id":"6f1c1b2e","r":0,"t":"2026-01-01T00:00:00Z","x":["marketing"]}';
      proto.a = ['analytics'];
      try {
        expect(parseConsentCookie(noAccepted)).to.equal(null);
      } finally {
        delete proto.a;
      }
    });
  });

  describe('cookie names', () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      it(`remembers a choice stored under cookie-name="${name}"`, async () => {
        const el = await mount(SHOP(`cookie-name="${name}"`));
        const warnings = await captureWarnings(() => el.setConsent(['analytics']));
        expect(warnings, 'no "cookies blocked?"').to.deep.equal([]);
        unmountAll();
        const again = await mount(SHOP(`cookie-name="${name}"`));
        expect(bannerOf(again)).to.equal(null);
        expect(again.getConsent()!.accepted).to.deep.equal(['necessary', 'analytics']);
        expect(window.__ran).to.deep.equal(['analytics']);
      });
    }

    it('an absent cookie-name="constructor" is a first visit for the early gate', () => {
      expect(gateEarly((n) => ({ categories: 'analytics', 'cookie-name': 'constructor' })[n] ?? null)).to.equal(false);
    });
  });

  describe('a cookie-name that belongs to the shop', () => {
    it('is neither overwritten nor deleted; the choice holds for this page only, with a [keksi] warning', async () => {
      document.cookie = 'shop_session=abc123; path=/';
      let el!: Awaited<ReturnType<typeof mount>>;
      const warnings = await captureWarnings(async () => {
        el = await mount(SHOP('cookie-name="shop_session"'));
        expect(bannerOf(el), 'asked: no stored consent').to.not.equal(null);
        el.setConsent(['analytics']);
        expect(el.getConsent()!.accepted).to.deep.equal(['necessary', 'analytics']);
        el.reset();
      });
      expect(document.cookie).to.include('shop_session=abc123');
      expect(warnings.some((w) => w.startsWith('[keksi]') && w.includes('"shop_session"') && w.includes('not'))).to.equal(true);
      expect(warnings.every((w) => w.startsWith('[keksi]'))).to.equal(true);
    });

    it('the early gate does not gate on it', () => {
      document.cookie = 'shop_cart=' + encodeURIComponent('{"a":["analytics"]}') + '; path=/';
      window.__ran = [];
      gateEarly((n) => ({ categories: 'analytics', 'cookie-name': 'shop_cart' })[n] ?? null);
      expect(window.__ran).to.deep.equal([]);
    });
  });

  // Firefox can show a page an older value of a cookie the page has since overwritten or deleted, for a
  // while, when a same-origin frame was loading around the earlier write (seen in CI: the acceptance of
  // the test before, whose embed had just loaded, came back after that test's clean-up). Such a record
  // is older than what the page holds; another tab's choice never is.
  describe('an older record the browser shows again', () => {
    const aSecondAgo = () => new Date(Date.now() - 1000).toISOString();

    it('does not undo a rejection: nothing runs, the rejection is written again', async () => {
      const el = await mount(SHOP());
      const accepted = aSecondAgo();
      el.rejectAll();
      await gateDone();
      const rejected = readConsentCookie();
      storeConsent(['analytics', 'marketing'], [], { t: accepted });
      expect(el.has('analytics')).to.equal(false);
      await gateDone();
      expect(window.__ran).to.deep.equal([]);
      expect(readConsentCookie()).to.deep.equal(rejected);
    });

    it('is no choice on a first visit: the banner stays, nothing runs, the old record is deleted', async () => {
      const before = aSecondAgo();
      const el = await mount(SHOP());
      storeConsent(['analytics', 'marketing'], [], { t: before });
      expect(el.has('analytics')).to.equal(false);
      await gateDone();
      expect(window.__ran).to.deep.equal([]);
      expect(bannerOf(el)).to.not.equal(null);
      expect(readConsentCookie()).to.equal(undefined);
    });

    it('is taken when it grants less (a clock set back makes a newer rejection look older)', async () => {
      const el = await mount(SHOP());
      el.acceptAll();
      await gateDone();
      storeConsent([], ['analytics', 'marketing'], { t: aSecondAgo() });
      expect(el.has('analytics')).to.equal(false);
      expect(readConsentCookie().a).to.deep.equal([]);
    });

    it('does not undo a service switched off: an older record granting the whole category is refused', async () => {
      const el = await mount(SHOP());
      const accepted = aSecondAgo();
      el.setConsent(['analytics', 'marketing:google-ads']);
      await gateDone();
      const chosen = readConsentCookie();
      storeConsent(['analytics', 'marketing'], [], { t: accepted });
      expect(el.has('marketing:meta-pixel')).to.equal(false);
      expect(readConsentCookie()).to.deep.equal(chosen);
    });

    // Issue 17: on a first visit the controller's store starts from the core's look (no cookie), not a read of its own.
    it("another tab's choice made after the core found none, before the controller started, is taken", async () => {
      expect(
        gateEarly((n) => ({ categories: 'analytics marketing' })[n] ?? null),
        'a first visit',
      ).to.equal(false);
      storeConsent(['analytics'], ['marketing']);
      const decided = Date.parse(readConsentCookie().t);
      // The controller starts later than the other tab's choice (a bounded wait for the clock, not a fixed one).
      for (let i = 0; i < 1e4 && Date.now() <= decided; i++) await new Promise((r) => setTimeout(r));
      const el = await mount(SHOP());
      expect(el.has('analytics')).to.equal(true);
      expect(bannerOf(el)).to.equal(null);
      await gateDone();
      expect(window.__ran).to.deep.equal(['analytics']);
    });

    it("another tab's later choice is still taken", async () => {
      const el = await mount(SHOP());
      el.rejectAll();
      await gateDone();
      storeConsent(['analytics'], ['marketing'], { t: new Date(Date.parse(el.getConsent()!.timestamp) + 1).toISOString() });
      expect(el.has('analytics')).to.equal(true);
      await gateDone();
      expect(window.__ran).to.deep.equal(['analytics']);
    });
  });

  describe('clean-up', () => {
    it('never deletes the consent cookie, whatever the pattern', () => {
      storeConsent(['analytics'], ['marketing']);
      document.cookie = '_ga=GA1.1; path=/';
      const deleted = deleteCookies(['*', 'keksi_*', 'keksi_consent']);
      expect(deleted).to.not.include('keksi_consent');
      expect(deleted).to.include('_ga');
      expect(readConsentCookie()?.a).to.deep.equal(['analytics']);
      expect(document.cookie).to.not.include('_ga=');
    });
  });
});
