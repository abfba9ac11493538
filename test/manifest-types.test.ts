/**
 * The types a TypeScript page gets from Keksi (checked by `tsc -p tsconfig.test.json`, run by the
 * browsers too): every element in `HTMLElementTagNameMap`, `window.keksi` in `Window`, and the
 * version from package.json.
 */
import { expect } from '@open-wc/testing';
import * as api from '../src/entry/api.js';
import { KeksiBanner } from '../src/ui/index.js';
import { kit } from '../src/ui/kit.js';
import defineEmbed, { type KeksiEmbed } from '../src/ui/keksi-embed/index.js';
import definePreferences, { type KeksiPreferences } from '../src/ui/keksi-preferences/index.js';
import { KeksiConsent } from '../src/controller/keksi-consent.js';
import { KeksiNotice } from '../src/notice-entry.js';

describe('types', () => {
  it('document.createElement and querySelector know every Keksi element', () => {
    // Each line fails to compile when the tag is not in HTMLElementTagNameMap (createElement then
    // returns a plain HTMLElement). The dialog's and the placeholders' chunks define theirs when given the UI chunk's kit.
    definePreferences(kit);
    defineEmbed(kit);
    const banner: KeksiBanner = document.createElement('keksi-banner');
    const prefs: KeksiPreferences = document.createElement('keksi-preferences');
    const embed: KeksiEmbed = document.createElement('keksi-embed');
    const notice: KeksiNotice = document.createElement('keksi-notice');
    const consent: KeksiConsent | null = document.querySelector('keksi-consent');
    expect(banner).to.be.instanceOf(KeksiBanner);
    expect(prefs).to.be.instanceOf(customElements.get('keksi-preferences')!);
    expect(embed).to.be.instanceOf(customElements.get('keksi-embed')!);
    expect(notice).to.be.instanceOf(KeksiNotice);
    expect(consent).to.equal(null);
  });

  it('window.keksi is typed as the API, without the internal controller lookup', () => {
    const keksi: typeof window.keksi = { ...api, push: (fn) => fn(keksi!) };
    // @ts-expect-error: the running controller is reached through the element class, not window.keksi.
    expect(keksi.controller).to.equal(undefined);
    let seen = '';
    keksi.push((k) => (seen = k.version));
    expect(seen).to.equal(api.version);
  });

  it("the version is the package's, stamped at build time", async () => {
    const pkg = await (await fetch(new URL('../package.json', import.meta.url))).json();
    expect(api.version).to.equal(pkg.version);
  });
});
