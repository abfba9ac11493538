/**
 * Microsoft Advertising UET with its consent mode
 * (https://help.ads.microsoft.com/#apex/ads/en/60119/1: `uetq.push('consent', 'default' | 'update',
 * { ad_storage })`), category marketing. The default (denied) is in `uetq` before bat.js loads; an
 * update follows every change. basic mode loads bat.js after marketing consent; advanced at once.
 */
import { loadScript } from '../core/gating.js';
import { options } from '../core/options.js';
import type { TrackerModule } from './tracker-kit.js';
import { own } from '../core/doc.js';

type UetWindow = Window & { uetq?: unknown[]; UET?: new (o: object) => unknown[] };

export const BAT_URL = 'https://bat.bing.com/bat.js';
export const cookies = ['_uetsid', '_uetvid', 'MUID'];

export const start: TrackerModule['start'] = (_name, [id], config, granted, follow) => {
  const w = window as UetWindow;
  // Not an element named uetq (DOM clobbering): pushing to it threw, and UET never loaded.
  const queue = () => (w.uetq = (own('uetq') as unknown[]) || []);
  let loaded = false;
  queue().push('consent', 'default', { ad_storage: 'denied' });
  return follow((now, first) => {
    if (now || !first) queue().push('consent', 'update', { ad_storage: now ? 'granted' : 'denied' });
    if (!loaded && (now || config.consentMode == 'advanced')) {
      loaded = true;
      // What UET's own snippet does once bat.js has loaded: the tag takes over the queue.
      loadScript(options.scriptUrls.uet || BAT_URL).onload = () => {
        if (typeof w.UET == 'function') (w.uetq = new w.UET({ ti: id, enableAutoSpaTracking: true, q: queue() })).push('pageLoad');
      };
    }
  });
};
