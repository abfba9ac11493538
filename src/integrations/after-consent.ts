/**
 * Pinterest tag, LinkedIn Insight Tag and Hotjar: none has a consent API that keeps its cookies away,
 * so each loads only after its category is granted (Pinterest and LinkedIn: marketing; Hotjar:
 * analytics), in any consent mode. A script that has run cannot be unloaded: on withdrawal Keksi
 * deletes their cookies and the tracker is not loaded on the next page (`reload-on-withdraw` reloads
 * at once). Queues as in each vendor's own snippet.
 */
import { loadScript } from '../core/gating.js';
import { options } from '../core/options.js';
import type { TrackerModule } from './tracker-kit.js';
import { own } from '../core/doc.js';

type Queue = ((...args: unknown[]) => void) & { queue?: unknown[]; q?: unknown[]; version?: string };
type VendorWindow = Window & { pintrk?: Queue; lintrk?: Queue; _linkedin_data_partner_ids?: string[]; hj?: Queue; _hjSettings?: object };

export const cookies = {
  'pinterest-tag': ['_pin_unauth', '_pinterest_ct_ua', '_pinterest_sess', '_epik'],
  'linkedin-partner': ['li_sugr', 'bcookie', 'lidc', 'UserMatchHistory', 'AnalyticsSyncHistory', 'li_fat_id'],
  hotjar: ['_hjSessionUser_*', '_hjSession_*', '_hjFirstSeen', '_hjIncludedInSessionSample*', '_hjAbsoluteSessionInProgress'],
};

const VENDORS: Record<string, (w: VendorWindow, ids: string[]) => string> = {
  // https://help.pinterest.com/en/business/article/install-the-pinterest-tag
  'pinterest-tag': (w, ids) => {
    if (typeof w.pintrk != 'function') {
      const q: Queue = (...args) => q.queue!.push(args);
      q.queue = [];
      q.version = '3.0';
      w.pintrk = q;
    }
    for (const id of ids) w.pintrk!('load', id);
    w.pintrk!('page');
    return options.scriptUrls.pinterest || 'https://s.pinimg.com/ct/core.js';
  },
  // https://learn.microsoft.com/en-us/linkedin/marketing/conversions/enabling-insight-tag
  'linkedin-partner': (w, ids) => {
    // Not an element of that id (DOM clobbering): a <form>'s controls were spread into the ids.
    w._linkedin_data_partner_ids = [...((own('_linkedin_data_partner_ids') as string[]) || []), ...ids];
    if (typeof w.lintrk != 'function') {
      const q: Queue = (...args) => q.q!.push(args);
      q.q = [];
      w.lintrk = q;
    }
    return options.scriptUrls.linkedin || 'https://snap.licdn.com/li.lms-analytics/insight.min.js';
  },
  // https://help.hotjar.com/hc/en-us/articles/115009336727-How-to-Install-Your-Hotjar-Tracking-Code
  hotjar: (w, [id]) => {
    if (typeof w.hj != 'function')
      w.hj = function () {
        // eslint-disable-next-line prefer-rest-params
        (w.hj!.q ||= []).push(arguments);
      };
    w._hjSettings = { hjid: +id, hjsv: 6 };
    return options.scriptUrls.hotjar || `https://static.hotjar.com/c/hotjar-${id}.js?sv=6`;
  },
};

export const start: TrackerModule['start'] = (name, ids, _config, _granted, follow) => {
  let loaded = false;
  return follow((now) => {
    if (now && !loaded) {
      loaded = true;
      loadScript(VENDORS[name](window as VendorWindow, ids));
    }
  });
};
