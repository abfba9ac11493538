/**
 * The consent store: the one place that reads and writes the consent cookie (through js-cookie),
 * holds the visitor's current decision and tells subscribers when it changes.
 */
import Cookies from 'js-cookie';
import { NECESSARY, type KeksiConfig } from './config.js';
import { guard, warn } from './log.js';
import { applicableConsent, parseConsentCookie, serializeConsent, type Consent } from './record.js';

/** A random v4 UUID, also on plain-http pages where `crypto.randomUUID` is missing. */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const h = Array.from(b, (n) => n.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Called after every decision and reset, with the categories whose granted state changed. */
export type ConsentListener = (consent: Consent | null, changed: string[]) => void;

export class ConsentStore {
  /** The decision that applies now, or null when there is none. */
  consent: Consent | null = null;
  /** True when the visitor must be asked (no decision, a new revision or a new category). */
  ask = true;
  private _listeners: ConsentListener[] = [];

  constructor(readonly config: KeksiConfig, private readonly _now: () => number = Date.now) {}

  /** Read the stored decision. A malformed or foreign value counts as no decision. */
  load(): void {
    const raw = guard('reading the consent cookie', () => Cookies.get(this.config.cookieName));
    const stored = parseConsentCookie(raw);
    if (raw !== undefined && !stored) {
      warn(`the cookie "${this.config.cookieName}" does not hold a consent Keksi can read; asking again.`);
    }
    const c = this.config;
    ({ consent: this.consent, ask: this.ask } = applicableConsent(stored, c.categories, c.revision, c.expiresDays, this._now()));
  }

  /** Whether a category is granted now (`necessary` always is). */
  granted(category: string): boolean {
    return category === NECESSARY || !!this.consent?.accepted.includes(category);
  }

  /** Listen for decisions; returns a function that stops listening. */
  subscribe(listener: ConsentListener): () => void {
    this._listeners.push(listener);
    return () => (this._listeners = this._listeners.filter((l) => l !== listener));
  }

  /** Record a decision: exactly `accepted` (of the configured categories) is granted, the rest rejected. */
  decide(accepted: readonly string[]): Consent {
    const { categories, revision } = this.config;
    for (const c of accepted) {
      if (c !== NECESSARY && !categories.includes(c)) warn(`"${c}" is not a configured category; ignored.`);
    }
    const granted = categories.filter((c) => accepted.includes(c));
    const consent: Consent = {
      id: this.consent?.id || randomId(),
      revision,
      timestamp: new Date(this._now()).toISOString(),
      accepted: [NECESSARY, ...granted],
      rejected: categories.filter((c) => !granted.includes(c)),
    };
    const changed = categories.filter((c) => this.granted(c) !== granted.includes(c));
    this.consent = consent;
    this.ask = false;
    this._write(serializeConsent(consent));
    this._notify(changed);
    return consent;
  }

  /** Forget the decision and delete the cookie. */
  reset(): void {
    const changed = this.config.categories.filter((c) => this.granted(c));
    this.consent = null;
    this.ask = true;
    this._write(null);
    this._notify(changed);
  }

  private _write(value: string | null): void {
    const { cookieName: name, cookieDomain: domain, expiresDays: expires } = this.config;
    guard('writing the consent cookie', () => {
      const attributes = { path: '/', domain, sameSite: 'Lax' as const, secure: location.protocol === 'https:' };
      if (value === null) {
        Cookies.remove(name, attributes);
        if (domain) Cookies.remove(name, { path: '/' });
        return;
      }
      Cookies.set(name, value, { ...attributes, expires });
      if (Cookies.get(name) !== value) {
        warn('the browser did not store the consent cookie (cookies blocked?); the choice holds for this page only.');
      }
    });
  }

  private _notify(changed: string[]): void {
    for (const listener of this._listeners) guard('a consent listener', () => listener(this.consent, changed));
  }
}
