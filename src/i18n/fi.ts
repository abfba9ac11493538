/** Suomi. */
import type { Translation } from './translation.js';

export const fi: Translation = {
  title: 'Evästeet',
  text: 'Käytämme välttämättömiä evästeitä, jotta kauppa toimii. Muita evästeitä käytämme vain, jos annat luvan. Voit muuttaa valintaasi milloin tahansa.',
  gpc: 'Selaimesi ilmoittaa, ettet halua tietojasi jaettavan (Global Privacy Control), joten ”Hyväksy kaikki” ei hyväksy markkinointia.',
  notice: 'Tietosuojaseloste',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  settings: 'Asetukset',
  save: 'Tallenna valinnat',
  close: 'Sulje',
  prefsTitle: 'Evästeasetukset',
  prefsText: 'Valitse, mihin saamme käyttää evästeitä. Välttämättömät evästeet ovat aina käytössä.',
  alwaysOn: 'Aina käytössä',
  categories: {
    necessary: { title: 'Välttämättömät', description: 'Kaupan perustoiminnot, kuten ostoskori, kirjautuminen ja tämä evästevalinta.' },
    preferences: { title: 'Toiminnalliset', description: 'Muistavat valintasi, kuten kielen ja alueen.' },
    analytics: { title: 'Analytiikka', description: 'Auttavat meitä ymmärtämään, miten sivustoa käytetään, jotta voimme parantaa sitä.' },
    marketing: { title: 'Markkinointi', description: 'Mahdollistavat mainosten kohdentamisen ja niiden tehon mittaamisen, myös muilla sivustoilla.' },
  },
  embedText: 'Tämä sisältö näytetään vain, jos sallit evästeet: {c}.',
  embedAllow: 'Salli {c} ja näytä',
  services: 'Palvelut',
  provider: 'Palveluntarjoaja',
  cookies: 'Evästeet',
  days: 'pv',
  session: 'istunto',
  outsideEu: 'Tietoja voidaan siirtää EU:n/ETA:n ulkopuolelle.',
};
