/**
 * Deleting tracker cookies when consent is withdrawn. Google and Meta set their cookies on the highest
 * domain they can (`.example.fi`), so each is deleted host-only and on every parent domain.
 */
import { readCookies } from '../core/cookie-jar.js';
import { deleteCookie } from './cookie-writer.js';
import { guard } from '../core/log.js';
import { isKeksiRecord } from './record-writer.js';

/** True when `name` matches one of the patterns (an exact name, or a prefix ending in `*`). */
export const matchesCookie = (name: string, patterns: readonly string[]): boolean =>
  patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));

/**
 * Delete every readable cookie matching the patterns, host-only and on each parent domain, on path
 * `/` and the current path's ancestors. A cookie holding a Keksi record (the consent itself) is never
 * deleted, whatever the patterns say: the store alone handles it.
 */
export function deleteCookies(patterns: readonly string[], hostname = location.hostname): string[] {
  return guard(
    'deleting tracker cookies',
    () => {
      const cookies = readCookies();
      const names = [...new Set(cookies.map(([name]) => name))].filter(
        (name) => matchesCookie(name, patterns) && !cookies.some(([n, v]) => n === name && isKeksiRecord(v)),
      );
      for (const name of names) deleteCookie(name, hostname);
      return names;
    },
    [],
  );
}
