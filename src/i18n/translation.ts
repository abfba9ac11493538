/**
 * The shape every language file fills. Texts only the UI needs live here, so a returning visitor who
 * never sees the UI never downloads them.
 */
export interface CategoryText {
  title: string;
  description: string;
}

export interface Translation {
  /** Banner heading. */
  title: string;
  /** Banner text: what is asked, in two or three plain sentences. */
  text: string;
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
  /** Embed placeholder; `{c}` is the category's title in lower case. */
  embedText: string;
  embedAllow: string;
  /** Service details in the dialog and notice. */
  services: string;
  provider: string;
  cookies: string;
  days: string;
  session: string;
  outsideEu: string;
}
