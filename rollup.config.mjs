// Builds:
//  1. dist/keksi.js   — for a plain <script src> (one tag): the core (stored choice, gating, API) as a
//                       minified IIFE, which fetches everything else — the controller, integrations
//                       and UI — as one second classic script, dist/keksi-rest.js, from beside itself
//                       when it needs it (src/single/: after the page's first paint, like keksi.mjs).
//  2. dist/keksi.mjs  — the same as an ES module: the core (stored choice, gating, API) with lazy
//                       chunks loaded relative to it — the controller (with the integrations) and the
//                       UI (only when shown). A returning visitor's gated elements run on the core alone.
//  3. dist/keksi-notice.mjs and dist/keksi-notice.js — <keksi-notice>, for the privacy-notice page only.
//  4. dist/esm/       — unbundled ES modules with .d.ts for `import` users (lit, js-cookie external).
//  5. dist/configurator/ — the configurator (issue 16): a static page with one classic script, so it
//                       works opened from disk (file://); its preview loads ../keksi.js.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { BUILT, configuratorPage } from './scripts/configurator-page.mjs';
import minifyTemplates from './scripts/minify-templates.mjs';

/**
 * A one-off build starts from an empty dist/, so no stale chunk is left behind (the first build's
 * start; importing this file, as test/node/layout.test.mjs does, deletes nothing). Under `rollup
 * --watch` (`npm run dev`) dist/ is kept: each rebuild rewrites only its own files.
 */
const clean = () => ({
  name: 'clean',
  buildStart() {
    if (!this.meta.watchMode) rmSync('dist', { recursive: true, force: true });
  },
});

/** `__KEKSI_VERSION__` in src/ becomes package.json's version (web-test-runner.config.mjs defines it too). */
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const stampVersion = {
  name: 'version',
  transform: (code) => (code.includes('__KEKSI_VERSION__') ? code.replaceAll('__KEKSI_VERSION__', JSON.stringify(version)) : null),
};

// Transpile only (noCheck): the five builds would type-check src/ five times. Types are checked once,
// by `tsc --noEmit` in `npm run build` and by `tsc -p tsconfig.test.json` in `npm test`.
const ts = (options = {}) => [
  typescript({ tsconfig: './tsconfig.json', noCheck: true, declaration: false, declarationDir: undefined, outDir: 'dist', ...options }),
  stampVersion,
];
// Members named _likeThis are private to Keksi and renamed; Lit's own private members start with _$ or __.
// Vendors' globals and queue fields that start so keep their names (Meta _fbq, Matomo _paq, TikTok ttq._i/_t/_o,
// Hotjar _hjSettings, LinkedIn _linkedin_data_partner_ids).
const min = (more = {}) => [
  terser({
    ...more,
    ecma: 2021,
    module: true,
    compress: { passes: 3 },
    mangle: { properties: { regex: /^_(?!(fbq|paq|i|t|o|hjSettings|linkedin_data_partner_ids)$)[a-z]/ } },
    format: { comments: false },
  }),
];
/** Writes the configurator's page next to its script, from its one template (no server needed). */
const configuratorPageAsset = {
  name: 'configurator-page',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'index.html', source: configuratorPage(BUILT) });
  },
};
/** The test shop page and its notice page next to the configurator ("Kokeile testisivulla", src/configurator/try-page.ts), from their one template. */
const tryPagesAsset = {
  name: 'try-pages',
  generateBundle() {
    const template = readFileSync('src/configurator/try.html', 'utf8');
    this.addWatchFile(resolvePath('src/configurator/try.html'));
    for (const [fileName, page] of [
      ['testisivu.html', 'shop'],
      ['seloste.html', 'notice'],
    ])
      this.emitFile({ type: 'asset', fileName, source: template.replace('{{page}}', page) });
  },
};
/**
 * What a shop uploads, built into the configurator (src/configurator/built-files.ts), so its keksi.zip
 * needs no server: the module build (keksi.mjs and its chunks), the one-file build (keksi.js and
 * keksi-rest.js) and keksi-notice.js, as the builds above have just written them.
 */
