// The README is for the person installing Keksi: it stays short, its links and those of docs/ lead
// to files that are in the repository, and no page states a test count (counts go stale at once;
// `npm test` prints the real one).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';

const README_MAX = 12288;
const pages = ['README.md', ...(existsSync('docs') ? readdirSync('docs') : []).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Files of the repository: tracked or new, not ignored (dist/ is built, so never a link target). */
function repositoryFiles() {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' });
    return new Set(out.split('\0').filter((f) => f && existsSync(f)));
  } catch {
    return undefined; // not a git checkout: fall back to the file system below
  }
}
const files = repositoryFiles();
const inRepository = (path) => {
  if (!files) return existsSync(path) && !/^(dist|node_modules|test-results)(\/|$)/.test(path);
  if (files.has(path)) return true;
  const dir = path.replace(/\/$/, '') + '/';
  return [...files].some((f) => f.startsWith(dir)) && statSync(path).isDirectory();
};

/** Markdown without fenced code blocks and inline code, where link syntax is only an example. */
const prose = (text) => text.replace(/^(```|~~~)[^]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');

/** Relative link targets of a page: `[text](target)`, `[ref]: target` and `href="target"`. */
export function relativeLinks(text) {
  const body = prose(text);
  const targets = [
    ...[...body.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...body.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]),
    ...[...body.matchAll(/\bhref="([^"]+)"/g)].map((m) => m[1]),
  ];
  return targets.filter((t) => !/^([a-z][a-z\d+.-]*:|#|\/\/)/i.test(t)).map((t) => decodeURI(t.replace(/[#?].*$/, '')));
}

/** Sentences that state how many tests there are or passed ("412 tests", "1,203 passed"). */
export function testCounts(text) {
  return [...text.matchAll(/(?<![=\w])\d[\d,.]*\s+(?:[a-z][\w-]*\s+){0,2}?(?:tests?|test cases|specs|passed|failed|passing|failing)\b/gi)].map((m) => m[0]);
}

test(`README.md is at most ${README_MAX} bytes`, () => {
  const size = statSync('README.md').size;
  assert.ok(size <= README_MAX, `README.md is ${size} bytes; move contributor material to docs/`);
});

test('the README names the test command CI runs (.ci/run: npm test)', () => {
  const ci = readFileSync('.ci/run', 'utf8');
  assert.match(ci, /^npm test$/m);
  assert.match(readFileSync('README.md', 'utf8'), /^```sh\n(?:.*\n)*?npm test\b/m);
});

test('every relative link in README.md and docs/*.md leads to a file in the repository', () => {
  const broken = [];
  for (const page of pages) {
    for (const target of relativeLinks(readFileSync(page, 'utf8'))) {
      const path = normalize(join(dirname(page), target)).replace(/\/$/, '') || '.';
      if (path.startsWith('..') || !inRepository(path)) broken.push(`${page} → ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('README.md and docs/*.md state no test counts', () => {
  const found = pages.flatMap((page) => testCounts(readFileSync(page, 'utf8')).map((s) => `${page}: "${s}"`));
  assert.deepEqual(found, []);
});

test('the checks above can fail: they see a missing file, an outside link and a count', () => {
  assert.deepEqual(relativeLinks('[a](docs/nope.md) [b](https://x.fi) [c](#top) `[d](e.md)`\n[r]: ../up.md'), ['docs/nope.md', '../up.md']);
  assert.equal(inRepository('docs/nope.md'), false);
  assert.equal(inRepository('dist/keksi.js'), false, 'dist/ is built, not in the repository');
  assert.equal(inRepository('package.json'), true);
  assert.deepEqual(testCounts('All 412 tests pass, 38 e2e tests too. It ends with 1,203 passed, 0 failed; 16 rules; N passed; RUNS=2000 node --test test/'), [
    '412 tests',
    '38 e2e tests',
    '1,203 passed',
    '0 failed',
  ]);
});
