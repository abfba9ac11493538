// cookieconsent configured like the Keksi pages: three categories, Finnish texts, shown to headless browsers.
CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, preferences: {}, analytics: {}, marketing: {} },
  language: {
    default: 'fi',
    translations: {
      fi: {
        consentModal: {
          title: 'Evästeet',
          description: 'Käytämme välttämättömiä evästeitä, jotta kauppa toimii. Muita evästeitä käytämme vain, jos annat luvan.',
          acceptAllBtn: 'Hyväksy kaikki',
          acceptNecessaryBtn: 'Hylkää kaikki',
          showPreferencesBtn: 'Asetukset',
        },
        preferencesModal: {
          title: 'Evästeasetukset',
          acceptAllBtn: 'Hyväksy kaikki',
          acceptNecessaryBtn: 'Hylkää kaikki',
          savePreferencesBtn: 'Tallenna valinnat',
          closeIconLabel: 'Sulje',
          sections: [
            { title: 'Välttämättömät', description: 'Kaupan perustoiminnot.', linkedCategory: 'necessary' },
            { title: 'Toiminnalliset', description: 'Muistavat valintasi.', linkedCategory: 'preferences' },
            { title: 'Analytiikka', description: 'Kävijätilastot.', linkedCategory: 'analytics' },
            { title: 'Markkinointi', description: 'Mainonnan kohdentaminen.', linkedCategory: 'marketing' },
          ],
        },
      },
    },
  },
});