const SHOP_FILES = ['keksi.mjs', 'keksi.js', 'keksi-rest.js', 'keksi-notice.js'];
const builtFiles = {
  name: 'built-files',
  load(id) {
    if (!id.endsWith('/src/configurator/built-files.ts')) return null;
    const names = [...SHOP_FILES, ...readdirSync('dist/chunks').map((f) => 'chunks/' + f)];
    for (const name of names) this.addWatchFile(resolvePath('dist', name));
    const files = Object.fromEntries(names.map((name) => [name, readFileSync(resolvePath('dist', name), 'utf8')]));
    // The GTM consent template, for a shop that chose GTM (src/configurator/shop-files.ts leaves it out otherwise).
    const template = 'integrations/gtm/keksi-consent.tpl';
    this.addWatchFile(resolvePath(template));
    files['gtm/keksi-consent.tpl'] = readFileSync(resolvePath(template), 'utf8');
    return `export const BUILT_FILES = ${JSON.stringify(files)};`;
  },
};
const resolve = () => nodeResolve({ browser: true });
const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/** Chunk names say what they hold: controller, ui. */
const chunkName = ({ facadeModuleId, moduleIds, name }) =>
  moduleIds.some((id) => /\/ui\/index\.ts$/.test(id))
    ? 'ui'
    : moduleIds.some((id) => id.endsWith('keksi-consent.ts'))
      ? 'controller'
      : uiChunkName(facadeModuleId) || name;

// ----- The ES module build's UI chunks (issue 17) -----
// The banner's chunk (ui) carries no dialog code and no texts: the dialog and the placeholders are chunks
// of their own, and so is each language's texts (only the visitor's is fetched).
const uiChunkName = (id = '') => (/\/ui\/keksi-preferences\/index\.ts$/.test(id) ? 'dialog' : /\/ui\/keksi-embed\/index\.ts$/.test(id) ? 'embed' : undefined);
// The texts chunks, chunks/texts-<lang>-<hash>.mjs, share one hash (of the three sources: they import
// nothing), so the controller (src/i18n/load.ts, on every returning visit's path) names them with one
// address, `./texts-${lang}-<hash>.mjs`, instead of three (−33 B gzip there).
const TEXT_LANGS = ['fi', 'sv', 'en'];
const textsHash = () =>
  createHash('sha256')
    .update(TEXT_LANGS.map((lang) => readFileSync(`src/i18n/${lang}.ts`, 'utf8')).join('\0'))
    .digest('base64url')
    .slice(0, 8);
