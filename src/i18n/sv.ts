/** Svenska. */
import type { Translation } from './translation.js';

export const sv: Translation = {
  title: 'Kakor',
  text: 'Vi använder nödvändiga kakor för att butiken ska fungera. Andra kakor använder vi bara om du tillåter det. Du kan ändra ditt val när som helst.',
  gpc: 'Din webbläsare meddelar att du inte vill att dina uppgifter delas (Global Privacy Control), så ”Godkänn alla” godkänner inte marknadsföring.',
  notice: 'Dataskyddsbeskrivning',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Avvisa alla',
  settings: 'Inställningar',
  save: 'Spara val',
  close: 'Stäng',
  prefsTitle: 'Inställningar för kakor',
  prefsText: 'Välj vad vi får använda kakor till. Nödvändiga kakor används alltid.',
  alwaysOn: 'Alltid på',
  categories: {
    necessary: { title: 'Nödvändiga', description: 'Butikens grundfunktioner, som varukorgen, inloggningen och det här valet.' },
    preferences: { title: 'Funktionella', description: 'Kommer ihåg dina val, som språk och region.' },
    analytics: { title: 'Analys', description: 'Hjälper oss att förstå hur webbplatsen används så att vi kan förbättra den.' },
    marketing: { title: 'Marknadsföring', description: 'Gör det möjligt att rikta annonser och mäta hur de fungerar, också på andra webbplatser.' },
  },
  embedText: 'Det här innehållet visas bara om du tillåter kakor: {c}.',
  embedAllow: 'Tillåt {c} och visa',
  services: 'Tjänster',
  provider: 'Leverantör',
  cookies: 'Kakor',
  days: 'dagar',
  session: 'session',
  outsideEu: 'Uppgifter kan överföras utanför EU/EES.',
};
