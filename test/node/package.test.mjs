// package.json declares what the code imports, no more and no less: a shop's `npm install keksi`
// gets exactly the runtime dependencies the shipped modules import, and a fresh clone has every
// package the tests, scripts and benchmarks import.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const deps = new Set(Object.keys(pkg.dependencies || {}));
const devDeps = new Set(Object.keys(pkg.devDependencies || {}));

const files = (dir, ext = /\.(ts|mjs|js)$/) =>
  !existsSync(dir)
    ? []
    : readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (name === 'node_modules' || name === 'generated') return [];
        return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) && !name.endsWith('.d.ts') ? [path] : [];
      });

// Static imports and re-exports (also `import type`: a .d.ts that names a package needs it installed),
// side-effect imports and dynamic import().
const SPECIFIER = /(?:^|[\s;}])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
/** The package names a file imports (`lit/html.js` → `lit`, `@web/test-runner-commands` as is); builtins left out. */
export function bareImports(text) {
  const names = new Set();
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] || m[2] || m[3];
    if (/^[./]/.test(spec) || spec.startsWith('node:') || /^https?:/.test(spec)) continue;
    const name = spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');
    if (!builtinModules.includes(name)) names.add(name);
  }
  return names;
}
const importsOf = (paths) => {
  const found = new Map();
  for (const file of paths) for (const name of bareImports(readFileSync(file, 'utf8'))) found.set(name, [...(found.get(name) || []), file]);
  return found;
};

test('the import scanner sees every form of import and leaves builtins and paths out', () => {
  const text = [
    "import { html } from 'lit/html.js';",
    "import type { X } from '@scope/pkg/sub';",
    "export { y } from 'pkg-b';",
    "import 'side-effect';",
    "const m = await import('dyn');",
    "import fs from 'node:fs'; import path from 'path'; import a from './a.js'; import b from '../b.js';",
    "import {\n  multi,\n  line,\n} from 'multi-line';",
  ].join('\n');
  assert.deepEqual([...bareImports(text)].sort(), ['@scope/pkg', 'dyn', 'lit', 'multi-line', 'pkg-b', 'side-effect']);
});

test('every package src/ imports is a runtime dependency', () => {
  const missing = [...importsOf(files('src'))].filter(([name]) => !deps.has(name));
  assert.deepEqual(missing, [], 'imported by src/ but not in "dependencies"');
});

test('every package the shipped bin/ and dist/esm/ import is a runtime dependency', () => {
  // dist/esm/ is what `import 'keksi'` loads: a helper import the compiler adds (tslib) must be declared.
  const shipped = [...files('bin'), ...files('dist/esm', /\.js$/)];
  const missing = [...importsOf(shipped)].filter(([name]) => !deps.has(name));
  assert.deepEqual(missing, [], 'imported by shipped code but not in "dependencies"');
});

test('every package the tests, scripts, benchmarks and configs import is declared', () => {
  const roots = readdirSync('.').filter((f) => /\.(mjs|js)$/.test(f));
  // This file's own scanner test holds sample imports in strings.
  const tests = files('test').filter((f) => !f.endsWith('package.test.mjs'));
  const used = importsOf([...tests, ...files('scripts'), ...files('bench'), ...files('demo'), ...roots]);
  const missing = [...used].filter(([name]) => !deps.has(name) && !devDeps.has(name));
  assert.deepEqual(missing, [], 'imported but in neither "dependencies" nor "devDependencies"');
});

test('every runtime dependency is imported by src/', () => {
  const used = importsOf(files('src'));
  const unused = [...deps].filter((name) => !used.has(name));
  assert.deepEqual(unused, [], 'in "dependencies" but not imported by src/ (a build or test tool belongs in devDependencies)');
});

test('no package is both a dependency and a devDependency', () => {
  assert.deepEqual(
    [...deps].filter((name) => devDeps.has(name)),
    [],
  );
});
