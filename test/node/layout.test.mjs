// The source tree shows the architecture (docs/architecture.md): no import cycles, and folders follow
// what loads when. Read statically from the import statements of src/, so no build is needed; the
// graph from the ES module entry, stopping at dynamic imports, is what rollup puts in dist/keksi.mjs.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import config from '../../rollup.config.mjs';

const CORE = 'src/core/';
const ENTRY = 'src/entry/';
/** The ES module build's entry (dist/keksi.mjs), as rollup.config.mjs names it. */
const entry = config.find((c) => c.input?.keksi).input.keksi.replace(/^\.\//, '');

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

/** Each module's imports: `{ to, kind }` with kind 'value', 'type' (erased by TypeScript) or 'dynamic'. */
function importsOf(file) {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found = [];
  const add = (spec, kind) => {
    const to = join(dirname(file), spec).replace(/\.js$/, '.ts');
    if (spec.startsWith('.')) found.push({ to, kind });
  };
  for (const [, clause, spec] of code.matchAll(/^\s*(?:import|export)\b([^;'"]*?)\bfrom\s*['"]([^'"]+)['"]/gm)) {
    const braces = /\{([^}]*)\}/.exec(clause);
    const named = braces
      ? braces[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    const typeOnly =
      /^\s*type\b/.test(clause) || (braces && named.length > 0 && named.every((s) => /^type\s/.test(s)) && !clause.replace(braces[0], '').match(/[\w*]/));
    add(spec, typeOnly ? 'type' : 'value');
  }
  for (const [, spec] of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) add(spec, 'value');
  for (const [, spec] of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(spec, 'dynamic');
  return found;
}

const modules = files('src').sort();
const graph = new Map(modules.map((m) => [m, importsOf(m)]));

test('every relative import in src/ names a file that exists', () => {
  const missing = [...graph].flatMap(([m, list]) => list.filter(({ to }) => !existsSync(to)).map(({ to }) => `${m} → ${to}`));
  assert.deepEqual(missing, []);
});

test('no import cycles in src/, type-only and dynamic imports included', () => {
  // Tarjan's strongly connected components: every component of more than one module is a cycle.
  let index = 0;
  const stack = [];
  const state = new Map();
  const cycles = [];
  const visit = (m) => {
    const s = { index, low: index++, onStack: true };
    state.set(m, s);
    stack.push(m);
    for (const { to } of graph.get(m) || []) {
      if (!graph.has(to)) continue;
      const t = state.get(to);
      if (!t) s.low = Math.min(s.low, visit(to).low);
      else if (t.onStack) s.low = Math.min(s.low, t.index);
    }
    if (s.low === s.index) {
      const component = [];
      let x;
      do {
        x = stack.pop();
        state.get(x).onStack = false;
        component.push(x);
      } while (x !== m);
      const selfLoop = graph.get(m).some(({ to }) => to === m);
      if (component.length > 1 || selfLoop) cycles.push(component.sort().join(' ↔ '));
    }
    return s;
  };
  for (const m of modules) if (!state.has(m)) visit(m);
  assert.deepEqual(cycles, [], 'import cycles:\n' + cycles.join('\n'));
});

/** Modules reached from `roots` through value imports, not crossing dynamic ones (a lazy chunk's boundary). */
function reach(roots, stop = new Set()) {
  const seen = new Set();
  const todo = [...roots];
  while (todo.length) {
    const m = todo.pop();
    if (seen.has(m) || stop.has(m)) continue;
    seen.add(m);
    for (const { to, kind } of graph.get(m) || []) if (kind === 'value') todo.push(to);
  }
  return seen;
}

const core = reach([entry]);

test('the core bundle (dist/keksi.mjs) is src/core/ and the entry folder, and src/core/ is only the core bundle', () => {
  // But the reopen button's label: a returning visit the core gated draws that button itself (issue 17,
  // src/entry/lean.ts), and texts live under src/i18n/ (the next tests).
  // load.ts too: how to fetch a language's table (no text), which a first visit asks for beside the controller (src/entry/lazy.ts).
  const inCoreBundleElsewhere = [...core]
    .filter((m) => !m.startsWith(CORE) && !m.startsWith(ENTRY) && m != 'src/i18n/reopen-label.ts' && m != 'src/i18n/load.ts')
    .sort();
  const inCoreFolderNotBundle = modules.filter((m) => (m.startsWith(CORE) || m.startsWith(ENTRY)) && !core.has(m));
  assert.deepEqual({ inCoreBundleElsewhere, inCoreFolderNotBundle }, { inCoreBundleElsewhere: [], inCoreFolderNotBundle: [] });
});

test('src/core/ draws no DOM: no element but the gated scripts it runs, no shadow root, no style sheet, no markup', () => {
  // What a visitor sees is drawn by the entry (the reopen button of a returning visit the core gated without
  // the controller: src/entry/reopen.ts), the controller and the UI; the core reads, gates and tells.
  const DRAWS = /attachShadow|adoptedStyleSheets|CSSStyleSheet|innerHTML|outerHTML\s*=|insertAdjacent|createElement\((?!'script'\))|\.style\b/;
  const drawing = modules
    .filter((m) => m.startsWith(CORE))
    .flatMap((m) =>
      readFileSync(m, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
        .split('\n')
        .filter((line) => DRAWS.test(line))
        .map((line) => `${m}: ${line.trim()}`),
    );
  assert.deepEqual(drawing, []);
});

test('the early visit’s state is one object (src/entry/returning-visitor.ts): no module-level let but the gate and its three questions', () => {
  // Issue 17, item 4: what the core knows of a returning visit until the controller takes over (the cookie's
  // values, the wake-up, whether it told keksi-ready, troubles…) is `early`, not seven loose variables.
  const code = readFileSync(ENTRY + 'returning-visitor.ts', 'utf8');
  const lets = [...code.matchAll(/^(?:export )?let (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(lets, ['blocked', 'consent', 'gate', 'granted', 'known']);
});

test('each folder of src/ loads with one output of dist/keksi.mjs: the core or one lazy chunk', () => {
  // The lazy chunks: every dynamic import in what the core or a lazy chunk reaches.
  const output = new Map([...core].map((m) => [m, 'core']));
  const lazy = [...new Set([...graph].flatMap(([, l]) => l.filter((i) => i.kind === 'dynamic').map((i) => i.to)))].sort();
  for (const root of lazy) {
    for (const m of reach([root], core)) output.set(m, output.has(m) && output.get(m) !== root ? 'shared' : relative('src', root));
  }
  const folders = new Map();
  for (const [m, out] of output) {
    const folder = dirname(relative('src', m)).split('/')[0];
    // Texts live only under src/i18n/ and load with what shows them (see the next test).
    if (folder === 'i18n') continue;
    // A platform or vendor module of src/integrations/ may be in its own lazy chunk (the platforms chunk holds
    // shopify.ts and wordpress.ts; each tracker module is its own), with what only such modules share.
    if (folder === 'integrations' && (out === 'shared' || out.startsWith('integrations/'))) continue;
    // Issue 17: the UI is the banner's chunk (ui/index.ts), the dialog's and the placeholders' (each fetched
    // when needed, importing what they share with the banner from its chunk).
    if (folder === 'ui' && (out === 'shared' || out.startsWith('ui/'))) continue;
    // Issue 17: a controller module needed only on demand (diagnostics.ts, the attribute messages fetched
    // when a configuration has a problem) is its own lazy chunk; what it shares with the controller
    // (config.ts) loads with the controller, from which the chunk imports it.
    if (folder === 'controller' && (out === 'shared' || (out.startsWith('controller/') && out !== 'controller/keksi-consent.ts'))) continue;
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder).set(m, out);
  }
  const mixed = [...folders]
    .filter(([, ms]) => new Set(ms.values()).size > 1)
    .map(([folder, ms]) => `src/${folder}/: ${[...ms].map(([m, o]) => `${relative('src', m)} in ${o}`).join(', ')}`);
  assert.deepEqual(mixed, [], 'folders that straddle outputs');
});

test('src/i18n/ loads with what shows each text: the core and the controller never load the translation tables', () => {
  const controller = reach(
    [...new Set([...graph].flatMap(([, l]) => l.filter((i) => i.kind === 'dynamic').map((i) => i.to)))].filter((m) => m.startsWith('src/controller/')),
    core,
  );
  const early = [...core, ...controller].filter((m) => m.startsWith('src/i18n/')).sort();
  // The reopen button's label is the core's and the controller's only text; load.ts holds none, only how to fetch a
  // language's table (issue 17: the core asks for the visitor's beside the UI chunk and the controller's).
  assert.deepEqual(early, ['src/i18n/load.ts', 'src/i18n/reopen-label.ts']);
});
