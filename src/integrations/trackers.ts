/**
 * The trackers beyond Google and Meta (controller/config.ts TRACKERS), a lazy chunk the integrations
 * import only when one of their attributes is set: the controller only adds each one's category and
 * notices the attribute. Here each value is parsed and validated (a bad one: a `[keksi]` message, and
 * that tracker stays off), and each vendor's own module (its own chunk: matomo.ts, clarity.ts, uet.ts,
 * tiktok.ts, after-consent.ts) is started with the choice current when it has loaded, then told of
 * every later one. A module that fails to load: a `[keksi]` message, and nothing of that vendor runs.
 */
import { isSafeUrl, tokens } from '../core/attributes.js';
import { guard, warn } from '../core/log.js';
import type { KeksiConfig } from '../controller/config.js';
import type { Follow, TrackerModule } from './tracker-kit.js';
import { chunk } from '../entry/chunk.js';

/** Each tracker's ID; Matomo's value is its https base URL and then this site id. */
const IDS: Record<string, RegExp> = {
  matomo: /^\d{1,9}$/,
  clarity: /^[a-z0-9]{6,16}$/,
  hotjar: /^\d{4,10}$/,
  uet: /^\d{4,12}$/,
  'tiktok-pixel': /^C[A-Z0-9]{10,30}$/,
  'pinterest-tag': /^\d{6,16}$/,
  'linkedin-partner': /^\d{3,12}$/,
};

const MODULES: Record<string, () => Promise<TrackerModule>> = {
  matomo: () => chunk((_fetchChunk) => import('./matomo.js')),
  clarity: () => chunk((_fetchChunk) => import('./clarity.js')),
  hotjar: () => chunk((_fetchChunk) => import('./after-consent.js')),
  uet: () => chunk((_fetchChunk) => import('./uet.js')),
  'tiktok-pixel': () => chunk((_fetchChunk) => import('./tiktok.js')),
  'pinterest-tag': () => chunk((_fetchChunk) => import('./after-consent.js')),
  'linkedin-partner': () => chunk((_fetchChunk) => import('./after-consent.js')),
};

/**
 * The valid trackers among the attributes' values (`config.trackers`): attribute → IDs (Matomo: [its
 * https base URL, the site id]). Each refused value is passed to `bad`. Pure.
 */
export function parseTrackers(trackers: KeksiConfig['trackers'], bad: (name: string, value: string) => void): Record<string, string[]> {
  const valid: Record<string, string[]> = {};
  for (const [name, { value }] of Object.entries(trackers)) {
    const ids = tokens(value);
    const url = name == 'matomo' ? ids.shift()! : '';
    if (IDS[name] && ids.length == 1 && IDS[name].test(ids[0]) && (!url || (/^https:\/\/[^/?#\s]+/i.test(url) && isSafeUrl(url)))) {
      valid[name] = url ? [url, ids[0]] : ids;
    } else bad(name, value);
  }
  return valid;
}

/**
 * Start every valid tracker's module; returns the function to call after each decision. Each module
 * adds its cookies to `cookies` (the integrations' clean-up lists, by category), and `cleanUp` then
 * deletes those of what is not granted.
 */
export function startTrackers(
  config: KeksiConfig,
  granted: (c: string) => boolean,
  decided: boolean,
  cookies: Record<string, string[]>,
  cleanUp: (config: KeksiConfig, granted: (c: string) => boolean) => unknown,
): () => void {
  const after: (() => void)[] = [];
  const trackers = parseTrackers(config.trackers, (name, value) =>
    warn(`${name}="${value}"${/^http:/i.test(value) ? ': the tracker address must be https' : ' is not a valid ID'}; ${name} stays off.`),
  );
  for (const [name, ids] of Object.entries(trackers)) {
    const { category } = config.trackers[name];
    // Per-service choice: the tracker acts only while its category is granted and its own switch is on
    // (its service id is its attribute name).
    const own = (c: string) => granted(c) && granted(category + ':' + name);
    const follow: Follow = (tell) => {
      let was: boolean | undefined;
      const check = () => {
        const now = own(category);
        if (now !== was) tell(now, was === undefined);
        was = now;
      };
      check();
      return check;
    };
    let tell = () => {};
    // `granted` is the store's live view: a decision made while the module loads is applied when it starts.
    MODULES[name]().then(
      (m) =>
        guard(name, () => {
          const list = (cookies[category] ||= []);
          for (const c of Array.isArray(m.cookies) ? m.cookies : m.cookies[name]) list.includes(c) || list.push(c);
          tell = m.start(name, ids, config, own, follow);
          if (decided) cleanUp(config, granted);
        }),
      () => warn(`${name}: its module did not load; it stays off.`),
    );
    after.push(() => tell());
  }
  return () => after.forEach((fn) => fn());
}
