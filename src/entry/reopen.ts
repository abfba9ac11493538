/**
 * The floating button that reopens the preferences, plain DOM in the shadow root of `<keksi-consent>`.
 * Drawn by the core on a returning visit it gated without the controller (entry/lean.ts), whose first
 * click fetches the controller and the UI; the controller's post-paint work takes the same button over
 * (post-paint.ts), or draws it when the core did not. In src/entry/, not src/core/: src/core/ draws no
 * DOM (test/node/layout.test.mjs).
 */
import { REOPEN_LABEL } from '../i18n/reopen-label.js';
import type { Lang } from '../core/lang.js';
import { doc } from '../core/doc.js';

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
  // Through the prototype: an injected `<img name="adoptedStyleSheets">` shadows the document's own (DOM clobbering).
  const p = Object.getPrototypeOf(root);
  Reflect.set(p, 'adoptedStyleSheets', [...Reflect.get(p, 'adoptedStyleSheets', root), sheet], root);
};

/** What the button's click does: the core's (fetch the controller, then open), until the controller takes it over. */
let open: (button: HTMLButtonElement) => void;

/** The reopen button in `root`, drawn once; a later call only says what its click does. */
export function reopenButton(root: ShadowRoot, lang: Lang, onClick: typeof open): HTMLButtonElement {
  open = onClick;
  let button = root.querySelector<HTMLButtonElement>('button[part=reopen]');
  if (!button) {
    adopt(root, REOPEN_CSS);
    adopt(document, REOPEN_ROOM);
    button = doc('createElement')('button');
    button.setAttribute('part', 'reopen');
    button.setAttribute('aria-label', (button.title = REOPEN_LABEL[lang]));
    button.addEventListener('click', () => open(button!));
    root.append(button);
  }
  return button;
}
