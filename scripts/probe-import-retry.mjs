// Measures what a browser does with a module whose first fetch failed (a network error), for the question
// behind keksi.mjs's controller retry (docs/architecture.md, "How keksi.mjs asks for its controller again"): can keksi.mjs ask for
// a failed controller chunk again, and what does a chunk that imports it statically then get?
//   node scripts/probe-import-retry.mjs            (Chromium and Firefox; E2E_BROWSERS narrows it)
// Not a test: it prints what each browser did. Each module counts its evaluations in window.__evals.
import { BROWSERS, startHarness } from '../test/e2e/harness.mjs';

const A = /\/probe\/a\.mjs/;
const B = /\/probe\/b\.mjs/;
const body = (name, extra = '') =>
  `${extra}window.__evals = window.__evals || {}; window.__evals['${name}'] = (window.__evals['${name}'] || 0) + 1; export const x = 1;`;

/** One scenario in a fresh page: `steps` (expressions run in order, each an import() whose outcome is printed). */
async function scenario(h, steps) {
  const t = await h.newPage();
  let asked = 0;
  // a.mjs: its first request fails (a network error), every later one is answered; b.mjs imports a.mjs statically.
  const serveA = () => t.hold(A).then((r) => (asked++ ? r.fulfill(body('a')) : r.abort(), serveA()));
  const serveB = () => t.hold(B).then((r) => (r.fulfill(body('b', "import '/probe/a.mjs';\n")), serveB()));
  serveA();
  serveB();
  await t.page.goto(`${h.server.url}/probe/`, { waitUntil: 'domcontentloaded' });
  const results = {};
  for (const [what, expr] of steps) results[what] = await t.page.evaluate(`(${expr}).then(() => 'loaded', (e) => 'failed: ' + String(e).split(':')[1])`);
  results['evaluations of a'] = await t.page.evaluate('window.__evals?.a ?? 0');
  results['requests for a'] = asked;
  await t.context.close();
  return results;
}

for (const name of BROWSERS) {
  const h = await startHarness({ browser: name });
  const failed = ['import(a), a network error', "import('/probe/a.mjs')"];
  console.log(
    name,
    JSON.stringify(
      {
        'the retry at the same address': await scenario(h, [failed, ['import(a) again', "import('/probe/a.mjs')"]]),
        'the retry at a new address, then a chunk that imports a statically': await scenario(h, [
          failed,
          ['import(a?1)', "import('/probe/a.mjs?1')"],
          ['import(b), b imports a', "import('/probe/b.mjs')"],
        ]),
      },
      null,
      1,
    ),
  );
  await h.close();
}
