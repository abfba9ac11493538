// `npm run manifest` (also part of `npm run build`): custom-elements.json, the Custom Elements
// Manifest that editors, Storybook and docs tools read (package.json `customElements`). Generated
// from the JSDoc on each element class: `@tag`, `@attr`, `@fires`, `@csspart`, `@cssprop`, `@slot`.
import { readFileSync } from 'node:fs';

/**
 * The defaults src/core/attributes.ts defines (`export const NAME = 'text' | 123;`): a JSDoc `@attr`
 * names the constant (`[expires-days=DEFAULT_EXPIRES_DAYS]`) and the manifest states its value, so
 * each default is written once (test/node/facts.test.mjs).
 */
const DEFAULTS = new Map(
  [...readFileSync('src/core/attributes.ts', 'utf8').matchAll(/^export const ([A-Z_]+) = (?:'([^']*)'|(\d+));$/gm)].map(([, name, text, number]) => [
    name,
    text ?? number,
  ]),
);
const resolveDefaults = (text) => text?.replace(/\b[A-Z][A-Z_]+\b/g, (name) => DEFAULTS.get(name) ?? name);

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  // package.json names the file itself; the analyzer would otherwise rewrite package.json on every run.
  packagejson: false,
  plugins: [
    {
      // The dialog and the placeholder are classes made by a function of the UI chunk's kit (src/ui/kit.ts:
      // `export const preferences = (kit) => { class KeksiPreferences … }`): the module exports the function,
      // not the class, so the analyzer would leave the class out as unexported. The module is where the
      // element is made: it is recorded as its custom-element definition.
      name: 'keksi-made-elements',
      analyzePhase({ ts, node, moduleDoc }) {
        if (node.kind != ts.SyntaxKind.ClassDeclaration || node.parent?.kind == ts.SyntaxKind.SourceFile) return;
        const made = moduleDoc.declarations?.find((d) => d.kind == 'class' && d.name == node.name?.getText() && d.tagName);
        if (made)
          (moduleDoc.exports ||= []).push({
            kind: 'custom-element-definition',
            name: made.tagName,
            declaration: { name: made.name, module: moduleDoc.path },
          });
      },
    },
    {
      // The manifest describes the elements' public API, at the paths the package ships (dist/esm/):
      // the modules without an element, private and protected members and Keksi's underscore-prefixed
      // internals are left out.
      name: 'keksi-elements-only',
      packageLinkPhase({ customElementsManifest: cem }) {
        const shipped = (path) => path?.replace(/^src\/(.*)\.ts$/, 'dist/esm/$1.js');
        cem.modules = cem.modules.filter((mod) => mod.declarations?.some((d) => d.tagName));
        for (const mod of cem.modules) {
          mod.path = shipped(mod.path);
          mod.declarations = mod.declarations.filter((d) => d.tagName);
          const names = new Set(mod.declarations.map((d) => d.name));
          mod.exports = mod.exports?.filter((e) => names.has(e.declaration?.name));
          for (const d of mod.declarations) {
            for (const a of d.attributes || []) {
              if (a.default !== undefined) a.default = resolveDefaults(a.default);
              if (a.description !== undefined) a.description = resolveDefaults(a.description);
            }
            d.members = d.members?.filter((m) => !m.privacy && !m.name.startsWith('_'));
            for (const ref of [d.superclass, ...(d.members || []).map((m) => m.inheritedFrom)]) if (ref?.module) ref.module = shipped(ref.module);
          }
          for (const e of mod.exports || []) if (e.declaration?.module) e.declaration.module = shipped(e.declaration.module);
        }
      },
    },
  ],
};
