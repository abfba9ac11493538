// `npm run dev`: the contributor's loop. Rollup rebuilds dist/ on every change, the demo shop is served
// on http://localhost:8080/ (PORT to change), and web-test-runner re-runs the browser tests in Chromium
// (BROWSERS to change) on every change. Ctrl+C stops all three.
import { spawn } from 'node:child_process';
import { startServer } from './serve.mjs';

const children = [spawn('npx', ['rollup', '-c', '--watch', '--silent'], { stdio: 'inherit' })];
// web-test-runner's watch mode is interactive: it needs a terminal.
if (process.stdout.isTTY) {
  children.push(spawn('npx', ['wtr', '--watch'], { stdio: 'inherit', env: { ...process.env, BROWSERS: process.env.BROWSERS || 'chromium' } }));
} else console.log('[keksi dev] not a terminal: web-test-runner --watch skipped (run `npx wtr --watch` in a terminal)');
const { url } = await startServer({ port: Number(process.env.PORT || 8080) });
console.log(`Keksi dev: demo shop at ${url}/ — rollup and web-test-runner are watching src/ and test/`);

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => code && code !== 0 && console.error(`[keksi dev] ${child.spawnargs.slice(1, 3).join(' ')} exited with ${code}`));
