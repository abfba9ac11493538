// Issue 12, "Lit-shaped elements": KeksiElement is a strict subset of LitElement. The types below are
// checked by `tsc -p tsconfig.test.json`; the behaviour is checked on both bases with the same
// element, so a difference between the subset and Lit fails here. (That each element compiles with
// `extends LitElement` in place of `extends KeksiElement` is test/node/lit-shape.test.mjs.)
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { css } from '@lit/reactive-element/css-tag.js';
import { KeksiElement } from '../src/ui/element.js';
import { KeksiBanner } from '../src/ui/keksi-banner/keksi-banner.js';
import { embed } from '../src/ui/keksi-embed/keksi-embed.js';
import { kit } from '../src/ui/kit.js';
import { KeksiNotice } from '../src/notice/keksi-notice.js';
import { preferences } from '../src/ui/keksi-preferences/keksi-preferences.js';

// Each element's statics are what LitElement accepts.
const statics: Array<{ properties: PropertyDeclarations; styles?: CSSResultGroup }> = [KeksiBanner, preferences(kit), embed(kit), KeksiNotice];
// The base's statics and public members have LitElement's types (a member Lit lacks is an error here).
type Own<T> = Omit<T, keyof HTMLElement>;
const base: { properties: PropertyDeclarations; styles?: CSSResultGroup; observedAttributes: string[] } = KeksiElement;
const members = (el: KeksiElement): Pick<LitElement, keyof Own<KeksiElement>> => el;
// Its protected lifecycle too: a subclass that makes them public must fit LitElement's shape.
abstract class Open extends KeksiElement {
  override willUpdate(c: PropertyValues) {
    super.willUpdate(c);
  }
  override firstUpdated(c: PropertyValues) {
    super.firstUpdated(c);
  }
  override updated(c: PropertyValues) {
    super.updated(c);
  }
  override createRenderRoot() {
    return super.createRenderRoot();
  }
}
const lifecycle = (el: Open): Pick<LitElement & Open, keyof Own<Open>> => el;
void [statics, base, members, lifecycle];

type Base = typeof KeksiElement;
let defined = 0;

/** One element with a property of each kind, on the given base; it logs its lifecycle. */
function probe(Base: Base) {
  class Probe extends Base {
    static override properties = {
      label: {},
      level: { type: Number, attribute: 'heading-level' },
      on: { type: Boolean, reflect: true },
      mode: { reflect: true },
      secret: { state: true },
      data: { attribute: false },
    };
    static override styles = css`:host { display: block; color: rgb(1, 2, 3); }`;
    label?: string;
    level = 2;
    on = false;
    mode = 'a';
    secret = 0;
    data?: object;
    log: string[] = [];
    protected override willUpdate(changed: PropertyValues) {
      this.log.push(`willUpdate ${[...changed.keys()]} shown:${this.renderRoot.textContent?.trim()}`);
    }
    protected override firstUpdated(changed: PropertyValues) {
      this.log.push(`firstUpdated ${[...changed.keys()]}`);
    }
    protected override updated(changed: PropertyValues) {
      this.log.push(`updated ${[...changed.keys()]} shown:${this.renderRoot.textContent?.trim()}`);
    }
    protected override render() {
      this.log.push('render');
      return html`${this.label}|${this.level}|${this.on}|${this.mode}|${this.secret}`;
    }
  }
  const tag = `lit-shape-${++defined}`;
  customElements.define(tag, Probe);
  return tag;
}

type Probe = KeksiElement & { label?: string; level: number | null; on: boolean; mode: string; secret: number; data?: object; log: string[] };
const text = (el: Element) => el.shadowRoot!.textContent!.trim();

for (const [name, Base] of [
  ['KeksiElement', KeksiElement],
  ['LitElement', LitElement as unknown as Base],
] as const) {
  describe(`a reactive property on ${name}`, () => {
    let tag: string;
    beforeEach(() => (tag = probe(Base)));
    const make = async (attrs = '') => {
      const host = await fixture<HTMLElement>(`<div><${tag} ${attrs}></${tag}></div>`);
      const el = host.firstElementChild as Probe;
      await el.updateComplete;
      return el;
    };

    it('takes its attribute converted by its type: String, Number, Boolean', async () => {
      const el = await make('label="hello" heading-level="3" on');
      expect([el.label, el.level, el.on]).to.deep.equal(['hello', 3, true]);
      expect(text(el)).to.equal('hello|3|true|a|0');
      el.removeAttribute('on');
      el.removeAttribute('heading-level');
      el.setAttribute('label', '');
      expect([el.label, el.level, el.on]).to.deep.equal(['', null, false]);
      await el.updateComplete;
      expect(text(el)).to.equal('||false|a|0');
    });

    it('observes the attributes of public properties only: not state, not attribute: false', async () => {
      expect((customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes.sort()).to.deep.equal([
        'heading-level',
        'label',
        'mode',
        'on',
      ]);
      const el = await make('secret="5" data="{}" level="9"');
      expect([el.secret, el.data, el.level]).to.deep.equal([0, undefined, 2]);
    });

    it('reflects to its attribute after the update (Boolean present or absent, String as is)', async () => {
      const el = await make();
      expect([el.hasAttribute('on'), el.getAttribute('mode')]).to.deep.equal([false, 'a']);
      el.on = true;
      el.mode = 'b';
      expect(el.hasAttribute('on')).to.equal(false);
      await el.updateComplete;
      expect([el.getAttribute('on'), el.getAttribute('mode')]).to.deep.equal(['', 'b']);
      el.on = false;
      await el.updateComplete;
      expect(el.hasAttribute('on')).to.equal(false);
    });

    it('state re-renders without an attribute', async () => {
      const el = await make();
      el.secret = 7;
      await el.updateComplete;
      expect(text(el)).to.equal('|2|false|a|7');
      expect(el.hasAttribute('secret')).to.equal(false);
    });

    it('runs willUpdate before the render with the changed keys, then updated; updateComplete after the render', async () => {
      const el = await make('label="x"');
      expect(el.log).to.deep.equal([
        'willUpdate level,on,mode,secret,label shown:',
        'render',
        'firstUpdated level,on,mode,secret,label',
        'updated level,on,mode,secret,label shown:x|2|false|a|0',
      ]);
      el.log = [];
      el.label = 'y';
      el.level = 4;
      el.level = 5;
      const done = el.updateComplete;
      expect(el.log).to.deep.equal([]);
      expect(await done).to.equal(true);
      expect(el.log).to.deep.equal(['willUpdate label,level shown:x|2|false|a|0', 'render', 'updated label,level shown:y|5|false|a|0']);
    });

    it('records the old value of each change, and no change for the same value', async () => {
      const el = await make('label="x"');
      const seen: Array<[PropertyKey, unknown]> = [];
      (el as unknown as { willUpdate(c: PropertyValues): void }).willUpdate = (c) => seen.push(...c);
      el.label = 'x';
      el.level = 2;
      el.mode = 'c';
      el.mode = 'd';
      await el.updateComplete;
      expect(seen).to.deep.equal([['mode', 'a']]);
    });

    it('does not render before it is connected', async () => {
      const el = document.createElement(tag) as Probe;
      el.label = 'early';
      await Promise.resolve();
      expect([el.hasUpdated, el.log.length, el.shadowRoot]).to.deep.equal([false, 0, null]);
      document.body.append(el);
      await el.updateComplete;
      expect(text(el)).to.equal('early|2|false|a|0');
      expect(el.log.filter((l) => l === 'render')).to.have.length(1);
      el.remove();
    });

    it('applies its static styles in its shadow root', async () => {
      const el = await make();
      expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
    });
  });
}
