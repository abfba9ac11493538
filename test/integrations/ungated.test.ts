/**
 * A vendor's own snippet kept ungated next to Keksi (walk 3's N1): Keksi cannot stop it, but it says
 * so once, naming the address and the fix. A gated snippet and Keksi's own gtag.js say nothing.
 */
import { expect } from '@open-wc/testing';
import { captureWarnings, clearCookies, mount, storeConsent, unmountAll } from '../helpers.js';

type W = Window & { dataLayer?: unknown; gtag?: unknown; fbq?: unknown; _fbq?: unknown };
const w = window as W;

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123';
const FBEVENTS = 'https://connect.facebook.net/en_US/fbevents.js';
// Google's documented gtag.js snippet and the script Meta's pixel base code inserts, as a page has them.
const GOOGLE_SNIPPET = (attrs = '') => `<script async ${attrs} src="${GTAG}"></script>
<script ${attrs}>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-ABC123');</script>`;
const META_SCRIPT = `<script async src="${FBEVENTS}"></script>`;
const MATOMO = 'https://analytics.shop.example/matomo.js';
const SHOP = (attrs = '') => `<keksi-consent categories="analytics marketing" no-reopen-button ${attrs}></keksi-consent>`;
// A bad attribute: its message comes from the same diagnostics call, after the ungated one would have.
const SENTINEL = 'colour="red"';
const isSentinel = (s: string) => s.includes('unknown attribute "colour"');
const ungated = (said: string[]) => said.filter((s) => s.includes('without consent'));

describe('a vendor script left ungated next to Keksi', () => {
  afterEach(() => {
    unmountAll();
    for (const s of document.querySelectorAll('script[src*="googletagmanager"],script[src*="facebook"],script[src*="fbevents"],script[src*="matomo"]'))
      s.remove();
    // The activated inline snippet declared a global function gtag: not deletable, so Reflect (no throw).
    for (const name of ['dataLayer', 'gtag', 'fbq', '_fbq'] as const) Reflect.deleteProperty(w, name);
  });

  it("Google's snippet kept as Google gives it: one [keksi] message naming its address and the fix", async () => {
    const said = await captureWarnings(
      () => mount(GOOGLE_SNIPPET() + SHOP('ga="G-ABC123"')),
      (s) => ungated(s).length > 0,
    );
    expect(ungated(said)).to.deep.equal([
      `[keksi] a vendor's script runs without consent (Keksi cannot stop a script that is not gated): ${GTAG} — mark it type="text/plain" data-category="analytics" or remove it and use the \`ga\` attribute.`,
    ]);
  });

  it("Google's and Meta's scripts both ungated: one message naming both, each with its fix", async () => {
    const said = await captureWarnings(
      () => mount(GOOGLE_SNIPPET() + META_SCRIPT + SHOP()),
      (s) => ungated(s).length > 0,
    );
    expect(ungated(said)).to.deep.equal([
      `[keksi] a vendor's script runs without consent (Keksi cannot stop a script that is not gated): ${GTAG} — mark it type="text/plain" data-category="analytics" or remove it and use the \`ga\` attribute; ${FBEVENTS} — mark it type="text/plain" data-category="marketing" or remove it and use the \`meta-pixel\` attribute.`,
    ]);
  });

  it("a returning visitor's page with Matomo's own script ungated: one [keksi] message naming it (not only Google's and Meta's)", async () => {
    storeConsent(['analytics', 'marketing'], []);
    const said = await captureWarnings(
      () => mount(`<script async src="${MATOMO}"></script>` + SHOP()),
      (s) => ungated(s).length > 0,
    );
    expect(ungated(said)).to.deep.equal([
      `[keksi] a vendor's script runs without consent (Keksi cannot stop a script that is not gated): ${MATOMO} — mark it type="text/plain" data-category="analytics" or remove it and use the \`matomo\` attribute.`,
    ]);
  });

  it('the same snippet gated (type="text/plain" data-category): no message', async () => {
    const said = await captureWarnings(
      () => mount(GOOGLE_SNIPPET('type="text/plain" data-category="analytics"') + SHOP(SENTINEL)),
      (s) => s.some(isSentinel),
    );
    expect(ungated(said)).to.deep.equal([]);
  });

  it('a returning visitor: the gated snippet Keksi activated and its own gtag.js from the ga attribute: no message', async () => {
    storeConsent(['analytics', 'marketing'], []);
    const said = await captureWarnings(
      () => mount(GOOGLE_SNIPPET('type="text/plain" data-category="analytics"').replace(/G-ABC123/g, 'G-OTHER1') + SHOP(`ga="G-ABC123" ${SENTINEL}`)),
      (s) => s.some(isSentinel) && document.querySelectorAll(`script[src="${GTAG}"]`).length > 0,
    );
    expect(document.querySelector('script[src*="G-OTHER1"]')!.getAttribute('type')).to.not.equal('text/plain');
    expect(ungated(said)).to.deep.equal([]);
  });
  it('no choice on record after one was: the gtag.js Keksi itself loaded for it is not named (its resource entry stays)', async () => {
    performance.clearResourceTimings(); // the earlier tests' own (each file's tests share one page)
    storeConsent(['analytics', 'marketing'], []);
    await captureWarnings(
      () => mount(SHOP(`ga="G-ABC123" ${SENTINEL}`)),
      (s) => s.some(isSentinel) && document.querySelectorAll(`script[src="${GTAG}"]`).length > 0,
    );
    // The element goes, the page's gtag.js (loaded by Keksi, data-keksi) stays, as after reset().
    document.querySelector('keksi-consent')!.remove();
    clearCookies();
    const said = await captureWarnings(
      () => mount(SHOP(SENTINEL)),
      (s) => s.some(isSentinel),
    );
    expect(performance.getEntriesByType('resource').some((e) => e.name == GTAG)).to.equal(true);
    // Only this test's address: an earlier test's request may end (and enter the resource timing) after the clear.
    expect(ungated(said).filter((s) => s.includes(GTAG))).to.deep.equal([]);
  });
});
