/**
 * Meta (Facebook) pixel with Meta's consent API: the queue starts with `fbq('consent','revoke')`
 * before `init`; `grant` on marketing consent, `revoke` on withdrawal. In basic mode fbevents.js is
 * loaded only after consent.
 */
import type { KeksiConfig } from '../core/config.js';
import { loadScript } from '../core/gating.js';
import { options } from '../core/options.js';

type Fbq = ((...args: unknown[]) => void) & { callMethod?: (...a: unknown[]) => void; queue: unknown[]; push: unknown; loaded: boolean; version: string };
type MetaWindow = Window & { fbq?: Fbq; _fbq?: Fbq };

export const FBEVENTS_URL = 'https://connect.facebook.net/en_US/fbevents.js';

/** The page's `fbq`, or the queueing stub Meta's base code defines, without loading fbevents.js. */
export function fbq(...args: unknown[]): void {
  const w = window as MetaWindow;
  if (!w.fbq) {
    const n = function (this: unknown) {
      // eslint-disable-next-line prefer-rest-params
      n.callMethod ? n.callMethod.apply(n, arguments as unknown as unknown[]) : n.queue.push(arguments);
    } as Fbq;
    n.push = n;
    n.loaded = true;
    n.version = '2.0';
    n.queue = [];
    w.fbq = n;
    w._fbq = w._fbq || n;
  }
  w.fbq(...args);
}

export function startMeta(config: KeksiConfig, granted: (category: string) => boolean) {
  if (!config.metaPixel.length) return () => {};
  const advanced = config.consentMode === 'advanced';
  let allowed = granted('marketing');
  let loaded = false;
  fbq('consent', allowed ? 'grant' : 'revoke');
  for (const id of config.metaPixel) fbq('init', id);
  fbq('track', 'PageView');
  const load = () => {
    if (!loaded && (advanced || allowed)) {
      loaded = true;
      loadScript(options.scriptUrls.fbevents || FBEVENTS_URL);
    }
  };
  load();
  return () => {
    const now = granted('marketing');
    if (now !== allowed) fbq('consent', now ? 'grant' : 'revoke');
    allowed = now;
    load();
  };
}
