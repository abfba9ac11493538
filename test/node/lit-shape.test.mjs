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
/** An element made by a function of the UI chunk's kit: its base is the kit's `_keksiElement`. */
const KIT = /^import type \{ Kit \} from '\.\.\/kit\.js';$/m;

test('each element compiles with `extends LitElement` by changing its import line', () => {
  const dir = 'test-results/lit-swap';
  rmSync(dir, { recursive: true, force: true });
  cpSync('src', join(dir, 'src'), { recursive: true });
  const swapped = [];
  const made = [];
  for (const file of readdirSync(join(dir, 'src'), { recursive: true })) {
    const path = join(dir, 'src', file);
    if (!path.endsWith('.ts')) continue;
    const code = readFileSync(path, 'utf8');
    if (!/\bextends KeksiElement\b/.test(code)) continue;
    // The dialog and the placeholder take their base from the UI chunk's kit (src/ui/kit.ts), whose
    // import line is swapped below for both.
    if (KIT.test(code)) {
      made.push(file.replace(/.*\//, ''));
      continue;
    }
    assert.match(code, IMPORT, `${file}: one import line of KeksiElement`);
    writeFileSync(path, code.replace(IMPORT, "import { LitElement as KeksiElement } from 'lit';"));
    swapped.push(file.replace(/.*\//, ''));
  }
  const kit = join(dir, 'src/ui/kit.ts');
  assert.match(readFileSync(kit, 'utf8'), IMPORT, 'kit.ts: one import line of KeksiElement');
  writeFileSync(kit, readFileSync(kit, 'utf8').replace(IMPORT, "import { LitElement as KeksiElement } from 'lit';"));
  assert.deepEqual(swapped.sort(), ['keksi-banner.ts', 'keksi-notice.ts']);
  assert.deepEqual(made.sort(), ['keksi-embed.ts', 'keksi-preferences.ts']);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { noEmit: true, rootDir: '.' }, include: ['src/**/*.ts'] }),
  );
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
