// Tab order of what Keksi draws (issue 13): the banner comes first, the floating reopen button last,
// after everything in the page's <body>, also after the body has been replaced (Turbo, Swup). Real
// Tab and Shift+Tab key presses in Chromium and Firefox on the demo shop (the script tag's own element).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, settled, startHarness, waitFor } from './harness.mjs';

/** The focused element through shadow roots, as `tag[part]` or `tag#id`, with the host chain's first tag. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    const chain = [];
    while (el) {
      chain.push(`${el.localName}${el.id ? '#' + el.id : ''}${el.getAttribute('part') ? `[${el.getAttribute('part')}]` : ''}`);
      el = el.shadowRoot?.activeElement;
    }
    return chain.join(' > ');
  });

/** Focus the page's first or last focusable element in <body> (Keksi's own elements are not in it). */
const focusEnd = (page, end) =>
  page.evaluate((end) => {
    const all = [...document.body.querySelectorAll('a[href], button, input, select, textarea')].filter((e) => e.getClientRects().length && !e.disabled);
    const el = end === 'first' ? all[0] : all.at(-1);
    el.id ||= `focus-${end}`;
    el.focus();
    return el.id;
  }, end);

const reopenShown = (page) =>
  waitFor(page, () => {
    const b = document.querySelector('keksi-consent')?.shadowRoot?.querySelector('[part~="reopen"]');
    return b && !b.hidden;
  });

/** A returning visitor on the demo shop: decided once, then the page loaded again and the reopen button drawn. */
async function returning(h, path = '/') {
  const p = await h.newPage();
  await p.page.goto(h.server.url + path);
  await settled(p.page);
  await p.page.evaluate(() => document.querySelector('keksi-consent').rejectAll());
  await p.page.reload();
  await reopenShown(p.page);
  await settled(p.page);
  return p;
}

for (const browser of BROWSERS) {
  describe(`${browser}: tab order of the banner and the reopen button`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('first visit: the first Tab reaches the banner, before any page link', async () => {
      const { context, page } = await h.newPage();
      await page.goto(h.server.url + '/');
      await waitFor(page, () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
      await settled(page);
      await page.keyboard.press('Tab');
      assert.match(await focused(page), /^keksi-consent > keksi-banner > /);
      await context.close();
    });

    test('returning visitor: Tab from the last element of the page reaches the reopen button', async () => {
      const { context, page } = await returning(h);
      const last = await focusEnd(page, 'last');
      assert.match(await focused(page), new RegExp(`#${last}`));
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'keksi-consent > button[reopen]');
      await context.close();
    });

    test('returning visitor: Shift+Tab from the first element of the page does not reach the reopen button', async () => {
      const { context, page } = await returning(h);
      await focusEnd(page, 'first');
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      assert.doesNotMatch(await focused(page), /reopen/);
      await context.close();
    });

    test('after a decision in the banner the reopen button is last; focus is never left on <body>', async () => {
      const { context, page } = await h.newPage();
      await page.goto(h.server.url + '/');
      await waitFor(page, () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
      await settled(page);
      await page.keyboard.press('Tab');
      // Tab through the banner to its reject button and press it, as a keyboard user does.
      for (let i = 0; i < 10 && !/reject-all/.test(await focused(page)); i++) await page.keyboard.press('Tab');
      assert.match(await focused(page), /reject-all/);
      await page.keyboard.press('Enter');
      await reopenShown(page);
      await settled(page);
      assert.notEqual(await page.evaluate(() => document.activeElement?.localName), 'body');
      await focusEnd(page, 'last');
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'keksi-consent > button[reopen]');
      await context.close();
    });

    test('the body replaced (Turbo, Swup): the reopen button is still there, still after the new page', async () => {
      const { context, page } = await returning(h);
      await page.evaluate(() => {
        const body = document.createElement('body');
        body.innerHTML = '<p>Page two <a href="#a" id="two-a">one</a> <a href="#b" id="two-b">two</a></p>';
        document.body.replaceWith(body);
      });
      await reopenShown(page);
      await focusEnd(page, 'last');
      assert.match(await focused(page), /#two-b/);
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'keksi-consent > button[reopen]');
      await context.close();
    });

    test('reopen="none": no reopen button; Tab from the shop’s own footer control leaves Keksi out', async () => {
      const { context, page } = await h.newPage();
      await page.goto(h.server.url + '/test/pages/reopen-none.html');
      await settled(page);
      await page.evaluate(() => document.querySelector('keksi-consent').rejectAll());
      await settled(page);
      assert.equal(await page.evaluate(() => document.querySelector('keksi-consent').shadowRoot.querySelectorAll('[part~="reopen"]').length), 0);
      await focusEnd(page, 'last');
      assert.equal(await focused(page), 'button#own');
      await page.keyboard.press('Tab');
      assert.doesNotMatch(await focused(page), /keksi/);
      await context.close();
    });
  });
}
