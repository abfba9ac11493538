/**
 * The Gate on its own (src/core/gating.ts): an element is checked against the consent in force when
 * it is reached, not when it was queued; only type="text/plain" scripts are gated scripts; gated
 * URLs are http(s) or relative.
 */
import { expect } from '@open-wc/testing';
import { Gate } from '../src/core/gating.js';

declare global {
  interface Window {
    __grants: Set<string>;
  }
}

describe('Gate (consent that holds)', () => {
  let gate: Gate | undefined;
  let box: HTMLElement;
  beforeEach(() => {
    window.__ran = [];
    window.__grants = new Set(['necessary', 'a', 'b']);
    box = document.createElement('div');
    document.body.append(box);
  });
  afterEach(() => {
    gate?.disconnect();
    box.remove();
  });
  const start = () => {
    gate = new Gate(
      // `category:*` is the category granted whole: these tests grant categories only.
      (c) => window.__grants.has(c.replace(/:\*$/, '')),
      () => true,
      () => {},
    );
    gate.update();
  };

  it('a gated script that withdraws a category stops the elements queued after it, until it is granted again', () => {
    box.innerHTML = `
      <script type="text/plain" data-category="a">window.__ran.push('a'); window.__grants.delete('b')</script>
      <script type="text/plain" data-category="b">window.__ran.push('b')</script>
      <iframe data-category="b" data-src="/test/fixtures/holds-frame.html#b" title="b"></iframe>
      <script type="text/plain" data-category="necessary">window.__ran.push('necessary')</script>`;
    start();
    expect(window.__ran).to.deep.equal(['a', 'necessary']);
    expect(box.querySelector('iframe')!.getAttribute('src')).to.equal(null);
    window.__grants.add('b');
    gate!.update();
    expect(window.__ran).to.deep.equal(['a', 'necessary', 'b']);
    expect(box.querySelector('iframe')!.getAttribute('src')).to.equal('/test/fixtures/holds-frame.html#b');
  });

  it('leaves a type="application/json" script with data-src alone; data-type that is not JavaScript stays data', async () => {
    box.innerHTML = `
      <script type="application/json" data-category="necessary" data-src="data:text/javascript,window.__ran.push('json')">{"a": 1}</script>
      <script type="text/plain" data-category="necessary" data-type="application/json">window.__ran.push('json-type')</script>
      <script type="text/plain" data-category="necessary">window.__ran.push('after')</script>`;
    start();
    expect(window.__ran).to.deep.equal(['after']);
    const json = box.querySelector('script[type="application/json"][data-src]')!;
    expect(json.hasAttribute('data-keksi')).to.equal(false);
  });

  it('refuses gated URLs that are not http(s) or relative', () => {
    box.innerHTML = `
      <iframe data-category="necessary" data-src="javascript:parent.__ran.push('js')" title="js"></iframe>
      <iframe data-category="necessary" data-src="data:text/html,x" title="data"></iframe>
      <iframe data-category="necessary" data-src="//localhost/test/fixtures/holds-frame.html" title="ok"></iframe>`;
    start();
    expect([...box.querySelectorAll('iframe')].map((f) => f.getAttribute('src'))).to.deep.equal([null, null, '//localhost/test/fixtures/holds-frame.html']);
  });
});
