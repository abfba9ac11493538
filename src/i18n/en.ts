/** English. */
import type { Translation } from './translation.js';

export const en: Translation = {
  title: 'Cookies',
  text: 'We use necessary cookies to make the shop work. We use other cookies only if you allow them. You can change your choice at any time.',
  gpc: 'Your browser says you do not want your data shared (Global Privacy Control), so “Accept all” does not accept marketing.',
  notice: 'Privacy notice',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settings: 'Settings',
  save: 'Save choices',
  close: 'Close',
  prefsTitle: 'Cookie settings',
  prefsText: 'Choose what we may use cookies for. Necessary cookies are always on.',
  alwaysOn: 'Always on',
  categories: {
    necessary: { title: 'Necessary', description: 'Basic functions of the shop, such as the cart, signing in and this choice.' },
    preferences: { title: 'Preferences', description: 'Remember your choices, such as language and region.' },
    analytics: { title: 'Analytics', description: 'Help us understand how the site is used so that we can improve it.' },
    marketing: { title: 'Marketing', description: 'Let us target ads and measure how well they work, also on other sites.' },
  },
  embedText: 'This content is shown only if you allow cookies: {c}.',
  embedAllow: 'Allow {c} and show',
  services: 'Services',
  provider: 'Provider',
  cookies: 'Cookies',
  days: 'days',
  session: 'session',
  outsideEu: 'Data may be transferred outside the EU/EEA.',
};
