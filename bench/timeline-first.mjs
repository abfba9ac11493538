// When each step of a first visit happens (issue 17 item 2): the bench's shop page with a widget, a fresh
// context, CPU throttled (4× by default), no profiler. Prints per run and as medians: first paint, each of
// the widget's files' request start and end (Resource Timing), when each script's evaluation began and
// ended (Long Animation Frames' script entries, when long enough to be listed), and the banner interactive.
// `node bench/timeline-first.mjs [widget] [runs] [rate]` after `npx rollup -c`.
import { READY, mine, openBench } from './profile-kit.mjs';

const widget = process.argv[2] || 'keksi-esm';
const RUNS = Number(process.argv[3] || 8);
const RATE = Number(process.argv[4] || 4);
// The bench's probe, and the long animation frames' scripts from the start.
const INIT = () => {
  window.__loaf = [];
  new PerformanceObserver((l) => window.__loaf.push(...l.getEntries().map((e) => e.toJSON()))).observe({ type: 'long-animation-frame', buffered: true });
};
const { browser, url, close } = await openBench(widget);
const rows = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(READY);
  await context.addInitScript(INIT);
  const page = await context.newPage();
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await page.goto(url);
  await page.waitForFunction(() => window.__bannerReady, null, { timeout: 30000 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  const r = await page.evaluate((src) => {
    const mine = new RegExp(src);
    const out = { banner: window.__bannerReady };
    for (const p of performance.getEntriesByType('paint')) out[p.name] = p.startTime;
    for (const e of performance.getEntriesByType('resource'))
      if (mine.test(e.name)) {
        const f = e.name
          .split('/')
          .pop()
          .replace(/-[\w-]{8}\.mjs/, '');
        out[`${f} req`] = e.startTime;
        out[`${f} end`] = e.responseEnd;
      }
    for (const f of window.__loaf)
      for (const s of f.scripts)
        if (mine.test(s.sourceURL)) {
          const n = `${s.sourceURL
            .split('/')
            .pop()
            .replace(/-[\w-]{8}\.mjs/, '')} ${s.invokerType}:${s.invoker.slice(0, 30)}`;
          out[`${n} run`] = `${s.startTime.toFixed(0)}+${s.duration.toFixed(0)}`;
        }
    return out;
  }, mine.source);
  rows.push(r);
  console.log(
    `run ${i + 1}: ` +
      Object.entries(r)
        .sort((a, b) => parseFloat(a[1]) - parseFloat(b[1]))
        .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(0) : v}`)
        .join(' · '),
  );
  await context.close();
}
const med = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
};
const keys = [...new Set(rows.flatMap(Object.keys))].filter((k) => typeof rows[0][k] === 'number');
console.log(
  `${widget} at ${RATE}×, medians of ${RUNS}: ` +
    keys
      .map((k) => [k, med(rows.map((r) => r[k]))])
      .sort((a, b) => a[1] - b[1])
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(' · '),
);
await close();
