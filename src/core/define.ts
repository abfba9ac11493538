/** Defines custom elements, once: a page that loads Keksi twice keeps the first definitions. */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
