/** What the lazily loaded tracker modules (matomo.ts, clarity.ts, …) share. */
import type { KeksiConfig } from '../controller/config.js';

/**
 * A tracker module: `start` applies the current choice and returns what to call after each later
 * decision; `cookies` (or each tracker's, by attribute) are deleted (with the shop's own) when its category is withdrawn.
 */
export interface TrackerModule {
  start(name: string, ids: string[], config: KeksiConfig, granted: (c: string) => boolean): () => void;
  cookies: string[] | Record<string, string[]>;
}

/**
 * Follow one category: `tell(now, first)` at once (first) and after each decision that changed it.
 * Returns the function to call after each decision.
 */
export function follow(granted: (c: string) => boolean, category: string, tell: (now: boolean, first: boolean) => void): () => void {
  let was: boolean | undefined;
  const check = () => {
    const now = granted(category);
    if (now !== was) tell(now, was === undefined);
    was = now;
  };
  check();
  return check;
}
