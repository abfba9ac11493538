/**
 * When Keksi's work runs: after the page's first paint (so Keksi never competes with the shop's own
 * first content), or when the page is idle.
 */
import { guard } from './log.js';
import { doc } from './doc.js';

const FCP = 'first-contentful-paint';
/**
 * Resolves once the page has shown its first content (at once in a hidden tab, which paints nothing;
 * after a second at the latest): the chunks then never compete with the page's own first content.
 */
export const afterFirstPaint = (): Promise<void> =>
  new Promise((resolve) => {
    if (doc('visibilityState') === 'hidden' || performance.getEntriesByName(FCP).length) return resolve();
    const done = () => {
      observer?.disconnect();
      resolve();
    };
    const observer = guard('watching for the first paint', () => {
      const o = new PerformanceObserver((list) => list.getEntriesByName(FCP).length && done());
      o.observe({ type: 'paint' });
      return o;
    });
    setTimeout(done, 1000);
  });

/** Run `fn` when the page is idle (within a second); Safari has no requestIdleCallback. */
export const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 200);
};

const armed = new Set<() => unknown>();
/**
 * Call `fn` once more at the visitor's next press or key, or when the network comes back: how a load that
 * failed (a network blip) is asked for again (the controller, keksi-rest.js, the texts, Google's and Meta's
 * chunk, configure()'s). Armed once per `fn` until then.
 */
export const atNextChance = (fn: () => unknown): void => {
  if (armed.has(fn)) return;
  armed.add(fn);
  const go = () => armed.delete(fn) && fn();
  for (const type of ['online', 'pointerdown', 'keydown']) addEventListener(type, go, { capture: true, once: true });
};
