/**
 * Defines custom elements, once: a page that loads Keksi twice keeps the first definitions. Without
 * a registry (Node) it does nothing.
 */
export function define(name: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (registry && !registry.get(name)) registry.define(name, element);
}
