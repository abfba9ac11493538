/** What the trackers chunk (trackers.ts) and the vendor modules it starts (matomo.ts, clarity.ts, …) agree on. Types only. */
import type { KeksiConfig } from '../controller/config.js';

/**
 * Follow the tracker's category: `tell(now, first)` at once (first) and after each decision that
 * changed it. Returns the function to call after each decision.
 */
export type Follow = (tell: (now: boolean, first: boolean) => void) => () => void;

/**
 * A vendor module: `start` applies the current choice and returns what to call after each later
 * decision; `cookies` (or each tracker's, by attribute) are deleted (with the shop's own) when its
 * category is withdrawn.
 */
export interface TrackerModule {
  start(name: string, ids: string[], config: KeksiConfig, granted: (c: string) => boolean, follow: Follow): () => void;
  cookies: string[] | Record<string, string[]>;
}
