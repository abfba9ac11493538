/**
 * The trackers' cookies (sub-day ones as 1 day, months as their longest), policy addresses and whether
 * their data leaves the EU, by attribute (config.ts TRACKERS): what the dialog and the notice list
 * (views.ts `servicesOf(…, details)`). Not in the banner's chunk: the banner names each provider only, and
 * on the ES module build this module is the dialog's (issue 17: a first visit that never opens it does not fetch it).
 */
import { tokens } from '../core/attributes.js';
import type { KeksiConfig } from '../controller/config.js';

/** By attribute: the policy's address ('' for none), the cookies as [name, days], whether data leaves the EU. */
export type TrackerDetails = (own: NonNullable<KeksiConfig['trackers']>) => Record<string, [string, [string, number][], boolean]>;

export const trackerDetails: TrackerDetails = (own) => {
  const MICROSOFT = 'https://www.microsoft.com/privacy/privacystatement';
  return {
    matomo: [
      '',
      [
        ['_pk_id', 396],
        ['_pk_ses', 1],
        ['_pk_ref', 184],
      ],
      false,
    ],
    clarity: [
      MICROSOFT,
      [
        ['_clck', 365],
        ['_clsk', 1],
        ['CLID', 365],
        ['ANONCHK', 1],
        ['MR', 7],
        ['MUID', 390],
        ['SM', 0],
      ],
      true,
    ],
    uet: [
      MICROSOFT,
      [
        ['_uetsid', 1],
        ['_uetvid', 390],
        ['MUID', 390],
      ],
      true,
    ],
    'tiktok-pixel': [
      'https://www.tiktok.com/legal/page/eea/privacy-policy/en',
      [
        ['_ttp', 390],
        ['_tt_enable_cookie', 390],
      ],
      true,
    ],
    'pinterest-tag': [
      'https://policy.pinterest.com/privacy-policy',
      [
        ['_pin_unauth', 365],
        ['_pinterest_ct_ua', 365],
      ],
      true,
    ],
    'linkedin-partner': [
      'https://www.linkedin.com/legal/privacy-policy',
      [
        ['li_sugr', 90],
        ['bcookie', 365],
        ['lidc', 1],
        ['UserMatchHistory', 30],
        ['AnalyticsSyncHistory', 30],
      ],
      true,
    ],
    hotjar: [
      'https://www.hotjar.com/legal/policies/privacy/',
      [
        ['_hjSessionUser_' + tokens(own.hotjar?.value)[0], 365],
        ['_hjSession_' + tokens(own.hotjar?.value)[0], 1],
      ],
      true,
    ],
  };
};
