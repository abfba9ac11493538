// `npm run test:mutate`: proves the tests can fail. Each mutant breaks one line of the consent logic on
// purpose (store, gating, record, configuration, integrations), runs the tests that guard it, and
// expects them to fail; the source is restored after each run, whatever happens. Prints which test
// caught each mutant and exits 1 if one survived. Not part of `npm test` (a few minutes: one
// test-runner start per mutant). `npm run test:mutate -- store` runs the mutants whose name matches.
//
// Why not StrykerJS: it has no @web/test-runner runner, so its command runner would run the whole
// suite (about ten minutes) per mutant. Here each mutant names the tests that guard its line: browser
// test files (run in Chromium from the TypeScript sources) and `node:` files (Node and end-to-end
// tests, which use dist/: the mutant is built first, and dist/ is built again from the restored
// sources at the end).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** One broken line each: file, the exact text, what replaces it, what it breaks, and the tests that guard it. */
const MUTANTS = [
  {
    name: 'store: copies that disagree count as a decision',
    file: 'src/controller/store.ts',
    find: '} else if (values.some((v) => v !== values[0])) {',
    replace: '} else if (false) {',
    tests: ['node:test/e2e/holds-cookies.test.mjs'],
  },
  {
    name: 'store: a decision records no rejected categories',
    file: 'src/controller/store.ts',
    find: 'rejected: categories.filter((c) => !granted.includes(c)),',
    replace: 'rejected: [],',
    tests: ['test/components/keksi-consent.test.ts'],
  },
  {
    name: 'gating: no second look when a queued element’s turn comes',
    file: 'src/core/gating.ts',
    find: 'if (!this._allows(el)) continue;',
    replace: '',
    tests: ['test/holds-gating.test.ts'],
  },
  {
    name: 'gating: a gated script loses its data-type',
    file: 'src/core/gating.ts',
    find: "s.type = old.getAttribute('data-type') || '';",
    replace: "s.type = '';",
    tests: ['test/holds-gating.test.ts', 'test/components/keksi-consent.test.ts'],
  },
  {
    name: 'gating: a vendor snippet is never held for its integration',
    file: 'src/core/gating.ts',
    find: 'ok: (el: Element): boolean => !VENDOR_SNIPPET.test(el.outerHTML)',
    replace: 'ok: (el: Element): boolean => !!el',
    tests: ['node:test/e2e/holds-spa.test.mjs'],
  },
  {
    name: 'record: a category both accepted and rejected is read as a decision',
    file: 'src/core/record.ts',
    find: 'if (a.some((c) => x.includes(c)) || x.includes(NECESSARY)) return null;',
    replace: '',
    tests: ['node:test/node/hostile.test.mjs'],
  },
  {
    name: 'record: an expired decision still applies',
    file: 'src/core/record.ts',
    find: 'if (age > expiresDays * DAY || age < -DAY)',
    replace: 'if (age < -DAY)',
    tests: ['test/components/keksi-consent.test.ts', 'test/early.test.ts'],
  },
  {
    name: 'config: cookie-domain of another site is taken',
    file: 'src/controller/config.ts',
    find: "(hostname !== cookieDomain && !hostname.endsWith('.' + cookieDomain))",
    replace: 'false',
    tests: ['node:test/node/hostile.test.mjs'],
  },
  {
    name: 'config: an unsafe notice-url is kept',
    file: 'src/controller/config.ts',
    find: 'if (value && !isSafeUrl(value))',
    replace: 'if (false)',
    tests: ['test/components/keksi-consent.test.ts', 'test/holds-inputs.test.ts'],
  },
  {
    name: 'google: the Consent Mode default grants everything',
    file: 'src/integrations/google.ts',
    find: "signals[type] = type === 'security_storage' ? 'granted' : 'denied';",
    replace: "signals[type] = 'granted';",
    tests: ['test/integrations/integrations.test.ts'],
  },
  {
    name: 'meta: a withdrawal is not told to fbq',
    file: 'src/integrations/meta.ts',
    find: "if (now !== told) fbq('consent', now ? 'grant' : 'revoke');",
    replace: "if (now !== told && now) fbq('consent', 'grant');",
    tests: ['test/integrations/integrations.test.ts', 'test/integrations/holds-vendors.test.ts'],
  },
  {
    name: 'integrations: no tracker cookie is deleted on withdrawal',
    file: 'src/integrations/index.ts',
    find: '.filter((c) => c !== NECESSARY && !granted(c))',
    replace: '.filter(() => false)',
    tests: ['test/integrations/integrations.test.ts'],
  },
];

const only = process.argv[2];
const results = [];
let built = false;
const build = () => spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' }).status === 0;

/** Run a mutant's tests; the failed tests' names are in `caught`. */
function runTests(tests) {
  const browser = tests.filter((t) => !t.startsWith('node:'));
  const node = tests.filter((t) => t.startsWith('node:')).map((t) => t.slice(5));
  const runs = [];
  if (browser.length) runs.push(spawnSync('npx', ['wtr', '--files', ...browser], { encoding: 'utf8', env: { ...process.env, BROWSERS: 'chromium' } }));
  if (node.length) {
    built = true;
    if (!build()) return { status: 1, caught: ['the build failed'] };
    runs.push(spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...node], { encoding: 'utf8' }));
  }
  const out = runs.map((r) => (r.stdout || '') + (r.stderr || '')).join('\n');
  // A test module that cannot even be imported is a broken mutant, not a caught one.
  if (/Could not import your test module/.test(out)) return { status: 0, caught: ['(the mutant broke the import: fix the mutant)'] };
  // wtr marks a failed test with ❌ and its name; node --test with "not ok N - name" (subtests indented).
  const caught = [...new Set([...out.matchAll(/❌ (.+)|^\s*not ok \d+ - (.+)$/gm)].map((x) => (x[1] || x[2]).trim()))];
  return { status: runs.some((r) => r.status !== 0) ? 1 : 0, caught };
}

for (const m of MUTANTS.filter((m) => !only || m.name.includes(only))) {
  const original = readFileSync(m.file, 'utf8');
  const count = original.split(m.find).length - 1;
  if (count !== 1) {
    results.push({ ...m, outcome: `NOT APPLIED: the text is found ${count} times in ${m.file}` });
    continue;
  }
  writeFileSync(m.file, original.replace(m.find, m.replace));
  let run;
  try {
    run = runTests(m.tests);
  } finally {
    writeFileSync(m.file, original);
  }
  const { status, caught } = run;
  results.push({
    ...m,
    outcome: status === 0 ? `SURVIVED: no test failed ${caught.join(' ')}` : `killed by ${caught.slice(0, 2).join(' | ') || `exit ${status}`}`,
  });
  console.log(`${status === 0 ? '✖' : '✔'} ${m.name}: ${results.at(-1).outcome}`);
}
if (built && !build()) console.error('[mutate] rebuilding dist/ from the restored sources failed');

console.log('\n| mutant | file | outcome |\n|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.file} | ${r.outcome} |`);
const survived = results.filter((r) => !r.outcome.startsWith('killed'));
console.log(`\n${results.length - survived.length} of ${results.length} mutants killed`);
process.exit(survived.length ? 1 : 0);
