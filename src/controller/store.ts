/**
 * The consent store: the one place that writes the consent cookie (core/cookie-jar.ts, which reads every
 * copy of the name), holds the visitor's current decision and tells subscribers when it changes.
 */
import { NECESSARY, type KeksiConfig } from './config.js';
import { CATEGORY_ID } from '../core/attributes.js';
import { cookieValues } from '../core/cookie-jar.js';
import { deleteCookie, writeCookie } from './cookie-writer.js';
import { guard, warn } from '../core/log.js';
import { applicableConsent, grants, parseConsentCookie, type Consent } from '../core/record.js';
import { isKeksiRecord, serializeConsent } from './record-writer.js';

/**
 * A random v4 UUID, also on plain-http pages where `crypto.randomUUID` is missing: each 0 and 1 of the
 * pattern becomes a random hex digit, each 8 one of 8, 9, a, b (the variant); the 4 stays (the version).
 */
const randomId = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16));

/** Called after every decision and reset, with the categories and `category:service` names whose granted state changed (see names()). */
export type ConsentListener = (consent: Consent | null, changed: string[]) => void;

export class ConsentStore {
  /** The decision that applies now, or null when there is none. */
  consent: Consent | null = null;
  /** True when the visitor must be asked (no decision, a new revision or a new category). */
  ask = true;
  private _listeners: ConsentListener[] = [];
  // A cookie of the configured name that is not Keksi's (the shop's session?): never written or deleted.
  private _foreign = false;
  /** The consent cookie's values as last read or written here: when they change, another tab decided. */
  private _seen?: string;
  /** Whether the cookie was looked at in this task already (see `sync`). */
  private _looked = false;
  /** The newest decision this page has held (with none: when it first found none); see `sync`. */
  private _since = 0;
  /** Every name `granted()` was asked about (see names()). */
  private _asked = new Set<string>();

  constructor(
    readonly config: KeksiConfig,
    private readonly _now: () => number = Date.now,
  ) {}

  /**
   * Read the stored decision. A malformed value, a cookie that is not Keksi's, and copies that disagree
   * (on other domains or paths: which one is current cannot be known) count as no decision; copies
   * that disagree are deleted, so a rejection is never outvoted by a stale acceptance. `early`: the
   * values the core gated the page on (entry/returning-visitor.ts), taken as what this page holds, so a
   * choice made in another tab since then is seen (`sync`) and reported as a change; when they hold none (the core's look
   * on a first visit), this page found none when it started (see `_since`).
   */
  load(early?: string[]): void {
    const { cookieName: name, categories, revision, expiresDays } = this.config;
    const values = early || this._read();
    if (early) this._seen = early.join('\n');
    let stored: Consent | null = null;
    if ((this._foreign = !values.every(isKeksiRecord))) {
      warn(`cookie "${name}" is not Keksi's; set another cookie-name.`);
    } else if (values.some((v) => v !== values[0])) {
      warn(`differing cookies "${name}" deleted; asking again.`);
      this._write(null);
    } else if (values.length && !(stored = parseConsentCookie(values[0]))) {
      warn(`the cookie "${name}" is unreadable; asking again.`);
    }
    ({ consent: this.consent, ask: this.ask } = applicableConsent(stored, categories, revision, expiresDays, this._now()));
    // No record found later (another tab's reset, or its write between deleting and setting) tells no time.
    this._since = Math.max(this._since, this.consent ? Date.parse(this.consent.timestamp) : this._since ? 0 : early ? performance.timeOrigin : this._now());
  }

  /** Whether a category or `category:service` is granted now (`necessary` always is), after a look for another tab's choice. */
  granted(category: string): boolean {
    this.sync();
    this._asked.add(category);
    return this._has(category);
  }

  /**
   * Adopt a choice another tab of the shop stored since this one last looked: the cookie is shared, so
   * a withdrawal there must stop what this tab still has queued. Looked at once per task (gating asks
   * for every element it reaches); listeners hear of it, as a change, when the current work is done.
   * `stopped`: the store of a removed `<keksi-consent>`, whose reads must follow what the running one
   * writes within the same task, and which writes nothing.
   */
  sync(stopped?: boolean): void {
    if ((this._looked && !stopped) || this._foreign || this._seen === undefined) return;
    this._looked = true;
    queueMicrotask(() => (this._looked = false));
    const seen = guard('reading the consent cookie', () => cookieValues(this.config.cookieName).join('\n'), this._seen);
    if (seen === this._seen) return;
    // Firefox can show a page an older value of a cookie it has since overwritten or deleted (for a while,
    // when a same-origin frame was loading around the earlier write). A record older than what this page
    // holds that grants more is that, never another tab's choice: what this page holds is written again.
    // One that grants less is taken (a clock set back can make another tab's newer rejection look older).
    // "More": a category this page does not grant, or more of the services of one it grants only in part.
    const stale = parseConsentCookie(seen);
    const more = (c: string) => {
      const on = this.consent?.services[c];
      const was = stale!.services[c];
      return stale!.accepted.includes(c) && (!this._has(c) || (!!on && (!was || was.some((s) => !on.includes(s)))));
    };
    if (stale && Date.parse(stale.timestamp) < this._since && this.config.categories.some(more)) {
      if (!stopped) this._write(this.consent && serializeConsent(this.consent));
      return;
    }
    const was = this._granted();
    const ask = this.ask;
    this.load();
    const changed = this._changed(was);
    // A decision that changes no grant (a rejection where there was none) is one all the same: it answers the banner.
    if (changed.length || ask != this.ask) queueMicrotask(() => this._notify(changed));
  }

