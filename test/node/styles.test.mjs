// The UI's style sources, read statically: sizes never in `rem` (the root font size is the theme's:
// Dawn sets 62.5 %), and words never broken anywhere (`word-break: break-all`, or `overflow-wrap:
// anywhere` outside the notice's contact details, which hold addresses): hyphenation with `lang` instead.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
const styled = files('src').filter((f) => f.endsWith('.ts'));
/** The CSS in a source file: its css`…` templates, without comments. */
const cssOf = (f) =>
  [...readFileSync(f, 'utf8').matchAll(/css`([^`]*)`|_CSS = (`[^`]*`|'[^']*')/g)].map((m) => (m[1] ?? m[2]).replace(/\/\*[\s\S]*?\*\//g, '')).join('\n');

test('no style sizes anything in rem (but the base size: 16 px, or the root size when larger)', () => {
  const found = styled.filter((f) => /\d(\.\d+)?rem\b/.test(cssOf(f).replace('max(1rem, 16px)', '')));
  assert.deepEqual(found, []);
});

test('no word-break: break-all anywhere, and overflow-wrap: anywhere only for the notice’s addresses', () => {
  assert.deepEqual(
    styled.filter((f) => /break-all/.test(readFileSync(f, 'utf8'))),
    [],
  );
  const anywhere = styled.flatMap((f) => [...cssOf(f).matchAll(/([^{}]*)\{[^}]*overflow-wrap:\s*anywhere/g)].map((m) => `${f}: ${m[1].trim()}`));
  assert.deepEqual(anywhere, ['src/notice/keksi-notice.styles.ts: dd']);
});

test('the styles that carry the host, the banner and the dialog hide them in print', () => {
  assert.match(cssOf('src/ui/keksi-ui.ts'), /@media print \{\s*:host \{\s*display: none !important;/);
  assert.match(cssOf('src/entry/reopen.ts'), /@media print\{button\{display:none\}\}/);
});
