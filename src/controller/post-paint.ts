/**
 * The controller's post-paint work: `[keksi]` messages about bad attributes and ungated vendor scripts
 * (their texts a chunk of their own, diagnostics.ts with ungated.ts, fetched only when there is
 * something to say), the integrations
 * (Consent Mode, gtag.js, GTM, Meta pixel, tracker-cookie clean-up, the consent log) and the floating
 * reopen button. Started after the page's first paint; on a page with Google or Meta tags at once,
 * before gating (their queues must hear the consent first). It travels in the controller's chunk
 * (every page view needs both) and sees the controller only through the host interface (host.ts).
 */
import type { ConsentHost } from './host.js';
import type { Consent } from '../core/record.js';
import { warn } from '../core/log.js';
import { reopenButton } from '../entry/reopen.js';
import { logConsent, startIntegrations } from '../integrations/index.js';
import { VENDOR_ADDRESS } from '../core/vendor-address.js';
import { chunk } from '../entry/chunk.js';
import { doc } from '../core/doc.js';
import { ATTRIBUTES, ONE_OF } from './config.js';

/** What the controller calls on the started post-paint work. */
export interface PostPaint {
  /** After every decision and reset: tell the integrations, clean up, send the log. */
  decided(consent: Consent | null): void;
  /** The floating button that reopens the preferences, created once; undefined when turned off. */
  reopenButton(): HTMLButtonElement | undefined;
  /** Settles once Google and Meta (a lazy chunk) have heard the consent, on a page that has them. */
  ready: Promise<unknown>;
}

// Scripts outside the gate (neither type="text/plain" nor activated by Keksi): with VENDOR_ADDRESS, the
// whole cost of walk 3's N1 on a page without a vendor's own script. ungated.ts holds the fixes and the message.
const UNGATED = 'script:not([type="text/plain"],[data-keksi])';

/** Start the post-paint work for a started controller; `regate` runs its gate again (see startIntegrations). */
export function startPostPaint(c: ConsentHost, regate: () => void): PostPaint {
  const { config } = c;
  // Issue 17: a page whose attributes are right and that runs no vendor's own script outside the gate
  // never fetches the messages' chunk, on a first visit as on a returning one.
  // Walk 3's N1: a vendor's own script left ungated runs regardless of consent; Keksi says so. The
  // addresses looked at: the page's scripts outside the gate, and before consent also what was fetched
  // already (a script that ran and went). Asked before the integrations start: Keksi's own gtag.js is not
  // there yet. One chunk for both messages: the attribute messages, then the vendors' (ungated.ts).
  const consented = !!c.getConsent();
  // The addresses as one text (an array's is its items joined with commas, which no vendor's word has).
  const vendor = VENDOR_ADDRESS.test(
    [...doc('querySelectorAll')<HTMLScriptElement>(UNGATED)].map((s) => s.src) +
      (consented ? '' : performance.getEntriesByType('resource').map((e) => e.name) + ''),
  );
  if (vendor || config.problems.length)
    chunk((_fetchChunk) => import('./diagnostics.js')).then(
      (m) => m.report(config, consented, vendor, [ATTRIBUTES, ONE_OF]),
      (error) => warn('the diagnostics (bad attributes, ungated vendor scripts) did not load', error),
    );
  const integrations = startIntegrations(
    config,
    (category) => c.has(category),
    () => !!c.getConsent(),
    regate,
  );
  let button: HTMLButtonElement | undefined;
  return {
    ready: integrations.ready,
    decided(consent) {
      integrations.after();
      if (consent && config.logUrl) logConsent(config.logUrl, consent, c.language);
    },
    reopenButton() {
      // The core's own, when it drew one on a returning visit (entry/reopen.ts): taken over, not drawn again.
      if (!button && config.reopenButton) button = reopenButton(c.shadowRoot!, c.language, (b) => c.showPreferences(b));
      return button;
    },
  };
}
