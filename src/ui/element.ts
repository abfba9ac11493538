/**
 * The base of Keksi's elements: a strict subset of `LitElement`, under the same names and shapes
 * (`static properties` as `{ type, attribute, reflect, state }`, `static styles` from Lit's `css`,
 * `willUpdate`/`firstUpdated`/`updated` with a map of changed properties, `updateComplete`,
 * `requestUpdate`, `renderRoot`, `createRenderRoot`), so that an element moves to `LitElement` by
 * changing one line: its import of the base (test/node/lit-shape.test.mjs compiles every element so).
 * Templates are lit-html's.
 *
 * Why it exists: bytes. It leaves out ReactiveElement's converters, controllers, `hasChanged`,
 * `shouldUpdate`, polyfill and dev hooks; the measured difference against `extends LitElement` (and
 * against the earlier ad-hoc base) is in docs/benchmarks.md, "Measured choices". What it leaves
 * out the compiler refuses (no `converter`, `hasChanged`, `Object`/`Array` types), so a declaration
 * here means the same under LitElement; test/lit-shape.test.ts runs the same element on both.
 */
import { render } from 'lit/html.js';
import { supportsAdoptingStyleSheets, type CSSResult } from '@lit/reactive-element/css-tag.js';
import type { PropertyValues } from '@lit/reactive-element';
import { scriptNonce } from '../core/gating.js';
import { guard } from '../core/log.js';
import { doc } from '../core/doc.js';

/** A reactive property: the part of Lit's `PropertyDeclaration` this base implements. */
export interface PropertyDeclaration {
  /** Internal state: re-renders, has no attribute. */
  readonly state?: boolean;
  /** The attribute that sets the property: its lowercased name (default), another name, or `false`. */
  readonly attribute?: boolean | string;
  /** How the attribute's text becomes the value: as is (`String`, default), `Number`, or present (`Boolean`). */
  readonly type?: typeof String | typeof Number | typeof Boolean;
  /** Write the value back to the attribute on each update. */
  readonly reflect?: boolean;
}

type Ctor = typeof KeksiElement;
type Props = Record<PropertyKey, unknown>;
const ready = new WeakSet<Ctor>();
/** The attribute of a declared property, if it has one. */
const attributeOf = (name: string, d: PropertyDeclaration) =>
  !d.state && d.attribute !== false && (typeof d.attribute == 'string' ? d.attribute : name.toLowerCase());

/** A custom element rendered with Lit: declare `static properties`, `static styles` and `render()`. */
// The base is looked up, not named: importing the elements in Node, where there is no HTMLElement, must not throw.
export abstract class KeksiElement extends ((globalThis.HTMLElement || Object) as typeof HTMLElement) {
  /** The element's CSS: adopted into its shadow root, or `<style>` elements (with Keksi's nonce) where that is unsupported. */
  static styles?: CSSResult | CSSResult[];
  /** Reactive properties: each change schedules an update. */
  static properties: { readonly [name: string]: PropertyDeclaration } = {};
  static get observedAttributes(): string[] {
    return Object.entries(this.properties)
      .map(([n, d]) => attributeOf(n, d) as string)
      .filter(Boolean);
  }

  /** Where `render()` draws: the shadow root, made when the element is first connected. */
  readonly renderRoot!: HTMLElement | DocumentFragment;
  /** Whether an update is scheduled. */
  isUpdatePending = false;
  /** Whether the element has updated once. */
  hasUpdated = false;
  private _changed: PropertyValues = new Map();
  private _reflecting = new Set<string>();
  /** The property being set from its attribute, or written to it. */
  private _syncing?: string;
  private _connect!: (value: boolean) => void;
  private _update: Promise<boolean> = new Promise((resolve) => (this._connect = resolve));

