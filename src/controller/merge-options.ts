/**
 * Validates and merges `configure()` input into `options` (core/options.ts). A chunk of its own,
 * fetched by the controller once `configure()` has been called (never in the core), into the empty
 * maps the controller made, when the controller calls its default export with its `matchesCookie`
 * (cleanup.ts): passed, not imported, so this chunk imports nothing of the controller's chunk and a
 * controller asked for again at a new address is the only one (src/entry/script-tag.ts, src/entry/lazy.ts). Each bad entry is skipped with a `[keksi]` message naming it and
 * the rest applies; a service's fields are checked where they are shown (ui/views.ts). Only own
 * properties are read, into maps without a prototype, so a polluted `Object.prototype` adds nothing.
 */
import { CONSENT_TYPES } from './consent-types.js';
import type { matchesCookie } from './cleanup.js';
import { CATEGORY_ID, DEFAULT_COOKIE, isSafeUrl } from '../core/attributes.js';
import { guard, warn } from '../core/log.js';
import { given, options, type ServiceInfo } from '../core/options.js';

export { options };

let matches: typeof matchesCookie | undefined;

/** A copy of an object's own enumerable properties, without a prototype. */
const own = <T>(o: T): T => ({ __proto__: null, ...o }) as T;
/** A plain object, as the options' maps are: not a list. */
const isObject = (o: unknown): o is object => !!o && typeof o == 'object' && !Array.isArray(o);
const skip = (path: string, value: unknown): undefined => void warn(`configure(): ${path} skipped.`, value);
/** The items `ok` accepts, or undefined when `list` is not a list; each other item is skipped. */
const listOf =
  (ok: (item: unknown) => unknown, why = '') =>
  (list: unknown, path: string) =>
    Array.isArray(list) ? list.filter((item, n) => ok(item) || skip(`${path}[${n}]${why}`, item)) : undefined;

/** The options configure() takes (core/options.ts KeksiOptions); `platforms` is read by the platforms chunk. */
const KNOWN = ['categories', 'services', 'cookies', 'consentMode', 'scriptUrls', 'platforms'];

function merge(input: unknown): void {
  if (!isObject(input)) return warn('configure() takes an object; ignored.', input);
  const more = own(input) as Record<string, unknown>;
  for (const key in more) if (!KNOWN.includes(key)) warn(`configure(): unknown option "${key}" ignored. Known: ${KNOWN.join(', ')}.`);
  /** Each entry of `more[key]` whose name passes `id` goes into `options[key]` as `check` returns it. */
  const mergeMap = (key: 'categories' | 'cookies' | 'consentMode' | 'scriptUrls', id: RegExp, check: (v: unknown, path: string) => unknown) => {
    const map = more[key];
    if (map !== undefined && !isObject(map)) skip(key, map);
    for (const [k, v] of Object.entries(isObject(map) ? map : 0)) {
      const kept = id.test(k) ? check(v, `${key}.${k}`) : undefined;
      if (kept === undefined) skip(`${key}.${k}`, v);
      else (options[key] as Record<string, unknown>)[k] = kept;
    }
  };
  mergeMap('categories', CATEGORY_ID, (v) => (isObject(v) ? own(v) : undefined));
  // `*` alone or a prefix shorter than 3 characters would delete the shop's own cookies on
  // withdrawal, and the consent cookie must survive it.
  mergeMap(
    'cookies',
    CATEGORY_ID,
    listOf((p) => typeof p == 'string' && (p.endsWith('*') ? p.length > 3 : p) && !matches!(DEFAULT_COOKIE, [p]), ' (too broad, or the consent cookie)'),
  );
  mergeMap(
    'consentMode',
    CATEGORY_ID,
    listOf((type) => (CONSENT_TYPES as readonly unknown[]).includes(type)),
  );
  mergeMap('scriptUrls', /^(gtag|gtm|fbevents|matomo|clarity|uet|tiktok|pinterest|linkedin|hotjar)$/, (url) =>
    typeof url == 'string' && isSafeUrl(url) ? url : undefined,
  );
  const { services } = more;
  if (services === undefined) return;
  if (!Array.isArray(services)) return skip('services', services);
  services.forEach((s, n) => {
    const service = isObject(s) && own(s as ServiceInfo);
    if (service && typeof service.name == 'string' && typeof service.category == 'string') options.services.push(service);
    else skip(`services[${n}]`, s);
  });
}

/**
 * Merge the inputs queued so far and every later one. Each input stays in `given` once merged, the latest
 * first: the platforms chunk reads `platforms` from them. Once (a second call, a test's after the controller's, does nothing).
 */
export default (matchesCookie: NonNullable<typeof matches>): void => {
  if (matches) return;
  matches = matchesCookie;
  // Defined, not assigned: on a page that froze Array.prototype (SES lockdown) an assignment throws.
  Object.defineProperty(given, 'push', {
    value: (more: unknown) => (guard('configure()', () => merge(more)), given.unshift(more)),
  });
  given.splice(0).map(given.push);
};
