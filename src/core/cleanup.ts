/**
 * Deleting tracker cookies when consent is withdrawn. Google and Meta set their cookies on the highest
 * domain they can (`.example.fi`), so each is deleted host-only and on every parent domain.
 */
import Cookies from 'js-cookie';
import { guard } from './log.js';

/** Domains a cookie of this host may live on: the host itself and each parent with two labels or more. */
export function cookieDomains(hostname: string): string[] {
  if (!hostname.includes('.') || /^[\d.]+$|:/.test(hostname)) return [];
  const labels = hostname.split('.');
  const domains: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** True when `name` matches one of the patterns (an exact name, or a prefix ending in `*`). */
export const matchesCookie = (name: string, patterns: readonly string[]): boolean =>
  patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));

/** Delete every readable cookie matching the patterns, host-only and on each parent domain, path `/`. */
export function deleteCookies(patterns: readonly string[], hostname = location.hostname): string[] {
  return guard('deleting tracker cookies', () => {
    const names = Object.keys(Cookies.get()).filter((name) => matchesCookie(name, patterns));
    for (const name of names) {
      Cookies.remove(name, { path: '/' });
      for (const domain of cookieDomains(hostname)) Cookies.remove(name, { path: '/', domain });
    }
    return names;
  }, []);
}
