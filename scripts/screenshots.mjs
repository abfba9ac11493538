// Side-by-side screenshots for issue 13: Keksi's banner (1280 and 360 px wide) and preferences dialog
// (360 px) beside cookieconsent 3.1.0's banner and preferences modal, on the demo shop (demo/index.html)
// and the Dawn-style page (demo/dawn.html), as a first-time visitor sees them. cookieconsent runs on
// the same page with Keksi's script blocked, in its default look, with the same categories and the
// same Finnish texts (read from what Keksi has just shown), so the pictures compare looks, not copy.
// `npm run build` first; then `node scripts/screenshots.mjs` writes
// docs/img/compare/{shop,dawn}-{keksi,cookieconsent}-{banner-1280,banner-360,dialog-360}.png
// (the viewport only, device pixel ratio 1). Debian Chromium through playwright-core; the demo server
// and the network guard (nothing leaves the machine) come from the e2e harness.
import { mkdirSync } from 'node:fs';
import { settled, startHarness, waitFor } from '../test/e2e/harness.mjs';

const OUT = 'docs/img/compare';
const PAGES = { shop: '/', dawn: '/dawn.html' };
const WIDE = { width: 1280, height: 800 };
// A common Android phone's CSS viewport.
const PHONE = { width: 360, height: 740 };

/** Every running animation and transition of the page and of Keksi's shadow roots has finished. */
const stillness = (page) =>
  page.evaluate(async () => {
    const roots = (root) => [root, ...[...root.querySelectorAll('*')].filter((e) => e.shadowRoot).flatMap((e) => roots(e.shadowRoot))];
    // Two frames: a class set just now has started its transitions.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(roots(document).flatMap((r) => r.getAnimations().map((a) => a.finished.catch(() => {}))));
  });

/** cookieconsent's modal `selector` has faded in (its transitions start a moment after its class is set). */
const shown = (selector) => {
  const el = document.querySelector(selector);
  const style = el && getComputedStyle(el);
  return style?.visibility === 'visible' && style.opacity === '1' && el.getAnimations().length === 0;
};

// What each picture shows, measured: the box, its body text (size, contrast on the box), the three
// buttons (size, text size) and whether each is on screen. Paths go through shadow roots: [host, …, selector].
const K = ['keksi-consent', 'keksi-banner'];
const KP = ['keksi-consent', 'keksi-preferences'];
const MEASURE = {
  'keksi-banner': {
    box: [...K, '.banner'],
    text: [...K, '#d'],
    buttons: [
      [...K, '[part~=accept-all]'],
      [...K, '[part~=reject-all]'],
      [...K, '[part~=settings]'],
    ],
  },
  'keksi-dialog': {
    box: [...KP, 'dialog'],
    text: [...KP, '#pd'],
    buttons: [
      [...KP, '[part~=accept-all]'],
      [...KP, '[part~=reject-all]'],
      [...KP, '[part~=save]'],
    ],
  },
  'cookieconsent-banner': {
    box: ['#cc-main .cm'],
    text: ['#cc-main .cm__desc'],
    buttons: [['.cm [data-role=all]'], ['.cm [data-role=necessary]'], ['.cm [data-role=show]']],
  },
  'cookieconsent-dialog': {
    box: ['#cc-main .pm'],
    text: ['#cc-main .pm__section-desc'],
    buttons: [['.pm [data-role=all]'], ['.pm [data-role=necessary]'], ['.pm [data-role=save]']],
  },
};

function measure({ box, text, buttons }) {
  const find = (path) => path.reduce((root, sel, i) => (i ? root?.shadowRoot : root)?.querySelector(sel), document);
  const rgb = (c) =>
    c
      .match(/[\d.]+/g)
      .slice(0, 3)
      .map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
    return Math.round(((x + 0.05) / (y + 0.05)) * 10) / 10;
  };
  const r = (el) => el.getBoundingClientRect();
  const b = find(box);
  const t = find(text);
  const onScreen = (el) => r(el).top >= 0 && r(el).bottom <= innerHeight;
  return {
    box: `${Math.round(r(b).width)}×${Math.round(r(b).height)}, top ${Math.round(r(b).top)}`,
    text: `${getComputedStyle(t).fontSize}, contrast ${contrast(getComputedStyle(t).color, getComputedStyle(b).backgroundColor)}:1`,
    buttons: buttons
      .map(find)
      .map((el) => `${Math.round(r(el).width)}×${Math.round(r(el).height)} ${getComputedStyle(el).fontSize}${onScreen(el) ? '' : ' OFF SCREEN'}`)
      .join(' | '),
  };
}

const shot = async (page, name) => {
  await stillness(page);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  const kind = Object.keys(MEASURE).find((k) => name.includes(k));
  console.log(`${OUT}/${name}.png`, JSON.stringify(await page.evaluate(measure, MEASURE[kind])));
};

