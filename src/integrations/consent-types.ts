/** The seven Consent Mode v2 types: what configure()'s `consentMode` may name (merge-options.ts) and Google is told (google.ts). */
export const CONSENT_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;
