/**
 * The configurator's model (src/configurator/model.ts), in the browser: the business ID's check
 * digit, validation by Keksi's own patterns, the tags it produces, the gated snippets, and the text
 * on the accent computed as Keksi's own styles compute it.
 */
import { expect } from '@open-wc/testing';
import { INTEGRATIONS, categoryOf } from '../../src/configurator/integrations.js';
import {
  accentContrast,
  accentStyle,
  attributes,
  defaults,
  gatedSnippets,
  moduleTag,
  oneFileTag,
  restore,
  validBusinessId,
  validate,
} from '../../src/configurator/model.js';
import { base } from '../../src/ui/styles.js';

describe('configurator model', () => {
  it('accepts business IDs with the right check digit and refuses the rest', () => {
    // Real, published Y-tunnukset and their check digits by the official weights.
    for (const id of ['0112038-9', '1572860-0', '2331972-7']) expect(validBusinessId(id), id).to.equal(true);
    for (const id of ['0112038-8', '1572860-1', '123456-7', '01120389', '']) expect(validBusinessId(id), id).to.equal(false);
  });

  it('validates each service ID with Keksi’s own pattern', () => {
    const s = { ...defaults(), ga: 'UA-1234-1', 'google-ads': 'AW-123456789', gtm: 'GTM-abc', 'meta-pixel': '12ab' };
    expect(validate(s)).to.deep.equal({ ga: 'id', gtm: 'id', 'meta-pixel': 'id' });
  });

  it('gives every integration the category Keksi adds for it', () => {
    expect(Object.fromEntries(INTEGRATIONS.map((i) => [i.attr, categoryOf(i)]))).to.deep.equal({
      ga: 'analytics',
      'google-ads': 'marketing',
      gtm: 'analytics',
      'meta-pixel': 'marketing',
    });
  });

  it('makes the module and one-file tags with the same attributes, the categories following the services', () => {
    const s = { ...defaults(), ga: 'G-ABC123DEF4', 'meta-pixel': '1234567890', categories: 'preferences', 'notice-url': '/tietosuojaseloste', lang: 'fi' };
    expect(attributes(s)).to.deep.equal([
      ['categories', 'preferences analytics marketing'],
      ['lang', 'fi'],
      ['notice-url', '/tietosuojaseloste'],
      ['ga', 'G-ABC123DEF4'],
      ['meta-pixel', '1234567890'],
    ]);
    expect(moduleTag(s)).to.match(/^<script type="module" fetchpriority="low" src="\/keksi\/keksi\.mjs"\n {2}data-categories=/);
    expect(oneFileTag(s)).to.match(/^<script defer src="\/keksi\/keksi\.js"\n {2}data-categories=/);
    expect(gatedSnippets(s)).to.deep.equal([], 'attributes, not snippets');
  });

  it('wraps each script of a vendor snippet as text/plain with its category, and leaves the attributes out', () => {
    const s = { ...defaults(), setup: 'snippets' as const, gtm: 'GTM-ABC1234', 'meta-pixel': '1234567890' };
    const [gtm, meta] = gatedSnippets(s);
    expect(gtm.markup.match(/<script\b[^>]*>/g)).to.deep.equal(['<script type="text/plain" data-category="analytics">']);
    expect(meta.markup.match(/<script\b[^>]*>/g)).to.deep.equal(['<script type="text/plain" data-category="marketing">']);
    expect(moduleTag(s)).not.to.match(/data-gtm|data-meta-pixel/);
    expect(moduleTag(s)).to.match(/data-categories="analytics marketing"/);
  });

  it('escapes what the shop types into an attribute', () => {
    expect(moduleTag({ ...defaults(), 'notice-url': '/a"><script>x</script>' })).not.to.contain('"><script>');
  });

  it('fixes Keksi’s light or dark colours on request, with the dark accent when none was chosen', () => {
    expect(accentStyle(defaults())).to.equal('', 'Keksi’s defaults need no rule');
    expect(accentStyle({ ...defaults(), accent: '#1A5FB4' })).to.equal('<style>:root { --keksi-accent: #1a5fb4; }</style>\n');
    expect(accentStyle({ ...defaults(), theme: 'dark' })).to.equal(
      '<style>:root { --keksi-bg: #1d1d1f; --keksi-fg: #f5f5f7; --keksi-muted: #c0c0c8; --keksi-accent: #e8e8ed; }</style>\n',
    );
    expect(accentStyle({ ...defaults(), theme: 'light', accent: '#ffcc00' }))
      .to.contain('--keksi-bg: #fff;')
      .and.contain('--keksi-accent: #ffcc00;');
    expect(moduleTag({ ...defaults(), theme: 'dark' })).to.match(/^<style>:root \{ --keksi-bg: #1d1d1f;[^<]*<\/style>\n<script type="module"/);
  });

  it('restores a stored state: unknown keys and wrong types fall back', () => {
    const s = restore({ ga: 'G-ABC123DEF4', setup: 'evil', evil: 'x', position: 3, theme: 'neon' });
    expect(s.ga).to.equal('G-ABC123DEF4');
    expect(s.setup).to.equal('attributes');
    expect(s.position).to.equal('bottom');
    expect(s.theme).to.equal('auto');
    expect('evil' in s).to.equal(false);
  });

  it('puts on the accent the text Keksi’s own styles put on it, with at least AA contrast', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [base.styleSheet!];
    root.innerHTML = '<span style="color: var(--_accent-fg)">Aa</span>';
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rendered = (colour: string) => {
      probe.fillStyle = colour;
      probe.fillRect(0, 0, 1, 1);
      return probe.getImageData(0, 0, 1, 1).data[0] > 127 ? '#ffffff' : '#000000';
    };
    for (const accent of ['#2b2b30', '#1a5fb4', '#ffcc00', '#e01b24', '#26a269', '#777777', '#8a8a8a', '#ffffff', '#000000']) {
      host.style.setProperty('--keksi-accent', accent);
      const keksi = rendered(getComputedStyle(root.querySelector('span')!).color);
      const { text, ratio } = accentContrast(accent);
      expect(text, accent).to.equal(keksi);
      expect(ratio, accent).to.be.at.least(4.5);
    }
    host.remove();
  });
});
