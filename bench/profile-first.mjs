// Where a first visit's main-thread time goes up to the banner being interactive (issue 17 item 2): the
// bench's shop page with a widget, a fresh context (no cookie), CPU throttled (4× by default), under the
// CPU profiler (0.1 ms sampling) from navigation until the banner's accept button is laid out and a task
// has run after that frame (as the bench's PROBE). Prints per run and as means: the banner's time, each
// of the widget's files' self time and its functions' self time. Not part of `npm run bench` (whose
// figures it does not change): run it after `npx rollup -c`,
// `node bench/profile-first.mjs [widget] [runs] [rate]` (keksi-esm, 6 runs, 4× by default).
import { readFileSync } from 'node:fs';
import { READY, mean, mine, openBench } from './profile-kit.mjs';

const widget = process.argv[2] || 'keksi-esm';
const RUNS = Number(process.argv[3] || 6);
const RATE = Number(process.argv[4] || 4);
const sources = {};

const { browser, url, close } = await openBench(widget);

async function run() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(READY);
  const page = await context.newPage();
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(() => window.__bannerReady, null, { timeout: 30000 });
  const { profile } = await cdp.send('Profiler.stop');
  const banner = await page.evaluate(() => window.__bannerReady);
  // The whole page's main-thread work up to then (Chromium's counters, this document only): what moving work between tasks cannot hide.
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (n) => metrics.find((m) => m.name === n).value * 1000;
  const main = { task: metric('TaskDuration'), script: metric('ScriptDuration'), style: metric('RecalcStyleDuration'), layout: metric('LayoutDuration') };
  await context.close();

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = {};
  const files = {};
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i]).callFrame;
    if (!mine.test(f.url)) continue;
    const file = f.url.split('/').pop();
    const path = new URL(f.url).pathname.slice(1);
    const code = (sources[path] ||= readFileSync(path, 'utf8').split('\n'));
    const key = `${file}:${f.lineNumber + 1}:${f.columnNumber + 1} ${f.lineNumber < 0 ? '(top level)' : JSON.stringify(code[f.lineNumber].slice(f.columnNumber, f.columnNumber + 60))}`;
    const ms = profile.timeDeltas[i] / 1000;
    self[key] = (self[key] || 0) + ms;
    files[file.replace(/-[\w-]{8}\.js$/, '-*.js')] = (files[file.replace(/-[\w-]{8}\.js$/, '-*.js')] || 0) + ms;
  }
  return { banner, main, self, files };
}

const runs = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await run());
  const r = runs.at(-1);
  console.log(
    `run ${i + 1}: banner interactive ${r.banner.toFixed(0)} ms; main thread ${Object.entries(r.main)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ')}; ` +
      Object.entries(r.files)
        .map(([f, ms]) => `${f} ${ms.toFixed(1)}`)
        .join(', '),
  );
}
await close();

const keys = (k) => [...new Set(runs.flatMap((r) => Object.keys(r[k])))];
console.log(`${widget}, first visit at ${RATE}× CPU, ${RUNS} runs (ms, means): banner interactive ${mean(runs.map((r) => r.banner)).toFixed(0)}`);
console.log(
  `the page's main thread until then: ${Object.keys(runs[0].main)
    .map((k) => `${k} ${mean(runs.map((r) => r.main[k])).toFixed(1)}`)
    .join(', ')}`,
);
console.log('self time per file:');
for (const k of keys('files').sort()) console.log(`  ${mean(runs.map((r) => r.files[k] || 0)).toFixed(1)}  ${k}`);
console.log('self time per function (top 30):');
for (const [k, v] of keys('self')
  .map((k) => [k, mean(runs.map((r) => r.self[k] || 0))])
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30))
  console.log(`  ${v.toFixed(2)}  ${k}`);
