/**
 * What Keksi's built-in services (Keksi itself, Google Analytics, Google Ads, Tag Manager, Meta pixel)
 * do, in each language: shown in the preferences dialog and the notice's cookie section.
 */
export const PURPOSES = {
  ga: {
    fi: 'Kävijätilastot: mitä sivuja katsotaan ja miten sivustoa käytetään.',
    sv: 'Besöksstatistik: vilka sidor som visas och hur webbplatsen används.',
    en: 'Visitor statistics: which pages are viewed and how the site is used.',
  },
  ads: { fi: 'Google-mainosten tehon mittaaminen ja kohdentaminen.', sv: 'Mäter och riktar annonser på Google.', en: 'Measuring and targeting Google ads.' },
  gtm: {
    fi: 'Lataa sivuston mittaus- ja markkinointitagit valintojesi mukaan.',
    sv: 'Laddar webbplatsens mät- och marknadsföringstaggar enligt dina val.',
    en: 'Loads the site’s measurement and marketing tags according to your choices.',
  },
  meta: {
    fi: 'Facebook- ja Instagram-mainosten tehon mittaaminen ja kohdentaminen.',
    sv: 'Mäter och riktar annonser på Facebook och Instagram.',
    en: 'Measuring and targeting ads on Facebook and Instagram.',
  },
  keksi: { fi: 'Muistaa evästevalintasi.', sv: 'Kommer ihåg dina val om kakor.', en: 'Remembers your cookie choices.' },
};
