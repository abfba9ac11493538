// What each source module weighs in the ES module build's files (docs/benchmarks.md, "Where the first visit's
// bytes are"): rollup.config.mjs's keksi.mjs configuration generated in memory (nothing written), each module's
// rendered code in each output minified and gzipped alone (terser, its top-level names kept, gzip -9; so a file's parts overlap and add up
// to more than the file). `node bench/modules.mjs`; not part of `npm run bench`.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';
import configs from '../rollup.config.mjs';

const config = configs.find((c) => c.output.entryFileNames === '[name].mjs');
const bundle = await rollup({ ...config, plugins: config.plugins.flat().filter((p) => p && p.name !== 'clean'), onwarn: () => {} });
const { output } = await bundle.generate(config.output);
await bundle.close();
// The build's minifier (its worker pool closes after each call), on a module's code as a script: nothing of it is dropped.
const minifier = terser({ ecma: 2021, compress: { passes: 3 }, mangle: true, toplevel: false });
const gz = (code) => gzipSync(code, { level: 9 }).length;
const short = (id) => id.replace(/^.*\/(src|node_modules)\//, '').replace(/\.(ts|js)$/, '');
for (const file of output.filter((o) => o.type === 'chunk' && !/texts-(sv|en)/.test(o.fileName))) {
  const parts = [];
  for (const [id, m] of Object.entries(file.modules)) {
    if (!m.code?.trim()) continue;
    parts.push([short(id), gz(await minifier.renderChunk(m.code, {}, { format: 'iife' }))]);
  }
  parts.sort((a, b) => b[1] - a[1]);
  console.log(`${file.fileName.replace(/-[\w-]{8}\.mjs$/, '')} (${gz(file.code)} B): ${parts.map(([n, b]) => `${n} ${b}`).join(' · ')}`);
}
