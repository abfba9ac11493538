// The files the benchmark measures, built by rollup.config.mjs's own configurations: dist/keksi-rest.js
// and dist/keksi.js (one after the other: keksi.js names keksi-rest.js's hash) next to dist/keksi-notice.js
// and dist/keksi.mjs with its chunks, in two processes at once (the 2-core machine builds them in about
// half the time of one). `npm run build` also type-checks, writes the unbundled ES modules, the notice's
// module, the configurator and the manifest; the bench measures none of them, so it leaves them out.
// `node bench/build.mjs` builds; bench/bench.mjs calls build() before it measures.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The two chains, named by what each configuration writes. */
const CHAINS = [
  ['dist/keksi-rest.js', 'dist/keksi.js'],
  ['dist/keksi-notice.js', 'dist/keksi.mjs'],
];
const writes = (config) => config.output.file || `${config.output.dir}/${config.output.entryFileNames?.replace('[name]', Object.keys(config.input)[0])}`;

/** Builds one chain in this process (the child's side). */
async function buildChain(files) {
  const { rollup } = await import('rollup');
  const { default: configs } = await import('../rollup.config.mjs');
  for (const file of files) {
    const config = configs.find((c) => writes(c) === file);
    if (!config) throw new Error(`rollup.config.mjs has no build that writes ${file}`);
    // dist/ was emptied once, before both chains started (the config's own clean would race the other chain).
    const bundle = await rollup({ ...config, plugins: config.plugins.filter((p) => p.name !== 'clean'), onwarn: () => {} });
    await bundle.write(config.output);
    await bundle.close();
  }
}

/** Empties dist/ and builds both chains at once; resolves when both are written, rejects if one fails. */
export async function build() {
  rmSync('dist', { recursive: true, force: true });
  const script = fileURLToPath(import.meta.url);
  await Promise.all(
    CHAINS.map(
      (files) =>
        new Promise((ok, fail) =>
          spawn(process.execPath, [script, '--chain', files.join(',')], { stdio: 'inherit' }).on('exit', (code) =>
            code === 0 ? ok() : fail(new Error(`building ${files.join(', ')} failed (exit ${code})`)),
          ),
        ),
    ),
  );
}

/**
 * Another commit's build, for `--against <ref>` (bench/bench.mjs): that commit checked out in a temporary
 * worktree (this checkout's node_modules linked in), built by its own bench/build.mjs (by `rollup -c` where it
 * has none), and its dist/ copied to `into` (after this checkout's own build: build() empties dist/).
 * Resolves with the commit's hash and subject.
 */
export function buildRef(ref, into) {
  const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const tree = mkdtempSync(join(tmpdir(), 'keksi-against-'));
  git('worktree', 'add', '--detach', '--force', tree, commit);
  try {
    symlinkSync(resolve('node_modules'), join(tree, 'node_modules'), 'dir');
    const [cmd, args] = existsSync(join(tree, 'bench/build.mjs'))
      ? [process.execPath, ['bench/build.mjs']]
      : [process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']];
    execFileSync(cmd, args, { cwd: tree, stdio: 'inherit' });
    rmSync(into, { recursive: true, force: true });
    cpSync(join(tree, 'dist'), into, { recursive: true });
    const subject = git('log', '-1', '--format=%s', commit);
    return { commit, subject: subject.length > 80 ? subject.slice(0, 79) + '…' : subject };
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chain = process.argv[process.argv.indexOf('--chain') + 1];
  if (process.argv.includes('--chain')) await buildChain(chain.split(','));
  else await build();
}
