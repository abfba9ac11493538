// Issue 12, "Lit-shaped elements": every element built on KeksiElement still type-checks when its
// import line says LitElement instead (`import { LitElement as KeksiElement } from 'lit'`), so moving
// an element to Lit is that one line. The sources are copied to test-results/ with that line changed
// and compiled with the project's own tsconfig.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const IMPORT = /^import \{ KeksiElement \} from '[./]+\/(?:ui\/)?element\.js';$/m;

test('each element compiles with `extends LitElement` by changing its import line', () => {
  const dir = 'test-results/lit-swap';
  rmSync(dir, { recursive: true, force: true });
  cpSync('src', join(dir, 'src'), { recursive: true });
  const swapped = [];
  for (const file of readdirSync(join(dir, 'src'), { recursive: true })) {
    const path = join(dir, 'src', file);
    if (!path.endsWith('.ts')) continue;
    const code = readFileSync(path, 'utf8');
    if (!/\bextends KeksiElement\b/.test(code)) continue;
    assert.match(code, IMPORT, `${file}: one import line of KeksiElement`);
    writeFileSync(path, code.replace(IMPORT, "import { LitElement as KeksiElement } from 'lit';"));
    swapped.push(file.replace(/.*\//, ''));
  }
  assert.deepEqual(swapped.sort(), ['keksi-banner.ts', 'keksi-embed.ts', 'keksi-notice.ts', 'keksi-preferences.ts']);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { noEmit: true, rootDir: '.' }, include: ['src/**/*.ts'] }),
  );
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
