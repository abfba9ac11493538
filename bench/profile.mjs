// Where a returning visit's script time goes (issue 17): the bench's shop page with a widget, visited
// once (accept all), then again under a Chromium trace (V8's compile and parse events, the tasks that
// evaluate scripts and modules) and the CPU profiler (1× CPU, 50 µs sampling). Prints, per run and as
// medians, the widget's compile/parse time and each of its functions' self time. Not part of
// `npm run bench` (whose figures it does not change): run it after `npx rollup -c` or the bench,
// `node bench/profile.mjs [widget] [runs]` (widget keksi-esm by default, 7 runs).
import { readFileSync } from 'node:fs';
import { mean, mine, openBench } from './profile-kit.mjs';

const widget = process.argv[2] || 'keksi-esm';
const RUNS = Number(process.argv[3] || 7);
const sources = {};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const { browser, url, close } = await openBench(widget);

async function run() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.keksi?.acceptAll || window.CookieConsent?.acceptCategory);
  await page.evaluate(() => (window.keksi?.acceptAll ? window.keksi.acceptAll() : window.CookieConsent.acceptCategory('all')));
  await page.waitForFunction(() => window.__gaRan || document.cookie.includes('='));
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'blink.user_timing'] },
  });
  await cdp.send('Profiler.start');
  await page.goto(url);
  // Started: the gated script ran and Keksi told keksi-ready (or cookieconsent its consent); then idle work.
  await page.waitForFunction(() => window.__gaRan && (document.querySelector('keksi-consent') || window.CookieConsent), null, { polling: 100 });
  await page.evaluate(() => new Promise((ok) => setTimeout(() => requestIdleCallback(ok), 300)));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;
  await context.close();

  // V8's compile, parse and evaluation events of the widget's files, by name and thread (main: the renderer's main thread).
  const main = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args.name === 'CrRendererMain' &&
      events.some((x) => x.tid === e.tid && x.pid === e.pid && x.ph === 'X' && mine.test(x.args?.data?.url || x.args?.fileName || '')),
  );
  const compile = {};
  for (const e of events) {
    const u = e.args?.data?.url || e.args?.fileName || e.args?.data?.fileName || '';
    if (e.ph === 'X' && mine.test(u)) {
      const k = `${e.name} (${main && e.tid === main.tid && e.pid === main.pid ? 'main thread' : 'other thread'})`;
      compile[k] = (compile[k] || 0) + e.dur / 1000;
    }
  }
  // Self time per function of the widget's files (samples × their intervals).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = {};
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    if (!mine.test(f.url)) continue;
    const file = f.url.split('/').pop();
    // Minified: the function is named by its first characters in the built file.
    const path = new URL(f.url).pathname.slice(1);
    const code = (sources[path] ||= readFileSync(path, 'utf8').split('\n'));
    const key = `${file}:${f.lineNumber + 1}:${f.columnNumber + 1} ${f.lineNumber < 0 ? '(top level)' : JSON.stringify(code[f.lineNumber].slice(f.columnNumber, f.columnNumber + 70))}`;
    self[key] = (self[key] || 0) + profile.timeDeltas[i] / 1000;
  }
  return { compile, self };
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await run());
await close();

const keys = (k) => [...new Set(runs.flatMap((r) => Object.keys(r[k])))];
console.log(`${widget}, returning visit, ${RUNS} runs (ms; means of the runs, per-function medians are mostly 0 at this sampling):`);
console.log('compile, parse and evaluation (trace events of its files; nested events overlap):');
for (const k of keys('compile').sort()) console.log(`  ${k}: ${mean(runs.map((r) => r.compile[k] || 0)).toFixed(2)}`);
const total = mean(runs.map((r) => Object.values(r.self).reduce((a, b) => a + b, 0)));
console.log(
  `its functions' self time (CPU profile, 50 µs samples), total ${total.toFixed(2)}, median ${median(runs.map((r) => Object.values(r.self).reduce((a, b) => a + b, 0))).toFixed(2)}:`,
);
for (const k of keys('self')
  .map((k) => [k, mean(runs.map((r) => r.self[k] || 0))])
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25))
  console.log(`  ${k[1].toFixed(2)}  ${k[0]}`);
