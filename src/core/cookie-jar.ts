/**
 * Cookies read and written by hand, where js-cookie cannot serve: it returns only the first cookie of
 * a name (a stale copy on a parent domain or a longer path then outvotes Keksi's own), looks names up
 * in a plain object (`constructor` is always "there"), and copies Object.prototype's enumerable keys
 * into a cookie's attributes (a polluted page makes every write throw). Values are decoded as
 * js-cookie 3 decodes them, so cookies either wrote read the same; names are taken as written (a
 * planted `keksi%5Fconsent` is another cookie, which Keksi could neither read as its own nor delete).
 */
import { doc } from './doc.js';

// A badly encoded name or value stays as it is: a copy is never hidden.
const decode = (s: string): string => {
  try {
    return s.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
  } catch {
    return s;
  }
};

/** Every cookie the page can read, as `[name, value]` in the browser's order (longer paths first). */
export const readCookies = (cookie = doc('cookie')): string[][] =>
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
