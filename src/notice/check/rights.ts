/**
 * How the data subject's rights of GDPR art. 13(2)(b)–(d) are said in Finnish, Swedish and English
 * notices, as concepts for words.ts. Each list holds the phrasings real notices use, including the
 * traditional ones of the repealed Personal Data Act ("tarkastusoikeus", "oikeus kieltää"); the
 * tests in test/node/checker.test.mjs hold several inflections of each.
 */
import type { Concept } from './words.js';

export type RightId = 'access' | 'rectification' | 'erasure' | 'restriction' | 'objection' | 'portability';

export const RIGHTS: Record<RightId, Concept> = {
  access: {
    fi: ['tarkastaa*', 'tarkistaa*', 'pääsy*', 'päästä =tie', 'kopio*', '=jäljennö', 'saada tietää', 'nähdä =tie'],
    sv: ['tillgång*', 'registerutdrag*', 'kontrollera* =uppgift', 'granska* =uppgift', 'granskningsrätt*', 'insyn*', 'få veta', 'kopia*'],
    en: ['access*', 'copy of', 'know what'],
  },
  rectification: {
    fi: ['oikaista*', 'korjata*', 'täydentää*', '=täydenn', '=muutok =tie', '=muutos =tie', '=muutta =tie'],
    sv: ['=rättel', '=rättas', '=rättad', '=rättning', 'korrigera*'],
    en: ['rectif*', 'correct*'],
  },
  erasure: {
    fi: ['poistaa', 'poistamaan*', 'poistetuksi', '=poistett', 'poisto*', 'unohdetuksi', 'hävittää'],
    sv: ['radera*', 'bortglömd*', 'ta bort', 'tar bort', 'tas bort', 'utplåna*'],
    en: ['eras*', 'delet*', 'forgotten'],
  },
  restriction: {
    fi: ['rajoittaa*'],
    sv: ['begränsa*'],
    en: ['restrict*'],
  },
  objection: {
    fi: ['vastustaa*', 'kieltää', 'kielto*'],
    sv: ['invända*', 'motsätta*', 'förbjuda*'],
    en: ['object*', 'opt out', 'opt-out'],
  },
  portability: {
    fi: ['=siirrettävyy', '=siirto-oikeu', 'koneluettava*', 'siirtää =järjestelm', 'siirtää =toise'],
    sv: [
      'dataportabilitet*',
      'portabilitet*',
      'maskinläsbar*',
      'flytta =uppgift',
      'överföra* =uppgift =annan',
      'överföra* =uppgift =annat',
      'överföra* =uppgift =system',
    ],
    en: ['portab*', 'machine-readable', 'machine readable'],
  },
};

/** Art. 13(2)(c): the right to withdraw consent at any time. */
export const WITHDRAW: Concept = {
  fi: ['=peruu', '=perua =suostum', '=perum =suostum', '=perut =suostum', 'vetää =suostum'],
  sv: ['återkalla*', 'ta tillbaka =samtyck', 'tas tillbaka =samtyck', 'dra tillbaka =samtyck'],
  en: ['withdraw*'],
};

/** Words that say a basis is consent (to tell whether withdrawal applies when no basis is named). */
export const CONSENT: Concept = {
  fi: ['=suostum', 'lupa', 'luvalla'],
  sv: ['=samtyck'],
  en: ['consent*'],
};

/**
 * Art. 13(2)(d) and 77: the right to lodge a complaint with the supervisory authority. The authority
 * alone is not enough, nor the repealed Personal Data Act's narrower "the refusal may be taken to the
 * Ombudsman" (a sentence about refusing a request: "epääminen").
 */
const AUTHORITY_FI = ['=tietosuojavaltuut', '=valvontaviranom', '=tietosuojaviranom', '=valvov =viranom'];
const AUTHORITY_SV = ['=dataombudsm', '=tillsynsmyndighet'];
const COMPLAIN_FI = ['=valitu', '=valitt', '=kantel', '=kannel', '=käänty', '=ilmoitu', '=saatt !=epää'];
const COMPLAIN_SV = ['klaga*', 'klagomål*', '=anmäl', 'vända*'];
export const COMPLAINT: Concept = {
  fi: AUTHORITY_FI.flatMap((a) => COMPLAIN_FI.map((c) => `${a} ${c}`)),
  sv: AUTHORITY_SV.flatMap((a) => COMPLAIN_SV.map((c) => `${a} ${c}`)),
  en: ['complain* ombudsman', 'complain* authority'],
};
