/**
 * Microsoft Clarity with its Consent API v2
 * (https://learn.microsoft.com/en-us/clarity/setup-and-installation/clarity-consent-api-v2), category
 * analytics. Clarity's queue (the shape of its snippet) hears `consentv2` with `analytics_Storage`
 * (analytics) and `ad_Storage` (marketing) before the tag loads, and again on every change. basic mode
 * loads the tag after analytics consent; `consent-mode="advanced"` at once, cookieless until consent.
 */
import { loadScript } from '../core/gating.js';
import { options } from '../core/options.js';
import type { TrackerModule } from './tracker-kit.js';

type Clarity = ((...args: unknown[]) => void) & { q?: unknown[] };
type ClarityWindow = Window & { clarity?: Clarity };

export const CLARITY_URL = 'https://www.clarity.ms/tag/';
export const cookies = ['_clck', '_clsk', 'CLID', 'ANONCHK', 'MR', 'MUID', 'SM'];

export const start: TrackerModule['start'] = (_name, ids, config, granted) => {
  const w = window as ClarityWindow;
  if (typeof w.clarity != 'function')
    w.clarity = function () {
      // eslint-disable-next-line prefer-rest-params
      (w.clarity!.q ||= []).push(arguments);
    };
  const signal = (category: string) => (granted(category) ? 'granted' : 'denied');
  let told = '';
  let loaded = false;
  const after = () => {
    const consent = { ad_Storage: signal('marketing'), analytics_Storage: signal('analytics') };
    if (JSON.stringify(consent) != told) w.clarity!('consentv2', consent);
    told = JSON.stringify(consent);
    if (!loaded && (config.consentMode == 'advanced' || granted('analytics'))) {
      loaded = true;
      for (const id of ids) loadScript((options.scriptUrls.clarity || CLARITY_URL) + id);
    }
  };
  after();
  return after;
};