  constructor() {
    super();
    const ctor = this.constructor as Ctor;
    if (!ready.has(ctor)) {
      ready.add(ctor);
      for (const name in ctor.properties) {
        const key = Symbol();
        Object.defineProperty(ctor.prototype, name, {
          get(this: Props) {
            return this[key];
          },
          set(this: KeksiElement & Props, value: unknown) {
            const old = this[key];
            this[key] = value;
            this.requestUpdate(name, old);
          },
        });
      }
    }
    this.requestUpdate();
  }

  /** Resolves after the pending update, with `false` when another one is already scheduled. */
  get updateComplete(): Promise<boolean> {
    return this._update;
  }

  /**
   * Schedule an update in a microtask (changes made until then are rendered once). With a property's
   * name and its old value, records the change (as `changed` in the lifecycle methods) if it is one.
   */
  requestUpdate(name?: PropertyKey, oldValue?: unknown): void {
    if (name !== undefined) {
      if (Object.is((this as unknown as Props)[name], oldValue)) return;
      if (!this._changed.has(name)) this._changed.set(name, oldValue);
      if ((this.constructor as Ctor).properties[name as string]?.reflect && this._syncing != name) this._reflecting.add(name as string);
    }
    if (this.isUpdatePending) return;
    this.isUpdatePending = true;
    this._update = this._update.then(() => {
      const changed = this._changed;
      guard(`rendering <${this.localName}>`, () => {
        this.willUpdate(changed);
        this._changed = new Map();
        this.isUpdatePending = false;
        for (const p of this._reflecting) this._sync(p, () => this._toAttribute(p));
        this._reflecting.clear();
        render(this.render(), this.renderRoot, { host: this });
        if (!this.hasUpdated) this.firstUpdated(changed);
        this.hasUpdated = true;
        this.updated(changed);
      });
      // A render that threw before its reset must not leave the element stuck "pending".
      if (this._changed == changed) {
        this._changed = new Map();
        this.isUpdatePending = false;
      }
      return !this.isUpdatePending;
    });
  }

  /** Makes the shadow root and gives it the element's styles. */
  protected createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.attachShadow({ mode: 'open' });
    const styles = [(this.constructor as Ctor).styles || []].flat();
    if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = styles.map((s) => s.styleSheet!);
    else
      for (const s of styles) {
        // As Lit does; with the nonce of Keksi's own tag (a CSP without 'unsafe-inline' needs one).
        const style = doc('createElement')('style');
        style.nonce = scriptNonce;
        style.textContent = s.cssText;
        root.append(style);
      }
    return root;
  }

  connectedCallback(): void {
    (this as { renderRoot: unknown }).renderRoot ||= this.createRenderRoot();
    this._connect(true);
  }

  disconnectedCallback(): void {}

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const props = (this.constructor as Ctor).properties;
    const name = Object.keys(props).find((n) => attributeOf(n, props[n]) == attribute)!;
    const type = props[name].type;
    // Not while the property itself is being written to this attribute.
    if (this._syncing != name)
      this._sync(name, () => ((this as unknown as Props)[name] = type == Boolean ? value !== null : type == Number && value !== null ? Number(value) : value));
  }

  private _sync(name: string, fn: () => void): void {
    this._syncing = name;
    fn();
    this._syncing = undefined;
  }

  private _toAttribute(name: string): void {
    const value = (this as unknown as Props)[name];
    const d = (this.constructor as Ctor).properties[name];
    const text = d.type == Boolean ? (value ? '' : null) : (value as string | null | undefined);
    const attribute = attributeOf(name, d) as string;
    if (text == null) this.removeAttribute(attribute);
    else this.setAttribute(attribute, text);
  }

  /** Before each render, with the changed properties' old values; changes made here join this render. */
  protected willUpdate(_changed: PropertyValues): void {}

  /** After the first render, before `updated`. */
  protected firstUpdated(_changed: PropertyValues): void {}

  /** After each render, with the changed properties' old values. */
  protected updated(_changed: PropertyValues): void {}

  /** The element's template. */
  protected abstract render(): unknown;
}
