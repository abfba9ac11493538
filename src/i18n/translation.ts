/**
 * The shape every language file fills. Texts only the UI needs live here, so a returning visitor who
 * never sees the UI never downloads them.
 */
export interface CategoryText {
  title: string;
  /** What the category's cookies do, as a sentence with a subject. */
  description: string;
  /** The category's cookies as a noun phrase (embed placeholders: "Allow marketing cookies and show"). */
  cookies?: string;
  /** Why they are used, to complete the banner's `optional` sentence ("for visitor statistics"). */
  why?: string;
}

/** Singular and plural of a counted word. */
export type Plural = [one: string, other: string];

/** Keksi's built-in services (itself, Google, Meta and the trackers of integrations/*.ts), by what they do. */
export type PurposeId =
  'ga' | 'ads' | 'gtm' | 'meta' | 'matomo' | 'clarity' | 'uet' | 'tiktok' | 'pinterest' | 'linkedin' | 'hotjar' | 'keksi' | 'youtube' | 'vimeo';

export interface Translation {
  /** The language of this table (shown as the `lang` of what it fills, also when it stands in for another). */
  lang: 'fi' | 'sv' | 'en';
  /** Banner heading. */
  title: string;
  /** Banner text: what is always used and why. */
  text: string;
  /** What else is used with consent; `{w}` lists the categories' `why`. */
  optional: string;
  /** Used when no category has a `why` (only a shop's own categories). */
  otherwise: string;
  /** Who else sets cookies; `{p}` lists the providers' names. */
  by: string;
  /** How to change the choice later. */
  later: string;
  /** The last joiner of a list ("Google, Meta and Klarna"). */
  and: string;
  /** Said politely (aria-live) once a choice is saved. */
  saved: string;
  /** Said instead when another tab's decision closed this tab's banner or dialog. */
  savedElsewhere: string;
  /** The provider of Keksi's own cookie: the shop itself, never a host name. */
  thisShop: string;
  /** One sentence shown when the browser sends Global Privacy Control. */
  gpc: string;
  /** Link text for the privacy notice. */
  notice: string;
  acceptAll: string;
  rejectAll: string;
  settings: string;
  save: string;
  close: string;
  prefsTitle: string;
  prefsText: string;
  alwaysOn: string;
  categories: Record<'necessary' | 'preferences' | 'analytics' | 'marketing', CategoryText>;
  /** Embed placeholder; `{c}` names the categories' cookies. */
  embedText: string;
  /** The button that shows the embed; the iframe's title follows after a colon. */
  embedAllow: string;
  /** A shop's own category's cookies when it has no `cookies` text; `{c}` is its title. */
  cookiesOf: string;
  /** Service details in the dialog and notice. */
  services: string;
  /** The count of a category's services ("3 palvelua"). */
  serviceCount: Plural;
  /** After "1/3": a category with only some of its services switched on. */
  servicesOn: string;
  provider: string;
  cookies: string;
  /** Cookie lifetimes in human units. */
  years: Plural;
  months: Plural;
  days: Plural;
  session: string;
  outsideEu: string;
  /** What each built-in service does, shown in the dialog and the notice's cookie section. */
  purposes: Record<PurposeId, string>;
}

/** A language's texts module (src/i18n/fi.ts, …): it exports its table by the language's name. */
export type Texts = { [lang in Translation['lang']]?: Translation };
