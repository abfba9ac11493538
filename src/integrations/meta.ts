/**
 * Meta (Facebook) pixel with Meta's consent API: the queue starts with `fbq('consent','revoke')`
 * before `init`; `grant` on marketing consent, `revoke` on withdrawal. In basic mode fbevents.js is
 * loaded only after consent. The shop's own base code, gated, runs only after consent (so `grant` is
 * implied then) and is told every change after it has run.
 */
import type { KeksiConfig } from '../controller/config.js';
import { VENDOR_SNIPPETS, gatedSnippet } from '../core/trackers.js';
import { own } from '../core/doc.js';
import { loadScript } from '../core/gating.js';
import { warn } from '../core/log.js';
import { options } from '../core/options.js';

type Fbq = ((...args: unknown[]) => void) & { callMethod?: (...a: unknown[]) => void; queue: unknown[]; push: unknown; loaded: boolean; version: string };
type MetaWindow = Window & { fbq?: Fbq; _fbq?: Fbq };

export const FBEVENTS_URL = 'https://connect.facebook.net/en_US/fbevents.js';

/** The page's `fbq`, or the queueing stub Meta's base code defines, without loading fbevents.js. */
export function fbq(...args: unknown[]): void {
  const w = window as MetaWindow;
  if (typeof w.fbq != 'function') {
    const n = function (this: unknown) {
      // The vendor's own snippet shape: forward the call's arguments object as it is.
      // eslint-disable-next-line prefer-rest-params, prefer-spread
      n.callMethod ? n.callMethod.apply(n, arguments as unknown as unknown[]) : n.queue.push(arguments);
    } as Fbq;
    n.push = n;
    n.loaded = true;
    n.version = '2.0';
    n.queue = [];
    w.fbq = n;
    w._fbq = (own('_fbq') as Fbq | undefined) || n;
  }
  w.fbq(...args);
}

/** Drive Meta's pixel: the configured one, and any `fbq` on the page (the shop's own base code). */
export function startMeta(config: KeksiConfig, granted: (category: string) => boolean) {
  const w = window as MetaWindow;
  const ours = config.metaPixel.length;
  if (ours && gatedSnippet([VENDOR_SNIPPETS[1]])) warn('meta-pixel and a gated Meta base code both run; keep one.');
  const advanced = config.consentMode === 'advanced';
  let loaded = false;
  /** What fbq was last told: undefined until it has been, or while a base code yet to run would run denied. */
  let told: boolean | undefined;
  /** Which fbq was told: one the page put in its place since (a base code without Meta's `if (f.fbq) return`) is told again. */
  let teller: unknown;
  const tell = () => {
    // Meta's own switch (per-service choice): marketing granted with the pixel switched off is a revoke.
    const now = granted('marketing:meta-pixel');
    // The page's own fbq, never an element of that id (injected HTML on a Google-only page made an fbq); `w.fbq`
    // below is read after fbq() defined it, or is that own one.
    if (ours || own('fbq')) {
      if (now !== told || w.fbq !== teller) fbq('consent', now ? 'grant' : 'revoke');
      told = now;
      teller = w.fbq;
    } else told = now || undefined;
  };
  tell();
  for (const id of config.metaPixel) fbq('init', id);
  if (ours) fbq('track', 'PageView');
  const load = () => {
    if (ours && !loaded && (advanced || told)) {
      loaded = true;
      loadScript(options.scriptUrls.fbevents || FBEVENTS_URL);
    }
  };
  load();
  return () => {
    tell();
    load();
  };
}
