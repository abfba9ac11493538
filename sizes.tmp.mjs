import { rollup } from 'rollup';
import cfgs from './rollup.config.mjs';
import sm from 'source-map'; const { SourceMapConsumer } = sm;
const cfg = cfgs[0];
const b = await rollup({ ...cfg, onwarn() {} });
const { output } = await b.generate({ ...cfg.output, sourcemap: true });
const { code, map } = output[0];
const c = await new SourceMapConsumer(map);
const lines = code.split('\n'); const per = {};
for (let l = 0; l < lines.length; l++) { const line = lines[l]; let prev = null, prevCol = 0;
  for (let col = 0; col < line.length; col += 1) { const p = c.originalPositionFor({ line: l + 1, column: col }); const src = (p.source || '?').replace(/.*node_modules\//, 'nm/').replace(/.*\/src\//, 'src/'); per[src] = (per[src] || 0) + 1; } }
console.log(Object.entries(per).sort((a, b) => b[1] - a[1]).map(([k, v]) => v + ' ' + k).join('\n'));
