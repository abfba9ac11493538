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
/**
 * Lit reads `document.createElement`, `.createComment`, `.createTextNode`, `.createTreeWalker` and
 * `.importNode`, and Document has [LegacyOverrideBuiltIns]: one injected `<img name="createTreeWalker">`
 * stopped the UI chunk and every banner (DOM clobbering). Its calls go through Document.prototype here,
 * as Keksi's own do (src/core/doc.ts). Lit's minified build names `document` once (`l=document`); a Lit
 * whose code no longer matches fails the build rather than ship unpatched.
 */
const litDocument = {
  name: 'lit-document',
  transform(code, id) {
    if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
    const d = /\b(\w+)=document\b/.exec(code)?.[1];
    let n = 0;
    // `(options?.creationScope ?? document).importNode(…)`: Keksi gives Lit no creationScope, so a Document's.
    const out = code.replace(
      new RegExp(`\\b${d}\\.(create(?:Comment|TextNode|TreeWalker|Element))\\(|\\((\\w+\\?\\.creationScope)\\?\\?${d}\\)\\.importNode\\(`, 'g'),
      (m, method, scope) => (n++, method ? `Document.prototype.${method}.call(${d},` : `Document.prototype.importNode.call(${scope}??${d},`),
    );
    if (n != 5) this.error(`lit-html: ${n} of Lit's 5 document calls found; the DOM clobbering patch (litDocument) needs updating`);
    return { code: out, map: null };
  },
};
/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment): `//# allFunctionsCalledOnLoad`
 * first in a file has all its functions compiled with the file, on the thread that streams it, instead of
 * each on the page's main thread at its first call. For the files whose functions nearly all run when they
 * load: on a first visit at 4× CPU the main thread's lazy compiles of Keksi's functions were about 40 ms
 * (traced) and the banner came 10–15 % sooner with the hint (docs/benchmarks.md, "Measured choices").
 * After the minifier (which drops comments), so in the chunks' hashes.
 */
const compileHint = (wanted) => ({
  name: 'compile-hint',
  renderChunk: { order: 'post', handler: (code, chunk) => (wanted(chunk) ? { code: '//# allFunctionsCalledOnLoad\n' + code, map: null } : null) },
});
const resolve = () => [nodeResolve({ browser: true }), litDocument];
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
// nothing), so src/i18n/load.ts (the core's since a first visit asks for the texts beside the controller:
// src/entry/lazy.ts) names them with one address, `texts-${lang}-<hash>.mjs`, instead of three (−33 B gzip),
// relative to the output it lands in.
const TEXT_LANGS = ['fi', 'sv', 'en'];
const TEXTS_DIR = '__KEKSI_TEXTS_DIR__';
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
    load: (id) =>
      id.endsWith('/src/i18n/load.ts')
        ? `import { chunk } from '../entry/chunk.js';\n` +
          `export const textsModule = (lang) => chunk((_fetchChunk) => _fetchChunk(new URL(\`${TEXTS_DIR}texts-\${lang}-${hash}.mjs\`, import.meta.url).href)).catch(() => {});`
        : null,
    renderChunk: (code, chunk) =>
      code.includes(TEXTS_DIR) ? { code: code.replaceAll(TEXTS_DIR, chunk.fileName.startsWith('chunks/') ? './' : './chunks/'), map: null } : null,
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
const SHARED = /\/src\/(core\/[\w-]+|entry\/api|entry\/returning-visitor|entry\/reopen|single\/loader)\.(js|ts)$/;
const camel = (id) =>
  basename(id)
    .replace(/\.(js|ts)$/, '')
    .replace(/-(\w)/g, (_, c) => c.toUpperCase());
