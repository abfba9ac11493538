/** Helpers shared by the browser tests. */
import 'axe-core/axe.min.js';
import { KeksiConsent } from '../src/controller/keksi-consent.js';
import { define } from '../src/core/define.js';

define('keksi-consent', KeksiConsent);
// Keksi fetches its UI once the page has shown content (or after a second): give the test page some.
document.body.insertAdjacentHTML('afterbegin', '<p id="test-page-content">Keksi browser tests</p>');

declare global {
  interface Window {
    __ran: string[];
    axe: { run(el: Element, options?: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
  }
}

/** Delete every cookie this page can see. */
export function clearCookies(): void {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; path=/; max-age=0`;
  }
}

/** Store a consent cookie as an earlier visit would have. */
export function storeConsent(accepted: string[], rejected: string[], extra: Record<string, unknown> = {}, name = 'keksi_consent'): void {
  const record = { v: 1, id: '6f1c1b2e-1111-4aaa-8bbb-123456789abc', r: 0, t: new Date().toISOString(), a: accepted, x: rejected, ...extra };
  document.cookie = `${name}=${encodeURIComponent(JSON.stringify(record))}; path=/`;
}

export const readConsentCookie = (name = 'keksi_consent') => {
  const raw = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return raw ? JSON.parse(decodeURIComponent(raw.slice(name.length + 1))) : undefined;
};

const mounted: Element[] = [];

/**
 * Put markup (gated elements, a `<keksi-consent>`) in the page and wait until Keksi has started and
 * its UI (if any) has rendered.
 */
export async function mount(markup: string): Promise<KeksiConsent> {
  window.__ran = [];
  const host = document.createElement('div');
  // Scripts parsed by innerHTML never run; gated ones are activated by Keksi, which is what we test.
  host.innerHTML = markup;
  document.body.append(host);
  mounted.push(host);
  const el = host.querySelector('keksi-consent') as KeksiConsent;
  await el.ready;
  if (el.store?.ask) await waitFor(() => el.shadowRoot!.querySelector('keksi-banner'));
  await settle(el);
  return el;
}

/** Poll until `fn` returns something truthy (at most 3 s). */
export async function waitFor<T>(fn: () => T): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = fn();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('waitFor: timed out');
}

/** Remove everything mount() added. */
export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
  for (const el of document.querySelectorAll('[data-keksi="on"]')) el.remove();
}

/** Wait for lazy UI, Lit updates and queued external scripts. */
export async function settle(el?: KeksiConsent): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const ui = el?.shadowRoot ? [...el.shadowRoot.querySelectorAll('*')] : [];
    await Promise.all(ui.map((u) => (u as unknown as { updateComplete?: Promise<unknown> }).updateComplete));
  }
  // Entry animations fade colours in; let them end before measuring contrast or styles.
  const roots: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const node of roots[i].querySelectorAll('*')) if (node.shadowRoot) roots.push(node.shadowRoot);
  }
  await Promise.all(roots.flatMap((r) => r.getAnimations()).map((a) => a.finished.catch(() => {})));
}

/** The banner's shadow root, or null when the banner is not shown. */
export function bannerOf(el: KeksiConsent): ShadowRoot | null {
  const banner = el.shadowRoot!.querySelector('keksi-banner') as (HTMLElement & { open: boolean }) | null;
  return banner && banner.open ? banner.shadowRoot : null;
}

export function prefsOf(el: KeksiConsent): ShadowRoot | null {
  return (el.shadowRoot!.querySelector('keksi-preferences') as HTMLElement | null)?.shadowRoot ?? null;
}

export function part(root: ShadowRoot | null, name: string): HTMLElement {
  const found = root?.querySelector(`[part~="${name}"]`) as HTMLElement | null;
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

/** axe-core with the WCAG 2.x A/AA tags; returns violation ids with their help text. */
export async function axeViolations(el: Element): Promise<string[]> {
  const result = await window.axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => (n as { failureSummary: string; html: string }).html + ' ' + (n as { failureSummary: string }).failureSummary))}`);
}

/** Capture `[keksi]` console warnings while fn runs. */
export async function captureWarnings(fn: () => Promise<unknown> | unknown): Promise<string[]> {
  const original = console.warn;
  const said: string[] = [];
  console.warn = (...args: unknown[]) => said.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return said;
}
