/**
 * What Keksi's built-in services (Keksi itself, Google, Meta and the trackers of integrations/*.ts)
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
  matomo: {
    fi: 'Kävijätilastot sivuston omalla Matomo-palvelimella: mitä sivuja katsotaan ja miten sivustoa käytetään.',
    sv: 'Besöksstatistik på webbplatsens egen Matomo-server: vilka sidor som visas och hur webbplatsen används.',
    en: 'Visitor statistics on the site’s own Matomo server: which pages are viewed and how the site is used.',
  },
  clarity: {
    fi: 'Istuntotallenteet ja lämpökartat: miten sivustoa käytetään.',
    sv: 'Sessionsinspelningar och värmekartor: hur webbplatsen används.',
    en: 'Session recordings and heatmaps: how the site is used.',
  },
  uet: {
    fi: 'Microsoft Advertising -mainosten (Bing) tehon mittaaminen ja kohdentaminen.',
    sv: 'Mäter och riktar annonser i Microsoft Advertising (Bing).',
    en: 'Measuring and targeting Microsoft Advertising (Bing) ads.',
  },
  tiktok: {
    fi: 'TikTok-mainosten tehon mittaaminen ja kohdentaminen.',
    sv: 'Mäter och riktar annonser på TikTok.',
    en: 'Measuring and targeting ads on TikTok.',
  },
  pinterest: {
    fi: 'Pinterest-mainosten tehon mittaaminen ja kohdentaminen.',
    sv: 'Mäter och riktar annonser på Pinterest.',
    en: 'Measuring and targeting ads on Pinterest.',
  },
  linkedin: {
    fi: 'LinkedIn-mainosten tehon mittaaminen ja kohdentaminen.',
    sv: 'Mäter och riktar annonser på LinkedIn.',
    en: 'Measuring and targeting ads on LinkedIn.',
  },
  hotjar: {
    fi: 'Lämpökartat, istuntotallenteet ja kyselyt: miten sivustoa käytetään.',
    sv: 'Värmekartor, sessionsinspelningar och enkäter: hur webbplatsen används.',
    en: 'Heatmaps, session recordings and surveys: how the site is used.',
  },
  keksi: { fi: 'Muistaa evästevalintasi.', sv: 'Kommer ihåg dina val om kakor.', en: 'Remembers your cookie choices.' },
};

/**
 * What the embedded videos the README gates do (ui/views.ts VIDEO_SERVICES). Only code that lists a
 * video as a service imports them (the configurator), so the visitor's bundles do not carry them.
 */
export const VIDEO_PURPOSES = {
  youtube: {
    fi: 'Näyttää sivulle upotetut YouTube-videot. Google voi seurata videoiden katselua ja käyttää tietoja mainontaan.',
    sv: 'Visar inbäddade YouTube-videor. Google kan följa hur videorna ses och använda uppgifterna för annonsering.',
    en: 'Shows embedded YouTube videos. Google may follow how the videos are watched and use the data for advertising.',
  },
  vimeo: {
    fi: 'Näyttää sivulle upotetut Vimeo-videot. Vimeo saa katsojan IP-osoitteen ja laitteen tiedot.',
    sv: 'Visar inbäddade Vimeo-videor. Vimeo får tittarens IP-adress och uppgifter om enheten.',
    en: 'Shows embedded Vimeo videos. Vimeo receives the viewer’s IP address and device details.',
  },
};
