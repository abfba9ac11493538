/**
 * Script-tag entry (`dist/keksi.js`, `dist/keksi.mjs`): defines `<keksi-consent>`, creates one from
 * the tag's `data-*` attributes unless the page has its own, exposes `window.keksi` and runs the
 * calls queued before it loaded (`window.keksi = window.keksi || []; keksi.push(k => …)`).
 */
import * as api from './api.js';
import { KeksiConsent } from './components/keksi-consent/keksi-consent.js';
import Cookies from 'js-cookie';
import { DEFAULT_COOKIE } from './core/config.js';
import { setScriptNonce } from './core/gating.js';
import { guard, warn } from './core/log.js';
import { define } from './define.js';

type Api = typeof api & { push(fn: (keksi: Api) => void): void };
type Queued = Array<(keksi: Api) => void>;

const w = window as unknown as { keksi?: Api | Queued };
const script =
  (document.currentScript as HTMLScriptElement | null) ||
  Array.from(document.scripts).find((s) => s.src === import.meta.url) ||
  null;

if (w.keksi && !Array.isArray(w.keksi)) {
  warn(`Keksi is loaded twice (${(w.keksi as Api).version} first, then ${api.version}); only the first runs.`);
} else {
  const queued = Array.isArray(w.keksi) ? w.keksi : [];
  const keksi: Api = { ...api, push: (fn) => guard('a queued keksi call', () => typeof fn === 'function' && fn(keksi)) };
  w.keksi = keksi;
  if (script?.nonce) setScriptNonce(script.nonce);
  queued.forEach(keksi.push);

  const mount = () =>
    guard('mounting <keksi-consent>', () => {
      define('keksi-consent', KeksiConsent);
      if (document.querySelector('keksi-consent')) return;
      const el = document.createElement('keksi-consent');
      for (const { name, value } of script?.attributes || []) {
        if (name.startsWith('data-')) el.setAttribute(name.slice(5), value);
      }
      // First in the body: first in the tab order, while shown fixed at the bottom.
      document.body.prepend(el);
    });
  // Once the page is parsed: at once for a visitor with a stored choice, whose gated elements should
  // not wait; on a first visit nothing may run yet, so Keksi starts in a task of its own and the
  // page's first rendering is not held up by it (measured at 4× CPU: the long task on a first visit
  // goes, while a returning visitor's gating would be ~56 ms later if it waited too).
  const start = () => {
    const name = document.querySelector('keksi-consent')?.getAttribute('cookie-name') ?? script?.getAttribute('data-cookie-name');
    if (guard('reading the consent cookie', () => Cookies.get(name || DEFAULT_COOKIE) !== undefined, false)) mount();
    else setTimeout(mount);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
