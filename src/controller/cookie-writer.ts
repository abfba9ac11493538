/**
 * Writing and deleting cookies by hand (see core/cookie-jar.ts, the reader, for why not js-cookie).
 * Only the controller writes: the core, which a returning visitor runs first, only reads.
 */
import { setCookie } from '../core/doc.js';

/** Domains a cookie of this host may live on: the host itself and each parent with two labels or more. */
export function cookieDomains(hostname: string): string[] {
  if (!hostname.includes('.') || /^[\d.]+$|:/.test(hostname)) return [];
  const labels = hostname.split('.');
  const domains: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** Set a cookie: the value percent-encoded, `attributes` the `; path=/…` tail. */
export const writeCookie = (name: string, value: string, attributes: string): void => {
  setCookie(name + '=' + encodeURIComponent(value) + attributes);
};

/**
 * Delete cookie `name` wherever this page can reach it: host-only and on each parent domain, on path
 * `/` and on each ancestor of the current path (with and without the trailing slash).
 */
export function deleteCookie(name: string, hostname = location.hostname, pathname = location.pathname): void {
  const paths = ['/'];
  const parts = pathname.split('/');
  for (let i = 2; i <= parts.length; i++) paths.push(parts.slice(0, i).join('/'), parts.slice(0, i).join('/') + '/');
  for (const domain of ['', ...cookieDomains(hostname)]) {
    for (const path of paths) writeCookie(name, '', `; path=${path}${domain && '; domain=' + domain}; max-age=0`);
  }
}
