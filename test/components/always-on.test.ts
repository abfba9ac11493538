/**
 * The necessary category's "always on" label (issue 13): on a phone it sits on the category's row,
 * beside the disclosure button like the other categories' switches, not on a row of its own under it.
 * Computed geometry at 360 px in fi, sv and en; real Chromium and Firefox.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { mount, prefsOf } from '../helpers.js';
import { settled, until } from '../wait.js';

async function resize(width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  await until(() => innerWidth === width && innerHeight === height, `a ${width}×${height} viewport (now ${innerWidth}×${innerHeight})`);
}

describe('the necessary category’s "always on" label', () => {
  afterEach(() => resize(800, 600));

  for (const [lang, text] of [
    ['fi', 'Aina käytössä'],
    ['sv', 'Alltid på'],
    ['en', 'Always on'],
  ]) {
    it(`${lang} at 360 px: "${text}" sits on the row of the disclosure button, the switch beside it`, async () => {
      await resize(360, 640);
      const el = await mount(
        `<keksi-consent categories="preferences analytics marketing" ga="G-TEST12345" meta-pixel="1234567890" lang="${lang}" no-reopen-button></keksi-consent>`,
      );
      await el.showPreferences();
      await settled(el);
      const prefs = prefsOf(el)!;
      const label = prefs.querySelector('#on')!;
      expect(label.textContent!.trim()).to.equal(text);
      const button = prefs.querySelector('#x-necessary')!.getBoundingClientRect();
      const on = label.getBoundingClientRect();
      const toggle = prefs.querySelector('#c-necessary')!.getBoundingClientRect();
      const row = `button ${button.top}–${button.bottom}, label ${on.top}–${on.bottom}, switch ${toggle.top}–${toggle.bottom}`;
      expect(on.top >= button.top && on.top < button.bottom, `label's top within the button: ${row}`).to.equal(true);
      const middle = (toggle.top + toggle.bottom) / 2;
      expect(middle > button.top && middle < button.bottom, `the switch's middle within the button: ${row}`).to.equal(true);
      // Nothing spills out of the dialog's box.
      const box = prefs.querySelector('dialog')!.getBoundingClientRect();
      expect(toggle.right <= box.right && button.left >= box.left, 'inside the dialog').to.equal(true);
      prefs.querySelector('dialog')!.close();
    });
  }
});
