// Issue 12, "Lit-shaped elements": where a browser has no adoptedStyleSheets (Safari before 16.4,
// Firefox before 101), the elements' styles come as <style> elements carrying the nonce of Keksi's
// own tag, as Lit's fallback does (Lit reads window.litNonce; Keksi knows its tag). The support check
// is made once when Lit's css-tag module loads (as Lit does), so this file removes the feature before
// importing anything that loads it.
export {};
delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;

const { expect, fixture, html } = await import('@open-wc/testing');
const { setScriptNonce } = await import('../src/core/gating.js');
const { until } = await import('./wait.js');
await import('../src/ui/index.js');
// A banner made on its own has no controller to fetch its texts: it gets them as a controller would give them.
const { textsFrom } = await import('../src/i18n/index.js');
const { textsModule } = await import('../src/i18n/load.js');
textsFrom(textsModule);
const { KeksiNotice } = await import('../src/notice/keksi-notice.js');
customElements.define('keksi-notice', KeksiNotice);

describe('styles without adoptedStyleSheets', () => {
  before(() => setScriptNonce('n0nce'));
  after(() => setScriptNonce(''));

  it('the banner is styled by <style> elements with the nonce of Keksi’s tag', async () => {
    expect('adoptedStyleSheets' in document.createElement('div').attachShadow({ mode: 'open' })).to.equal(false);
    const el = await fixture<HTMLElement & { open: boolean; updateComplete: Promise<boolean> }>(html`<keksi-banner .open=${true}></keksi-banner>`);
    // It draws once its texts are there (a chunk of their own, issue 17).
    const box = (await until(() => el.shadowRoot!.querySelector('.banner'), 'the banner'))!;
    const styles = [...el.shadowRoot!.querySelectorAll('style')];
    // One <style> for each of the banner's style sheets (shared, screen-only, its own).
    expect(styles.map((s) => s.nonce)).to.deep.equal(['n0nce', 'n0nce', 'n0nce']);
    expect(getComputedStyle(box).position).to.equal('fixed');
    expect(getComputedStyle(el.shadowRoot!.querySelector('button')!).cursor).to.equal('pointer');
  });

  it('the notice is styled the same way', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(html`<keksi-notice></keksi-notice>`);
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('style')].map((s) => s.nonce)).to.deep.equal(['n0nce', 'n0nce']);
    expect(getComputedStyle(el).display).to.equal('block');
  });
});
