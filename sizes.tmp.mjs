import { rollup } from 'rollup';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import cfgs from './rollup.config.mjs';
const cfg = cfgs[1];
const b = await rollup({ ...cfg, plugins: cfg.plugins.slice(0, 2), onwarn() {} });
const { output } = await b.generate({ ...cfg.output, dir: undefined });
for (const c of output) if (c.modules) { let tot = 0; console.log('==', c.fileName);
  for (const [id, m] of Object.entries(c.modules)) { if (!m.code) continue; const min = (await minify(m.code, { module: true, compress: false, mangle: true })).code || ''; const gz = gzipSync(min, { level: 9 }).length; tot += min.length; console.log(String(min.length).padStart(6), String(gz).padStart(6), id.replace(process.cwd() + '/', '')); }
  console.log('total min', tot);
}