/** What Keksi shows, as cookieconsent's configuration: the page's categories and the same texts. */
const keksiTexts = () => {
  const root = document.querySelector('keksi-consent').shadowRoot;
  const banner = root.querySelector('keksi-banner').shadowRoot;
  const prefs = root.querySelector('keksi-preferences').shadowRoot;
  const text = (el) => el.textContent.trim().replace(/\s+/g, ' ');
  const para = banner.querySelector('#d').cloneNode(true);
  const link = para.querySelector('a');
  link?.remove();
  const label = (r, part) => text(r.querySelector(`[part~="${part}"]`));
  const cats = [...prefs.querySelectorAll('.cat')].map((li) => {
    const id = li.querySelector('input').name;
    return { id, title: text(li.querySelector('.name')), description: text(li.querySelector(`#d-${id}`)) };
  });
  return {
    categories: cats.map((c) => c.id),
    banner: { title: text(banner.querySelector('h2')), description: text(para), link: link && { href: link.getAttribute('href'), text: text(link) } },
    buttons: { accept: label(banner, 'accept-all'), reject: label(banner, 'reject-all'), settings: label(banner, 'settings'), save: label(prefs, 'save') },
    dialog: { title: text(prefs.querySelector('h2')), description: text(prefs.querySelector('#pd')), close: prefs.querySelector('[part~="close"]').ariaLabel },
    cats,
  };
};

/** cookieconsent 3.1.0's configuration with Keksi's texts; its layout and colours left at their defaults. */
const ccConfig = (k) => ({
  // cookieconsent hides itself from automated browsers unless told otherwise.
  hideFromBots: false,
  categories: Object.fromEntries(k.categories.map((c) => [c, c === 'necessary' ? { enabled: true, readOnly: true } : {}])),
  language: {
    default: 'fi',
    translations: {
      fi: {
        consentModal: {
          title: k.banner.title,
          description: k.banner.description,
          acceptAllBtn: k.buttons.accept,
          acceptNecessaryBtn: k.buttons.reject,
          showPreferencesBtn: k.buttons.settings,
          footer: k.banner.link ? `<a href="${k.banner.link.href}">${k.banner.link.text}</a>` : '',
        },
        preferencesModal: {
          title: k.dialog.title,
          acceptAllBtn: k.buttons.accept,
          acceptNecessaryBtn: k.buttons.reject,
          savePreferencesBtn: k.buttons.save,
          closeIconLabel: k.dialog.close,
          sections: [{ description: k.dialog.description }, ...k.cats.map((c) => ({ title: c.title, description: c.description, linkedCategory: c.id }))],
        },
      },
    },
  },
});

const h = await startHarness({ browser: 'chromium' });
mkdirSync(OUT, { recursive: true });
try {
  for (const [name, path] of Object.entries(PAGES)) {
    const url = h.server.url + path;
    const bannerShown = (page) => waitFor(page, () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
    let texts;

    // Keksi, as the page loads it.
    for (const [viewport, size] of [
      [WIDE, 1280],
      [PHONE, 360],
    ]) {
      const { context, page } = await h.newPage({ viewport });
      await page.goto(url);
      await bannerShown(page);
      await settled(page);
      await shot(page, `${name}-keksi-banner-${size}`);
      if (viewport === PHONE) {
        await page.locator('keksi-banner [part~="settings"]').click();
        await waitFor(page, () =>
          document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences')?.shadowRoot.querySelector('dialog[open]'),
        );
        await settled(page);
        await shot(page, `${name}-keksi-dialog-360`);
        texts = await page.evaluate(keksiTexts);
      }
      await context.close();
    }

    // cookieconsent on the same page, Keksi's script blocked (its gated scripts stay inert).
    for (const [viewport, size] of [
      [WIDE, 1280],
      [PHONE, 360],
    ]) {
      const { context, page } = await h.newPage({ viewport });
      await page.route(/\/dist\/keksi\./, (route) => route.abort());
      await page.goto(url);
      await page.addStyleTag({ url: '/node_modules/vanilla-cookieconsent/dist/cookieconsent.css' });
      await page.addScriptTag({ url: '/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js' });
      await page.evaluate((config) => window.CookieConsent.run(config), ccConfig(texts));
      await waitFor(page, shown, '#cc-main .cm');
      await shot(page, `${name}-cookieconsent-banner-${size}`);
      if (viewport === PHONE) {
        await page.locator('#cc-main .cm [data-role="show"]').click();
        await waitFor(page, shown, '#cc-main .pm');
        await shot(page, `${name}-cookieconsent-dialog-360`);
      }
      await context.close();
    }
  }
} finally {
  await h.close();
}
