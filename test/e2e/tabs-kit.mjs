// What the tests of another tab's decisions and resets share (holds-tabs, attack7-tabs): the banner's state, where
// focus is through shadow roots, and the fail-closed check. The page functions are self-contained (both drivers send
// their source).
import assert from 'node:assert/strict';
import { gateDone, poll } from './harness.mjs';

/** In the page: whether this tab's banner is open. */
export const bannerOpen = () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.open;

/** In the page: what Keksi's live region says. */
export const liveRegion = () => document.querySelector('keksi-consent').shadowRoot.querySelector('[role=status]').textContent;

/** In the page: the focused element through shadow roots. */
export const deepFocus = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el && { tag: el.localName, id: el.id, part: el.getAttribute('part'), body: el === document.body };
};

/** Focus a button of this tab's banner (`part`: accept-all, reject-all, settings). */
export const focusBannerButton = (page, part) =>
  page.evaluate(
    (part) => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector(`[part~="${part}"]`).focus(),
    part,
  );

/** Waits until `where(deepFocus())` holds, failing with where focus is. */
export const focusSettles = (page, where, what) =>
  poll(async () => where(await page.evaluate(deepFocus)), what).catch(async (e) => {
    throw new Error(`${e.message}; focus is on ${JSON.stringify(await page.evaluate(deepFocus))}`);
  });

/** Fails closed: a gated analytics script added now does not run. */
export async function lateGatedStaysOff(page, when = 'after the reset') {
  await page.evaluate(() => {
    const s = Object.assign(document.createElement('script'), { type: 'text/plain', text: 'window.__late = true' });
    s.setAttribute('data-category', 'analytics');
    document.body.append(s);
  });
  await gateDone(page);
  assert.equal(await page.evaluate(() => window.__late ?? false), false, `a gated analytics script ran ${when}`);
}
