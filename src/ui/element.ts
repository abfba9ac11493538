/**
 * The base of Keksi's Lit elements: a custom element that renders a Lit template (lit-html's
 * `render()`) into its shadow root whenever one of its declared properties changes, batched in a
 * microtask like LitElement, with `updateComplete` and `updated(first)`.
 *
 * Why not LitElement: it brings ReactiveElement (≈ 2.7 KB gzip: attribute converters, reactive
 * controllers, dev-mode checks) of which Keksi uses only what is here, and `dist/keksi.js` has a
 * 12 KB budget for everything. Lit's templates, directives and event bindings are used unchanged.
 */
import { render } from 'lit/html.js';
import { guard } from '../core/log.js';

/** Static CSS for an element (no interpolation); its text is minified at build time. */
export const css = (strings: TemplateStringsArray): string => strings.raw[0];

type Ctor = typeof KeksiElement;
const sheets = new WeakMap<Ctor, CSSStyleSheet>();
const prepared = new WeakSet<Ctor>();

/**
 * A custom element rendered with Lit. Subclasses declare `static properties` (property name →
 * observed attribute name, or '' for none), `static styles` and `render()`.
 */
// The base is looked up, not named: importing the elements in Node, where there is no HTMLElement, must not throw.
export abstract class KeksiElement extends ((globalThis.HTMLElement || Object) as typeof HTMLElement) {
  /** The element's CSS, adopted into its shadow root as one constructable sheet per class. */
  static styles: string[] = [];
  /** Reactive properties: name → attribute that sets it ('' for a property only). */
  static properties: Record<string, string> = {};
  static get observedAttributes(): string[] {
    return Object.values(this.properties).filter(Boolean);
  }

  /** Resolves after the pending render (if any) has been done. */
  updateComplete: Promise<unknown> = Promise.resolve();
  private _values: Record<string, unknown> = {};
  private _pending = false;
  private _rendered = false;

  constructor() {
    super();
    const ctor = this.constructor as Ctor;
    if (!prepared.has(ctor)) {
      prepared.add(ctor);
      for (const name in ctor.properties) {
        // Native reflecting properties (`lang`) stay native; their attribute triggers the render.
        if (name in HTMLElement.prototype) continue;
        Object.defineProperty(ctor.prototype, name, {
          get(this: KeksiElement) {
            return this._values[name];
          },
          set(this: KeksiElement, value: unknown) {
            if (this._values[name] === value) return;
            this._values[name] = value;
            this.requestUpdate();
          },
        });
      }
    }
    let sheet = sheets.get(ctor);
    if (!sheet) {
      sheets.set(ctor, (sheet = new CSSStyleSheet()));
      sheet.replaceSync(ctor.styles.join(''));
    }
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [sheet];
  }

  /** Where the template is rendered: the shadow root. */
  get renderRoot(): ShadowRoot {
    return this.shadowRoot!;
  }

  connectedCallback(): void {
    this.requestUpdate();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const props = (this.constructor as Ctor).properties;
    const name = Object.keys(props).find((p) => props[p] === attribute)!;
    if (name in HTMLElement.prototype) this.requestUpdate();
    else {
      const self = this as unknown as Record<string, unknown>;
      self[name] = typeof self[name] === 'number' ? Number(value) : value;
    }
  }

  /** Schedule a render in a microtask (several changes render once). */
  requestUpdate(): void {
    if (this._pending) return;
    this._pending = true;
    this.updateComplete = Promise.resolve().then(() => {
      this._pending = false;
      if (!this.isConnected) return;
      guard(`rendering <${this.localName}>`, () => {
        render(this.render(), this.renderRoot, { host: this });
        const first = !this._rendered;
        this._rendered = true;
        this.updated(first);
      });
    });
  }

  /** After each render; `first` on the first one. */
  protected updated(_first: boolean): void {}

  /** The element's template. */
  protected abstract render(): unknown;
}
