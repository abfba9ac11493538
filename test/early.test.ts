/**
 * The script-tag entry's fast path (src/entry/returning-visitor.ts), in a page of its own: its gate is one per page.
 * The tests run in order: the gate is created by the last one.
 */
import { expect } from '@open-wc/testing';
import { earlyConsent, gateEarly } from '../src/entry/returning-visitor.js';
import { clearCookies, storeConsent } from './helpers.js';

const attrs = (a: Record<string, string>) => (name: string) => a[name] ?? null;

describe('early gating (the script-tag entry, before the controller)', () => {
  before(() => {
    clearCookies();
    window.__ran = [];
    document.body.insertAdjacentHTML(
      'beforeend',
      `<script type="text/plain" data-category="analytics">window.__ran.push('analytics')</script>
       <script type="text/plain" data-category="marketing">window.__ran.push('marketing')</script>`,
    );
  });
  after(() => clearCookies());

  it('does nothing on a first visit', () => {
    expect(gateEarly(attrs({ categories: 'analytics marketing' }))).to.equal(false);
    expect(earlyConsent()).to.equal(null);
    expect(window.__ran).to.deep.equal([]);
  });

  it('leaves a page with Google or Meta tags to the controller, which must send the consent first', () => {
    storeConsent(['analytics', 'marketing'], []);
    for (const tag of ['ga', 'gtm', 'google-ads', 'meta-pixel']) {
      expect(gateEarly(attrs({ categories: 'analytics marketing', [tag]: 'G-ABC1234' })), tag).to.equal(true);
    }
    (window as { dataLayer?: unknown[] }).dataLayer = [];
    expect(gateEarly(attrs({ categories: 'analytics marketing' })), 'the page has a dataLayer').to.equal(true);
    delete (window as { dataLayer?: unknown[] }).dataLayer;
    expect(earlyConsent()).to.equal(null);
    expect(window.__ran).to.deep.equal([]);
  });

  it('does not gate on a choice that no longer applies (another revision)', () => {
    expect(gateEarly(attrs({ categories: 'analytics marketing', revision: '2' }))).to.equal(true);
    expect(earlyConsent()).to.equal(null);
    expect(window.__ran).to.deep.equal([]);
  });

  it('reads the cookie named by cookie-name', () => {
    clearCookies();
    storeConsent(['analytics'], ['marketing'], {}, 'shop_consent');
    expect(gateEarly(attrs({ categories: 'analytics marketing' }))).to.equal(false);
    expect(window.__ran).to.deep.equal([]);
  });

  it('gates on a stored choice that applies: granted categories run, the rest stay off', () => {
    expect(gateEarly(attrs({ categories: 'analytics marketing', 'cookie-name': 'shop_consent' }))).to.equal(true);
    expect(earlyConsent()!.accepted).to.deep.equal(['necessary', 'analytics']);
    expect(window.__ran).to.deep.equal(['analytics']);
  });
});
