/**
 * TikTok pixel with its consent calls (TikTok's "Cookie consent" guide for the pixel:
 * https://ads.tiktok.com/help/article/how-to-use-cookies-with-tiktok-pixel and the pixel's
 * `holdConsent` / `grantConsent` / `revokeConsent` methods), category marketing. `ttq` (the shape of the
 * base code's queue) hears `holdConsent` before `load` and `page`; `grantConsent` / `revokeConsent` on
 * each change. basic mode fetches events.js after marketing consent; advanced at once, held.
 */
import { loadScript } from '../core/gating.js';
import { options } from '../core/options.js';
import type { TrackerModule } from './tracker-kit.js';

type Ttq = unknown[] & Record<string, unknown> & { _i?: Record<string, unknown>; _t?: Record<string, number>; _o?: Record<string, object> };
type TikTokWindow = Window & { ttq?: Ttq; TiktokAnalyticsObject?: string };

export const TIKTOK_URL = 'https://analytics.tiktok.com/i18n/pixel/events.js';
export const cookies = ['_ttp', '_tt_enable_cookie', 'ttcsid*'];
const METHODS = [
  'page',
  'track',
  'identify',
  'instances',
  'debug',
  'on',
  'off',
  'once',
  'ready',
  'alias',
  'group',
  'enableCookie',
  'disableCookie',
  'holdConsent',
  'revokeConsent',
  'grantConsent',
];

export const start: TrackerModule['start'] = (_name, ids, config, granted, follow) => {
  const w = window as TikTokWindow;
  w.TiktokAnalyticsObject = 'ttq';
  const ttq = (w.ttq = Array.isArray(w.ttq) ? w.ttq : ([] as unknown as Ttq));
  for (const m of METHODS) ttq[m] ||= (...args: unknown[]) => ttq.push([m, ...args]);
  const call = (m: string, ...args: unknown[]) => (ttq[m] as (...a: unknown[]) => void)(...args);
  let loaded = false;
  call('holdConsent');
  return follow((now, first) => {
    if (now || !first) call(now ? 'grantConsent' : 'revokeConsent');
    if (!loaded && (now || config.consentMode == 'advanced')) {
      loaded = true;
      for (const id of ids) {
        // What the base code's ttq.load(id) records, with the script inserted by Keksi (nonce, Trusted Types).
        const url = options.scriptUrls.tiktok || TIKTOK_URL;
        (ttq._i ||= {})[id] = Object.assign([], { _u: url });
        (ttq._t ||= {})[id] = Date.now();
        (ttq._o ||= {})[id] = {};
        loadScript(url + '?sdkid=' + id + '&lib=ttq');
      }
      call('page');
    }
  });
};
