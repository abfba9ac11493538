// Rollup plugin: minifies the CSS inside Lit's css`…` tagged templates in Keksi's own sources, which
// terser leaves untouched. Runs on each of Keksi's own modules after TypeScript (whose plugin reads
// files itself) and before bundling, so it never touches other packages' code.
const CSS = /\bcss ?`([^`$\\]*)`/g;

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([^\d\s]):\s+/g, '$1:')
    .replace(/;}/g, '}')
    .trim();
}

export default function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\bcss ?`/.test(code)) return null;
      return { code: code.replace(CSS, (m, body) => 'css`' + minifyCss(body) + '`'), map: null };
    },
  };
}
