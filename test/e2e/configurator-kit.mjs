// What the configurator's e2e files share (configurator.test.mjs, configurator-notice.test.mjs): open the
// page, set a field as a person would, read an output, and run axe on a part of it.
import { readFileSync } from 'node:fs';
import { waitFor } from './harness.mjs';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A new page with the configurator (served at /configurator.html by the harness) ready. */
export async function openConfigurator(h, viewport) {
  const p = await h.newPage(viewport ? { viewport } : {});
  await p.page.goto(h.server.url + '/configurator.html');
  await waitFor(p.page, () => customElements.get('keksi-configurator') && document.querySelector('textarea[name="script-tag"]'));
  return p;
}

/** Set a field by name as typing (or choosing) would: its value, then input and change events. */
// The walk's coffee roastery: steps 1 and 2 for GA4 + Meta + a YouTube video (fictional contact details).
export const SHOP = [
  ['name', 'Kahvipaahtimo Oy'],
  ['business-id', '0112038-9'],
  ['address', 'Paahtimokuja 1, 33100 Tampere'],
  ['email', 'tietosuoja@kahvipaahtimo.example'],
  ['notice-url', '/tietosuojaseloste.html'],
  ['ga', 'G-CONF1GA4'],
  ['meta-pixel', '1122334455667788'],
];

export const fill = (page, name, value) =>
  page.evaluate(
    ([name, value]) => {
      const el = document.querySelector(`keksi-configurator [name="${name}"]`);
      if (!el) throw new Error(`no field named ${name}`);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return el.closest('keksi-configurator').updateComplete.then(() => document.querySelector('keksi-notice-step')?.updateComplete);
    },
    [name, value],
  );

/** An output textarea's text (null when it is not shown). */
export const output = (page, name) => page.evaluate((name) => document.querySelector(`textarea[name="${name}"]`)?.value ?? null, name);

/** axe's WCAG 2.2 AA violations inside `include` (axe selectors), as "rule: targets". */
export async function axeViolations(page, include, exclude = []) {
  await page.evaluate(AXE);
  return page.evaluate(
    async ([include, exclude, tags]) => {
      const r = await window.axe.run({ include, exclude }, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`);
    },
    [include, exclude, TAGS],
  );
}

/**
 * The words a person reads in `selector` as shown: the rendered text (a closed <details> hides its
 * content) plus the values of the visible fields (a template's prose is read in its textareas).
 */
export const visibleWords = (page, selector) =>
  page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return 0;
    const fields = [...root.querySelectorAll('input:not([type=checkbox]):not([type=color]):not([type=file]), textarea:not([readonly])')].filter((f) =>
      f.checkVisibility(),
    );
    const text = root.innerText + ' ' + fields.map((f) => f.value || f.placeholder).join(' ');
    return text.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  }, selector);

/** Catch the page's downloads where it hands them to the browser (the same in both browsers). */
export const catchDownloads = (page) =>
  page.evaluate(() => {
    window.__downloads = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
      const url = create(blob);
      window.__downloads.push({ url, blob });
      return url;
    };
    HTMLAnchorElement.prototype.click = function () {
      const d = window.__downloads.find((x) => x.url === this.href);
      if (d) d.file = this.download;
    };
  });