const shared = (source, importer) => !!importer && source.startsWith('.') && SHARED.test(resolvePath(dirname(importer), source));
/** keksi.js loads src/single/loader.ts where keksi.mjs has src/entry/lazy.ts, with the second file's name and hash. */
const single = {
  name: 'single',
  resolveId: (source, importer) => (source === './lazy.js' && importer?.endsWith('/src/entry/script-tag.ts') ? resolvePath('src/single/loader.ts') : null),
  // Rollup's own `import.meta.url` for a classic script reads `document.currentScript` and `document.baseURI`,
  // which an injected `<img name="currentScript">` shadows (it threw into the page): Keksi's tag, through the prototype.
  resolveImportMeta: (prop) => (prop === 'url' ? `Reflect.get(Document.prototype,"currentScript",document)?.src` : null),
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
  transform: (code, id) =>
    id.endsWith('/src/entry/lazy.ts')
      ? code.replace(
          "chunk((_fetchChunk) => import('../integrations/vendors.js'))",
          `chunk((_fetchChunk) => _fetchChunk(new URL(${VENDORS_PLACEHOLDER}, import.meta.url).href))`,
        )
      : null,
  generateBundle(_, bundle) {
    const vendors = Object.values(bundle).find((c) => c.type == 'chunk' && c.facadeModuleId?.endsWith('/src/integrations/vendors.ts'));
    const core = bundle['keksi.mjs'];
    if (!vendors || !core.code.includes(VENDORS_PLACEHOLDER)) this.error('the vendors chunk or its placeholder in keksi.mjs is missing');
    core.code = core.code.replace(VENDORS_PLACEHOLDER, JSON.stringify('./' + vendors.fileName));
  },
};

/**
 * A lazy chunk that failed to load once (a network blip) is fetched again when it is next needed
 * (src/entry/chunk.ts: browsers keep a failed import() of an address, so the helper moves the chunk to a
 * new one). For that the helper needs each chunk's address, which only rollup knows: every dynamic
 * import of a chunk is written `chunk((_fetchChunk) => import(<the chunk's module>))` in src/, and rollup's own hook for
 * rendering a dynamic import writes each as `_fetchChunk(new URL("./<chunk>.mjs", import.meta.url).href)`
 * (rollup still adds its `.then(…)` where it picks a module's exports out of a shared chunk). No output is
 * rewritten. The build fails on an import() in src/ that is not so wrapped (the rendering would call a
 * name that is not there); test/node/fresh-chunks.test.mjs checks the built files' shape.
 */
const chunkAddresses = {
  name: 'chunk-addresses',
  moduleParsed({ id, ast }) {
    if (!id.includes('/src/') || id.endsWith('/src/entry/chunk.ts')) return;
    const wrapped = new Set();
    const bare = [];
    const walk = (node) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node.type != 'string') return;
      const [load] = node.type == 'CallExpression' && node.callee.type == 'Identifier' && node.callee.name == 'chunk' ? node.arguments : [];
      if (load?.type == 'ArrowFunctionExpression' && load.params.length == 1 && load.params[0].name == '_fetchChunk' && load.body.type == 'ImportExpression')
        wrapped.add(load.body);
      if (node.type == 'ImportExpression' && !wrapped.has(node)) bare.push(node.source.value ?? 'an expression');
      for (const [key, value] of Object.entries(node)) if (key != 'type' && value && typeof value == 'object') walk(value);
    };
    walk(ast);
    if (bare.length)
      this.error(`chunk-addresses: ${id} imports ${bare.join(', ')} without chunk((_fetchChunk) => import(<the chunk's module>)) (src/entry/chunk.ts)`);
  },
  renderDynamicImport: ({ targetModuleId }) => (targetModuleId ? { left: '_fetchChunk(new URL(', right: ',import.meta.url).href)' } : null),
};

/** keksi-rest.js inlines every chunk (nothing to fetch again): src/entry/chunk.ts is the plain call there. */
const inlinedChunks = {
  name: 'inlined-chunks',
  load: (id) => (id.endsWith('/src/entry/chunk.ts') ? 'export const chunk = (load) => load();' : null),
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
    plugins: [clean(), inlinedChunks, resolve(), ts(), minifyTemplates(), ...min()],
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
    plugins: [
      vendorsAlongside,
      chunkAddresses,
      textsChunks(),
      resolve(),
      ts(),
      minifyTemplates(),
      esmMin(),
      // The core, the controller and the banner's chunk: a first visit runs nearly all of each as it loads.
      compileHint((c) => ['keksi', 'controller', 'ui'].includes(c.isEntry ? c.name : chunkName(c))),
    ],
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
