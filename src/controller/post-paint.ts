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
import { REOPEN_LABEL } from '../i18n/reopen-label.js';
import { logConsent, startIntegrations } from '../integrations/index.js';
import { VENDOR_ADDRESS } from './vendor-address.js';
import { chunk } from '../entry/chunk.js';

/** What the controller calls on the started post-paint work. */
export interface PostPaint {
  /** After every decision and reset: tell the integrations, clean up, send the log. */
  decided(consent: Consent | null): void;
  /** The floating button that reopens the preferences, created once; undefined when turned off. */
  reopenButton(): HTMLButtonElement | undefined;
  /** Settles once Google and Meta (a lazy chunk) have heard the consent, on a page that has them. */
  ready: Promise<unknown>;
}

// The icon is a clip path on ::before (no markup to parse: innerHTML is a Trusted Types sink), kept
// visible under forced colours, never printed. Bottom left, or bottom right with reopen="bottom-right"; light-dark()
// instead of a dark-mode media query pays for the corner.
const REOPEN_CSS = `button{color-scheme:light dark;position:fixed;left:12px;bottom:12px;z-index:2147483000;width:44px;height:44px;border-radius:50%;border:2px solid;background:var(--keksi-bg,light-dark(#fff,#1d1d1f));color:var(--keksi-fg,light-dark(#1d1d1f,#f5f5f7));cursor:pointer;padding:8px;box-shadow:0 1px 4px #0004}button:focus-visible{outline:3px solid var(--keksi-focus,currentColor);outline-offset:2px}button:before{content:"";display:block;height:100%;background:currentColor;forced-color-adjust:none;clip-path:path("M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zm-4.5 9a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm5 4a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm-1-7a1 1 0 1 1 0 2 1 1 0 0 1 0-2z")}:host([reopen=bottom-right]) button{left:auto;right:12px}@media print{button{display:none}}`;

// Room below the page's end, so that its last links (a footer at the bottom of a phone) can be scrolled
// clear of the button. No specificity: a page's own padding on <html> wins.
const REOPEN_ROOM = ':where(html){padding-bottom:68px}';

const adopt = (root: Document | ShadowRoot, css: string): void => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
};

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
    [...document.querySelectorAll<HTMLScriptElement>(UNGATED)].map((s) => s.src) +
      (consented ? '' : performance.getEntriesByType('resource').map((e) => e.name) + ''),
  );
  if (vendor || config.problems.length)
    chunk((_fetchChunk) => import('./diagnostics.js')).then(
      (m) => m.report(config, consented, vendor),
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
      if (button || !config.reopenButton) return button;
      const root = c.shadowRoot!;
      adopt(root, REOPEN_CSS);
      adopt(document, REOPEN_ROOM);
      button = document.createElement('button');
      button.setAttribute('part', 'reopen');
      button.setAttribute('aria-label', (button.title = REOPEN_LABEL[c.language]));
      button.addEventListener('click', () => c.showPreferences(button));
      root.append(button);
      return button;
    },
  };
}