  /** The decision that applies now, after a look for a choice another tab stored since (see `sync`). */
  lookAgain(): Consent | null {
    this.sync();
    return this.consent;
  }

  private _has(name: string): boolean {
    return grants(this.consent, name);
  }

  /**
   * The names whose changes listeners hear of: the configured categories and every `category:service`
   * this page has asked about (its gated elements' data-service, the integrations' own services,
   * keksi.has()); a negated name is the same change seen from the other side.
   */
  names(): string[] {
    return [...new Set([...this.config.categories, ...this._asked])].filter((n) => !/[!*]/.test(n));
  }

  /** The names granted now (see names()). */
  private _granted(): string[] {
    return this.names().filter((n) => this._has(n));
  }

  /** What changed since `was` (see _granted): granted then and not now, or now and not then. */
  private _changed(was: string[]): string[] {
    return this.names().filter((n) => was.includes(n) !== this._has(n));
  }

  private _read(): string[] {
    const values = guard('reading the consent cookie', () => cookieValues(this.config.cookieName), []);
    this._seen = values.join('\n');
    // What was just read is this task's look (see `sync`): start-up's first gating reads it once, not twice.
    this._looked = true;
    queueMicrotask(() => (this._looked = false));
    return values;
  }

  /** Listen for decisions; returns a function that stops listening. */
  subscribe(listener: ConsentListener): () => void {
    this._listeners.push(listener);
    return () => (this._listeners = this._listeners.filter((l) => l !== listener));
  }

  /**
   * Record a decision: exactly `accepted` (of the configured categories) is granted, the rest rejected.
   * `category:service` grants the category with only the services so named (unless the whole category
   * is named too). `earlier`: a decision the visitor made before, in another tool (its id, if any, and its time).
   */
  decide(accepted: readonly string[], earlier?: { id?: string; timestamp: string }): Consent {
    const { categories, revision } = this.config;
    const services: Record<string, string[]> = { __proto__: null } as never;
    for (const name of accepted) {
      const [c, service] = name.split(':');
      if ((c !== NECESSARY && !categories.includes(c)) || !CATEGORY_ID.test(service ?? c)) warn(`"${name}" is not a configured category or service; ignored.`);
      else if (service && c !== NECESSARY && !accepted.includes(c)) (services[c] ||= []).push(service);
    }
    const granted = categories.filter((c) => accepted.includes(c) || services[c]);
    const consent: Consent = {
      id: earlier?.id || this.consent?.id || randomId(),
      revision,
      // A take-over (migration) keeps the choice's own time; the page's own decision is the newest it holds.
      timestamp: earlier?.timestamp || new Date((this._since = this._now())).toISOString(),
      accepted: [NECESSARY, ...granted],
      rejected: categories.filter((c) => !granted.includes(c)),
      services,
    };
    const was = this._granted();
    this.consent = consent;
    this.ask = false;
    this._write(serializeConsent(consent));
    this._notify(this._changed(was));
    return consent;
  }

  /** Forget the decision and delete the cookie. */
  reset(): void {
    const was = this._granted();
    this.consent = null;
    this.ask = true;
    this._since = this._now();
    this._write(null);
    this._notify(this._changed(was));
  }

  // Attributes as a string, not js-cookie's object: a polluted Object.prototype would add its keys.
  private _write(value: string | null): void {
    const { cookieName: name, cookieDomain: domain, expiresDays } = this.config;
    if (this._foreign) return;
    guard('writing the consent cookie', () => {
      // Every copy Keksi can reach goes first: one left on another domain or path would outvote this one.
      deleteCookie(name);
      const secure = location.protocol === 'https:' ? '; secure' : '';
      if (value !== null)
        writeCookie(name, value, `; path=/${domain ? '; domain=' + domain : ''}; max-age=${(expiresDays * 864e2) | 0}; samesite=lax${secure}`);
      const values = this._read();
      if (value !== null && values.join() !== value) {
        warn(`${values.includes(value) ? `another "${name}" shadows` : 'the browser did not store'} the consent cookie; it holds for this page only.`);
      }
    });
  }

  private _notify(changed: string[]): void {
    for (const listener of this._listeners) guard('a consent listener', () => listener(this.consent, changed));
  }
}
