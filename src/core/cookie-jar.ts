/**
 * Cookies read and written by hand, where js-cookie cannot serve: it returns only the first cookie of
 * a name (a stale copy on a parent domain or a longer path then outvotes Keksi's own), looks names up
 * in a plain object (`constructor` is always "there"), and copies Object.prototype's enumerable keys
 * into a cookie's attributes (a polluted page makes every write throw). Values are decoded as
 * js-cookie 3 decodes them, so cookies either wrote read the same; names are taken as written (a
 * planted `keksi%5Fconsent` is another cookie, which Keksi could neither read as its own nor delete).
 */

/** Domains a cookie of this host may live on: the host itself and each parent with two labels or more. */
export function cookieDomains(hostname: string): string[] {
  if (!hostname.includes('.') || /^[\d.]+$|:/.test(hostname)) return [];
  const labels = hostname.split('.');
  const domains: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

// A badly encoded name or value stays as it is: a copy is never hidden.
const decode = (s: string): string => {
  try {
    return s.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
  } catch {
    return s;
  }
};

/** Every cookie the page can read, as `[name, value]` in the browser's order (longer paths first). */
export const readCookies = (cookie = document.cookie): string[][] =>
  (cookie ? cookie.split('; ') : []).map((pair) => {
    const i = pair.indexOf('=') + 1 || pair.length + 1;
    const value = pair.slice(i);
    return [pair.slice(0, i - 1), decode(value[0] === '"' ? value.slice(1, -1) : value)];
  });

/** Every value of cookie `name`, in the browser's order; none for an absent name, whatever it is. */
export const cookieValues = (name: string, cookie?: string): string[] =>
  readCookies(cookie)
    .filter(([n]) => n === name)
    .map(([, v]) => v);

/** Set a cookie: the value percent-encoded, `attributes` the `; path=/…` tail. */
export const writeCookie = (name: string, value: string, attributes: string): void => {
  document.cookie = name + '=' + encodeURIComponent(value) + attributes;
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