const textsChunks = () => {
  let hash;
  return {
    name: 'texts-chunks',
    buildStart() {
      hash = textsHash();
      for (const lang of TEXT_LANGS) this.emitFile({ type: 'chunk', id: resolvePath(`src/i18n/${lang}.ts`), fileName: `chunks/texts-${lang}-${hash}.mjs` });
    },
    load: (id) => (id.endsWith('/src/i18n/load.ts') ? `export const textsModule = (lang) => import(\`./texts-\${lang}-${hash}.mjs\`).catch(() => {});` : null),
  };
};
// Terser for the build: the UI's chunks share one cache of mangled private names (`_likeThis`): the
// dialog's element extends the UI chunk's base class, and two members of one object must not get one
// name. The other chunks keep their own (a shared cache would give them longer names).
const esmMin = () => {
  const [shared] = min({ nameCache: {} });
  const [own] = min();
  return {
    name: 'terser-esm',
    renderChunk: (code, chunk, out) => (chunk.moduleIds.some((id) => /\/src\/ui\//.test(id)) ? shared : own).renderChunk(code, chunk, out),
  };
};

/**
 * The single file's two halves share the core's modules: keksi-rest.js imports them (and
 * src/single/loader.ts) from keksi.js, which hands them over on the <script> element that loads it.
 */
const SHARED = /\/src\/(core\/[\w-]+|entry\/api|entry\/returning-visitor|single\/loader)\.(js|ts)$/;
const camel = (id) =>
  basename(id)
    .replace(/\.(js|ts)$/, '')
    .replace(/-(\w)/g, (_, c) => c.toUpperCase());
const shared = (source, importer) => !!importer && source.startsWith('.') && SHARED.test(resolvePath(dirname(importer), source));
/** keksi.js loads src/single/loader.ts where keksi.mjs has src/entry/lazy.ts, with the second file's name and hash. */
const single = {
  name: 'single',
  resolveId: (source, importer) => (source === './lazy.js' && importer?.endsWith('/src/entry/script-tag.ts') ? resolvePath('src/single/loader.ts') : null),
  transform(code, id) {
    if (!id.endsWith('/src/single/loader.ts')) return null;
    // Under --watch (npm run dev) a new keksi-rest.js rebuilds keksi.js with its new hash.
    this.addWatchFile(resolvePath('dist/keksi-rest.js'));
    const rest = readFileSync('dist/keksi-rest.js');
    const v = createHash('sha256').update(rest).digest('hex').slice(0, 10);
    const sri = 'sha384-' + createHash('sha384').update(rest).digest('base64');
    return code.replaceAll('__KEKSI_REST_SRI__', JSON.stringify(sri)).replaceAll('__KEKSI_REST__', JSON.stringify(`keksi-rest.js?v=${v}`));
  },
};

/**
 * keksi.mjs fetches the vendors chunk alongside the controller's on a page with Google or Meta tags
 * (src/entry/lazy.ts). Rollup is not told: an import of it from the core would make rollup split what
 * the vendors chunk shares with the controller (the Consent Mode types) into a chunk of its own, one
 * more request after the controller's. So the core's import names a placeholder, filled in with the
 * chunk's file name once it is known; the vendors chunk keeps importing from the controller's chunk,
 * which the core has asked for at the same time.
 */
const VENDORS_PLACEHOLDER = '__KEKSI_VENDORS__';
const vendorsAlongside = {
  name: 'vendors-alongside',
  transform: (code, id) => (id.endsWith('/src/entry/lazy.ts') ? code.replace("import('../integrations/vendors.js')", `import(${VENDORS_PLACEHOLDER})`) : null),
  generateBundle(_, bundle) {
    const vendors = Object.values(bundle).find((c) => c.type == 'chunk' && c.facadeModuleId?.endsWith('/src/integrations/vendors.ts'));
    const core = bundle['keksi.mjs'];
    if (!vendors || !core.code.includes(VENDORS_PLACEHOLDER)) this.error('the vendors chunk or its placeholder in keksi.mjs is missing');
    core.code = core.code.replace(VENDORS_PLACEHOLDER, JSON.stringify('./' + vendors.fileName));
  },
};

/**
 * A lazy chunk that failed to load once (a network blip) is fetched again when it is next needed. Browsers
 * keep a failed import() of an address for the page's life (Firefox does), so every dynamic import of the
 * module build's chunks but the core's goes through `__keksiImport`: it imports a chunk at the address
 * that last worked, and after a failure moves that chunk to a new one (`<chunk>#<time>`), shared by all
 * chunks, so one chunk is never evaluated twice. The dialog's and the placeholders' chunks import the UI
 * chunk by its plain address, which after a retry would be a second copy (or the failure): they are made
 * functions of the UI chunk's exports instead, which it hands them when it has loaded them (as `__keksiUi`,
 * a name the minifier never gives: a one-letter one was shadowed by the chunk's own `const{A:U}=U`). The build
 * fails when the code no longer has the shape these rewrites expect.
 */
const FRESH_IMPORT =
  'const __keksiImport=u=>{u=new URL(u,import.meta.url).href;const m=globalThis[Symbol.for("keksi.chunks")]||={};return import(m[u]||u).catch(e=>{m[u]=u+"#"+Date.now();throw e})};';
const freshChunks = {
  name: 'fresh-chunks',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type == 'chunk');
    const ui = chunks.find((c) => c.fileName.startsWith('chunks/ui-'));
    const takers = chunks.filter((c) => /^chunks\/(dialog|embed)-/.test(c.fileName));
    for (const c of chunks) {
      if (c.isEntry || !/\bimport\(["`]/.test(c.code)) continue;
      c.code = FRESH_IMPORT + c.code.replace(/\bimport\((["`][^"`]*["`])\)/g, '__keksiImport($1)');
    }
    const exported = ui && /export\{([^}]*)\};?\s*$/.exec(ui.code);
    if (!exported || takers.length != 2) this.error('fresh-chunks: the UI chunk, its export or the dialog and embed chunks are missing');
    // The UI chunk's exports as an object: {exported: local}.
    const pairs = exported[1].split(',').map((p) => p.trim().split(/\s+as\s+/));
    ui.code += `const __keksiUi={${pairs.map(([local, name = local]) => `${name}:${local}`).join(',')}};`;
    const uiFile = basename(ui.fileName);
    for (const c of takers) {
      const file = basename(c.fileName);
      const re = new RegExp(`import\\{([^}]*)\\}from"\\./${uiFile.replace(/\./g, '\\.')}";`);
      const imported = re.exec(c.code);
      const end = /export\{[^}]*\};?\s*$/.exec(c.code);
      if (!imported || !end) this.error(`fresh-chunks: ${c.fileName} no longer imports the UI chunk in one statement, or has no export at its end`);
      const names = imported[1].split(',').map((p) => p.trim().split(/\s+as\s+/));
      const rest = c.code.slice(0, end.index).replace(imported[0], '');
      // The other static imports (of the core) stay at the top.
      const statics = rest.match(/^(import\{[^}]*\}from"[^"]*";\s*)*/)[0];
      c.code =
        statics +
        `let __k;export default __keksiUi=>__k||=(()=>{const{${names.map(([name, local = name]) => `${name}:${local}`).join(',')}}=__keksiUi;${rest.slice(statics.length)}})();`;
      if (/\bexport\b(?!\s*default __keksiUi=>)/.test(c.code) || c.code.includes(`"./${uiFile}"`))
        this.error(`fresh-chunks: ${c.fileName} still exports or imports the UI chunk`);
      const call = `__keksiImport("./${file}")`;
      if (!ui.code.includes(call)) this.error(`fresh-chunks: the UI chunk does not load ${file} as ${call}`);
      ui.code = ui.code.replace(call, `${call}.then(m=>m.default(__keksiUi))`);
    }
    for (const c of chunks) if (!c.isEntry && /\bfrom"\.\/ui-/.test(c.code)) this.error(`fresh-chunks: ${c.fileName} imports the UI chunk statically`);
  },
};

export default [
  {
    // Built first: keksi.js names its hash.
    input: 'src/single/rest.ts',
    external: shared,
    output: {
      file: 'dist/keksi-rest.js',
      format: 'iife',
      inlineDynamicImports: true,
      globals: (id) => 'K.' + camel(id),
      // K: the core's modules, left by keksi.js on the <script> element that loads this file (else it does nothing).
      banner: '(K=>{if(K){',
      footer: '}})(Reflect.get(Document.prototype,"currentScript",document)?.keksi);',
    },
    plugins: [clean(), resolve(), ts(), minifyTemplates(), ...min()],
    onwarn,
  },
  {
    input: 'src/entry/script-tag.ts',
    output: { file: 'dist/keksi.js', format: 'iife', inlineDynamicImports: true },
    plugins: [single, resolve(), ts(), minifyTemplates(), ...min()],
    onwarn,
  },
  {
    input: 'src/notice-entry.ts',
    output: { file: 'dist/keksi-notice.js', format: 'iife', name: 'keksiNotice' },
    plugins: [resolve(), ts(), minifyTemplates(), ...min()],
    onwarn,
  },
  {
    // One entry, so the core a returning visitor runs before gating is one file; the controller (with
    // the integrations) and the UI are lazy chunks.
    input: { keksi: 'src/entry/script-tag.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: (c) => `chunks/${chunkName(c)}-[hash].mjs` },
    plugins: [vendorsAlongside, freshChunks, textsChunks(), resolve(), ts(), minifyTemplates(), esmMin()],
    onwarn,
  },
  {
    input: 'src/notice-entry.ts',
    output: { file: 'dist/keksi-notice.mjs', format: 'es' },
    plugins: [resolve(), ts(), minifyTemplates(), ...min()],
    onwarn,
  },
  {
    // Its own bundle with plain Lit, never loaded by a shop's visitors. Private members keep their
    // names: Lit's decorators name them in strings.
    input: 'src/configurator/index.ts',
    output: { file: 'dist/configurator/configurator.js', format: 'iife' },
    plugins: [builtFiles, resolve(), ts(), configuratorPageAsset, terser({ ecma: 2021, compress: { passes: 2 }, format: { comments: false } })],
    onwarn,
  },
  {
    // The configurator's test pages (testisivu.html, seloste.html): the zip's pages built from the answers in their address.
    input: 'src/configurator/try.ts',
    output: { file: 'dist/configurator/kokeile.js', format: 'iife' },
    plugins: [resolve(), ts(), tryPagesAsset, terser({ ecma: 2021, compress: { passes: 2 }, format: { comments: false } })],
    onwarn,
  },
  {
    input: ['src/index.ts', 'src/entry/script-tag.ts', 'src/notice-entry.ts', 'src/notice/check.ts', 'src/notice/import.ts'],
    output: { dir: 'dist/esm', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    external: [/^lit/, /^js-cookie/, /^tslib/, /^@lit/, /^@orama/],
    plugins: [ts({ declaration: true, declarationDir: 'dist/esm', outDir: 'dist/esm' })],
    onwarn,
  },
];
