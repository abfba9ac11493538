import { warn } from './log.js';

/**
 * Defines custom elements, once: a page that loads Keksi twice keeps the first definitions. A name the
 * page's own code has taken first is not Keksi's element: nothing of Keksi's runs in it (so nothing
 * optional runs), and the console says why.
 */
export function define(name: string, element: CustomElementConstructor): void {
  const had = customElements.get(name);
  if (!had) customElements.define(name, element);
  else if (had != element) warn(`<${name}> is defined by other code; Keksi's cannot run.`);
}
