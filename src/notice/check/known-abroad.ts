/**
 * Services that small shops name in their notices and that process personal data outside the EU/EEA
 * (or pass it to a group company there), so a notice that names one must say how the transfer is
 * safeguarded (GDPR 13(1)(f), chapter V). Kept small and sourced: each entry names where the provider
 * itself says so. Review when a provider changes its terms. `words` are lower-case token prefixes;
 * `exact` are Finnish stems a whole token must have (for names that begin other words: "meta", "metatiedot").
 */
export interface KnownAbroad {
  name: string;
  words: string[];
  exact?: string[];
  /** Where the data goes, in short. */
  where: string;
  source: string;
}

export const KNOWN_ABROAD: readonly KnownAbroad[] = [
  {
    name: 'Google',
    words: ['google', 'gmail', 'youtube'],
    where: 'Google LLC, USA (Google Analytics, Ads, Gmail, Workspace)',
    source: 'https://policies.google.com/privacy/frameworks',
  },
  {
    name: 'Meta',
    words: ['facebook', 'instagram', 'whatsapp'],
    exact: ['meta'],
    where: 'Meta Platforms, Inc., USA (Facebook, Instagram, the Meta pixel)',
    source: 'https://www.facebook.com/privacy/policy/',
  },
  {
    name: 'Microsoft',
    words: ['microsoft', 'outlook', 'hotmail', 'linkedin'],
    where: 'Microsoft Corporation, USA (Outlook, Microsoft 365, LinkedIn)',
    source: 'https://privacy.microsoft.com/privacystatement',
  },
  {
    name: 'Mailchimp',
    words: ['mailchimp'],
    where: 'Intuit Mailchimp, USA',
    source: 'https://mailchimp.com/legal/data-processing-addendum/',
  },
  {
    name: 'Klaviyo',
    words: ['klaviyo'],
    where: 'Klaviyo, Inc., USA (all customer data is stored in the USA)',
    source: 'https://www.klaviyo.com/legal/privacy-faqs',
  },
  {
    name: 'Shopify',
    words: ['shopify'],
    where: 'Shopify Inc., Canada, and its processors in the USA',
    source: 'https://www.shopify.com/legal/privacy',
  },
  {
    name: 'Stripe',
    words: ['stripe'],
    where: 'Stripe, Inc., USA',
    source: 'https://stripe.com/privacy',
  },
  {
    name: 'PayPal',
    words: ['paypal'],
    where: 'PayPal group companies outside the EEA (binding corporate rules)',
    source: 'https://www.paypal.com/fi/legalhub/privacy-full',
  },
  {
    name: 'WHOIS',
    words: ['whois'],
    where: 'the registry and registrar of a generic top-level domain (.com: Verisign, USA) and ICANN’s registration data services',
    source: 'https://www.icann.org/resources/pages/registration-data-policy-2024-02-21-en',
  },
];
