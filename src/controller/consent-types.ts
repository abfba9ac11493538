/** The seven Consent Mode v2 types: what configure()'s `consentMode` may name (merge-options.ts, whose chunk carries them). Google's own list (integrations/google.ts) is made from its CONSENT_MAP; a browser test checks the two agree. */
export const CONSENT_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;
