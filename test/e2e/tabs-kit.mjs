// What the tests of another tab's decisions and resets share (holds-tabs, attack7-tabs, attack8): the banner's state,
// where focus is through shadow roots, the fail-closed check, and another tab's steps. The page functions are self-contained (both drivers send
// their source).
import assert from 'node:assert/strict';
import { gateDone, keksiReady, poll, waitFor } from './harness.mjs';

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

/** Runs each of `steps` (in the page) in another tab of `url`, one after the other, each awaited until `done`; then this tab hears of it. */
export async function otherTab(context, page, steps, url = page.url()) {
  const other = await context.newPage();
  await other.goto(url);
  await keksiReady(other);
  for (const [step, done] of steps) {
    await other.evaluate(step);
    await waitFor(other, done);
  }
  await other.close();
  await page.bringToFront();
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}
/** Steps for otherTab(): forget the choice, accept all, reject all. */
export const reset = [() => keksi.reset(), () => !document.cookie.includes('keksi_consent=')];
export const accept = [() => keksi.acceptAll(), () => keksi.has('analytics')];
export const reject = [() => keksi.rejectAll(), () => !!keksi.getConsent() && !keksi.has('analytics')];
