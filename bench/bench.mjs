// `npm run bench`: what Keksi costs a shop, next to its peers, measured in one run on this machine.
//  1. Sizes (raw, gzip -9, brotli) of every Keksi entry and of the peers' files, with ratios.
//  2. Runtime in headless Debian Chromium (playwright-core): the same shop page with Keksi and with
//     cookieconsent, alternating, at 1× and 4× CPU throttle, medians of RUNS runs: first visit to
//     banner painted and interactive, returning visit to the gated script running, main-thread
//     script time the widget adds, CLS.
//  3. Bytes per visit type: what each widget fetches (gzip, as served) on a first and a returning visit.
//  4. Host-page cost: Lighthouse (mobile, simulated throttling, offline) on three pages (the bench shop
//     page, a heavier shop-like page, a minimal page), each without a widget, with keksi.js (defer),
//     the module tag and cookieconsent: FCP, LCP, TBT, CLS medians, the LCP element, and which of the
//     widget's requests and tasks Lantern (Lighthouse's simulator) puts in the FCP and LCP graphs.
// Builds what it measures first (bench/build.mjs; `--no-build` measures dist/ as it is), prints a table and
// writes bench/results.md, with the wall time of each phase. Timings are reported, never asserted.
// `--only sizes,runtime,bytes,lighthouse` runs only those parts (sizes are always measured);
// `--scenarios 1x-returning,4x-first` only those runtime cells and `--widgets keksi-esm,cookieconsent`
// only those widgets (the page without a widget is always measured: the "added" rows need it).
// `--against <git ref>` also builds that commit (bench/build.mjs, buildRef) and measures its Keksi tags in the
// same runs, alternating visit by visit with this checkout's (widgets keksi-b, keksi-esm-b): one run on one
// machine is the only way to tell builds a few per cent apart. The report's "Against" part has each
// difference of medians with a 95 % bootstrap interval; Lighthouse measures this checkout only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowsers } from '../scripts/browsers.mjs';
import { startServer } from '../scripts/serve.mjs';
import { build, buildRef } from './build.mjs';
import { AGAINST, PAGES, WIDGETS, pageName, writePages } from './pages.mjs';

const onlyArg = process.argv.find((a, i) => process.argv[i - 1] === '--only' || a.startsWith('--only='));
const only = new Set((onlyArg?.replace(/^--only=/, '') || 'runtime,bytes,lighthouse').split(','));
const listArg = (name, all) => {
  const arg = process.argv.find((a, i) => process.argv[i - 1] === `--${name}` || a.startsWith(`--${name}=`));
  return arg ? arg.replace(`--${name}=`, '').split(',') : all;
};
const SCENARIOS = listArg('scenarios', ['1x-first', '1x-returning', '4x-first', '4x-returning']);
const againstRef = listArg('against', [])[0];
const load = [loadavg()[0]];

const RUNS = Number(process.env.BENCH_RUNS || 15);
const LH_RUNS = Number(process.env.BENCH_LH_RUNS || 5);
// The gating measurement is one synchronous call with a small spread: 9 runs keep the bench under 6 minutes.
const GATING_RUNS = Number(process.env.BENCH_GATING_RUNS || 9);
// Applied (DevTools) throttling really waits out the throttled network: off by default (the 65 simulated
// runs fill the bench's 6 minutes); BENCH_LH_APPLIED_RUNS=1 adds one run of the bench shop page per widget.
const LH_APPLIED_RUNS = Number(process.env.BENCH_LH_APPLIED_RUNS || 0);
const started = Date.now();
// Wall time of each phase (seconds) with the load average at its end: where the bench's minutes go.
const phases = [];
let phaseStart = Date.now();
const phase = (name) => {
  phases.push({ name, seconds: (Date.now() - phaseStart) / 1000, load: loadavg()[0] });
  console.error(`[bench] ${name}: ${phases.at(-1).seconds.toFixed(1)} s (load ${phases.at(-1).load.toFixed(1)})`);
  phaseStart = Date.now();
};
const version = (p) => JSON.parse(readFileSync(`node_modules/${p}/package.json`, 'utf8')).version;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
/**
 * A 95 % percentile bootstrap interval of `f` of the groups' medians (each group resampled with replacement,
 * 2,000 times, from a fixed seed: the same runs give the same interval).
 */
const interval = (f, ...groups) => {
  let seed = 17;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const resample = (xs) => xs.map(() => xs[Math.floor(random() * xs.length)]);
  const d = Array.from({ length: 2000 }, () => f(...groups.map((g) => median(resample(g))))).sort((x, y) => x - y);
  return [d[49], d[1949]];
};
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b ? (a / b).toFixed(2) : '–');

// ---------- 1. sizes ----------
// Each file compressed on its own, as a server sends them, and summed.
const size = (files) =>
  files
    .map((f) => readFileSync(f))
    .reduce(
      (n, buf) => ({
        raw: n.raw + buf.length,
        gzip: n.gzip + gzipSync(buf, { level: 9 }).length,
        brotli: n.brotli + brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
const esmCore = () => {
  const entry = readFileSync('dist/keksi.mjs', 'utf8');
  return ['dist/keksi.mjs', ...[...entry.matchAll(/^import\s*(?:[^'"]*from\s*)?["']\.\/(chunks\/[^"']+)["']/gm)].map((m) => 'dist/' + m[1])];
};
const chunk = (name) => 'dist/chunks/' + readdirSync('dist/chunks').find((f) => f.startsWith(name + '-'));
const tc = 'node_modules/tarteaucitronjs/';
// The peers' sizes are measured while dist/ is built (bench/build.mjs: two child processes), Keksi's after.
const built = process.argv.includes('--no-build') ? Promise.resolve() : build();
const KEKSI_SIZES = () => [
  ['Keksi dist/keksi.js + dist/keksi-rest.js (the single tag: both files)', ['dist/keksi.js', 'dist/keksi-rest.js']],
  ['Keksi dist/keksi.js alone (the single tag before the first paint: core and loader)', ['dist/keksi.js']],
  ["Keksi ESM core: what runs before a returning visitor's gated elements (page without Google/Meta tags)", esmCore()],
  [
    'Keksi ESM core + controller chunk (configuration, decisions, integrations, reopen button; after gating, before it when Google/Meta tags are used)',
    [...esmCore(), chunk('controller')],
  ],
  ['Keksi ESM UI chunk (Lit, the banner and the UI half; first visit only)', [chunk('ui')]],
  ["Keksi ESM texts chunk of the visitor's language (fi; first visit only, fetched beside the UI chunk)", [chunk('texts-fi')]],
  ['Keksi dist/keksi-notice.js', ['dist/keksi-notice.js']],
];
const peerSizes = [
  [
    `cookieconsent ${version('vanilla-cookieconsent')} (umd.js + css)`,
    ['node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js', 'node_modules/vanilla-cookieconsent/dist/cookieconsent.css'],
  ],
  [`Klaro ${version('klaro')} (klaro.js)`, ['node_modules/klaro/dist/klaro.js']],
  [
    `tarteaucitron ${version('tarteaucitronjs')} (main + services + fi + css)`,
    [tc + 'tarteaucitron.min.js', tc + 'tarteaucitron.services.min.js', tc + 'lang/tarteaucitron.fi.min.js', tc + 'css/tarteaucitron.min.css'],
  ],
].map(([name, files]) => ({ name, ...size(files) }));
await built;
const against = againstRef && buildRef(againstRef, 'dist/against');
const sizes = [...KEKSI_SIZES().map(([name, files]) => ({ name, ...size(files) })), ...peerSizes];
const keksiAll = sizes[0].gzip;
phase(process.argv.includes('--no-build') ? 'sizes' : 'build and sizes');

// ---------- 2. runtime ----------
// The same pages for every widget, from one template each (bench/pages.mjs).
writePages(Boolean(against));
phase(against ? `${againstRef} built, pages written` : 'pages written');
const server = await startServer();
const { chrome } = findBrowsers(['chromium']);
const browser = await chromium.launch({ executablePath: chrome, args: CHROME_FLAGS });
phase('server and browser started');

const PROBE = () => {
  window.__cls = 0;
  window.__longest = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  // The widget's own share of the long tasks: long animation frames (≥ 50 ms) name the scripts that
  // ran in them. Per frame with the widget's code in it: its longest script run, and the frame's
  // style and layout (the page's and the widget's together: a frame cannot split them).
  window.__own = { script: 0, frame: 0, layout: 0 };
  const mine = /\/dist\/|cookieconsent/;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      const runs = e.scripts.filter((s) => mine.test(s.sourceURL));
      if (!runs.length) continue;
      const own = window.__own;
      own.script = Math.max(own.script, ...runs.map((s) => s.duration));
      if (e.duration > own.frame) Object.assign(own, { frame: e.duration, layout: e.startTime + e.duration - e.styleAndLayoutStart });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  // When the visit is done, told to the bench through a binding (a CDP message), never by polling in
  // the page: playwright's waitForFunction runs its check every animation frame in the page, and that
  // script counts into ScriptDuration (≈ 6 ms a second at 1×, so a widget that starts later looked
  // costlier). Done, for every widget the same way, then one idle callback (the widget's own idle
  // work, queued before it, is counted):
  //  - the page without a widget: the gated script ran;
  //  - a first visit: the banner painted and interactive (the one check that looks every frame, as
  //    long as no banner is shown: a banner has no event of its own in every widget);
  //  - a returning visit (the widget's cookie is there): the gated script ran and the widget said it
  //    has started (Keksi's `keksi-ready`, cookieconsent's `cc:onConsent`).
  const widget = location.pathname
    .split('/')
    .pop()
    .replace(/\.html$/, '');
  const returning = /(^|; )(keksi_consent|cc_cookie)=/.test(document.cookie);
  let ga;
  let started = widget == 'none' || !returning;
  const done = () =>
    (widget == 'none' || !returning ? (widget == 'none' ? ga : window.__bannerReady) : ga && started) && requestIdleCallback(() => window.__benchDone?.());
  Object.defineProperty(window, '__gaRan', {
    get: () => ga,
    set: (t) => {
      ga = t;
      done();
    },
  });
  for (const [target, type] of [
    [document, 'keksi-ready'],
    [window, 'cc:onConsent'],
  ])
    target.addEventListener(type, () => ((started = true), done()), { once: true });
  if (widget == 'none' || returning) return;
  const button = () =>
    document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]') ||
    document.querySelector('#cc-main .cm button[data-role="all"]');
  const tick = () => {
    const b = button();
    if (b && b.getBoundingClientRect().height > 0 && getComputedStyle(b).visibility !== 'hidden') {
      // Painted: the frame after it is laid out. Interactive: a task can run right after that frame.
      requestAnimationFrame(() => setTimeout(() => ((window.__bannerReady = performance.now()), done())));
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** Load the widget's page; resolves when the page said it is done (see PROBE). */
async function visit(page, cdp, widget, signal) {
  const url = `${server.url}/bench/pages/generated/${widget}.html`;
  const done = signal.next();
  await page.goto(url);
  await done;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const script = metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
  const r = await page.evaluate(() => ({
    banner: window.__bannerReady,
    ga: window.__gaRan,
    cls: window.__cls,
    longest: window.__longest,
    ownScript: window.__own.script,
    ownFrame: window.__own.frame,
    ownLayout: window.__own.layout,
  }));
  return { ...r, script };
}

/** The PROBE's binding: `next()` resolves at the page's next call of `__benchDone` (or fails after 15 s). */
async function doneSignal(context) {
  let resolve = () => {};
  await context.exposeBinding('__benchDone', () => resolve());
  return {
    next: () =>
      new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error('the page did not say it was done within 15 s')), 15000);
        resolve = () => (clearTimeout(timer), ok());
      }),
  };
}

// The widget's own files (bytes per visit type, part 3).
const mine = (url) => /\/dist\/|vanilla-cookieconsent|cookieconsent-config/.test(url);
const bytes = {};
/** What the page fetched of the widget's files (response bodies as served), file by file. */
const fetchedFiles = (page) => {
  const done = [];
  page.on('requestfinished', (r) => mine(r.url()) && done.push(r.sizes().then((z) => ({ name: new URL(r.url()).pathname, bytes: z.responseBodySize }))));
  return async () => {
    const files = (await Promise.all(done)).sort((a, b) => a.name.localeCompare(b.name));
    return { total: files.reduce((n, f) => n + f.bytes, 0), files };
  };
};

/**
 * One visit in a fresh context (a returning one after a first visit that accepted all). With `bytesOf`
 * (part 3), the measured visit's fetches are kept too: once its figures are read, the visit goes on
 * until the bytes' end (the widget started and the network idle) and `bytesOf` gets them.
 */
async function session(widget, rate, returning, bytesOf) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const signal = await doneSignal(context);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (returning && widget !== 'none') {
    // Decide once (accept all), then measure the next load (ScriptDuration starts again with each document).
    await visit(page, cdp, widget, signal);
    await page.evaluate(() => (window.keksi?.acceptAll ? window.keksi.acceptAll() : window.CookieConsent.acceptCategory('all')));
    await page.waitForFunction(() => window.__gaRan);
  }
  const files = bytesOf && fetchedFiles(page);
  const result = await visit(page, cdp, widget, signal);
  if (bytesOf) {
    // Keksi has started: the controller, or (issue 17) the core running a returning visit it gated without it.
    if (widget.startsWith('keksi'))
      await page.waitForFunction(() => document.querySelector('keksi-consent')?.store || document.querySelector('keksi-consent')?.held, null, {
        timeout: 15000,
      });
    await page.waitForLoadState('networkidle');
    bytesOf(await files());
  }
  await context.close();
  return result;
}

/** The widgets, each Keksi tag followed by the other commit's with `--against`. */
const withAgainst = (list) => list.flatMap((w) => (against && (w === 'keksi' || w === 'keksi-esm') ? [w, AGAINST(w)] : [w]));
const RT_WIDGETS = [...withAgainst(listArg('widgets', ['keksi', 'keksi-esm', 'cookieconsent']).filter((w) => w !== 'none')), 'none'];
const singleFile = (w) => w === 'keksi' || w === AGAINST('keksi');
const runtime = {};
const gating = [];
const handmade = [];
if (only.has('runtime')) {
  for (const rate of [1, 4]) {
    for (const returning of [false, true]) {
      const key = `${rate}x ${returning ? 'returning' : 'first'}`;
      if (!SCENARIOS.includes(key.replace(' ', '-'))) continue;
      runtime[key] = Object.fromEntries(RT_WIDGETS.map((w) => [w, []]));
      // The page without a widget is the same on every visit: it is measured with the first visits only.
      // The single-file build is measured at 1× only (the recommended tag is keksi.mjs): this keeps the
      // whole bench under 6 minutes.
      const first = runtime[`${rate}x first`];
      const widgets = RT_WIDGETS.filter((w) => !(returning && w === 'none' && first) && !(rate !== 1 && singleFile(w)));
      for (let i = 0; i < RUNS; i++) {
        for (const w of i % 2 ? [...widgets].reverse() : widgets) {
          // Part 3's bytes come from the first run at 1× (the same visits, so no visits of their own).
          const bytesOf =
            only.has('bytes') && rate === 1 && i === 0 && w !== 'none' ? (b) => ((bytes[w] ||= {})[returning ? 'returning' : 'first'] = b) : undefined;
          runtime[key][w].push(await session(w, rate, returning, bytesOf));
        }
      }
      if (returning && first) runtime[key].none = first.none;
      phase(`runtime ${key}`);
    }
  }
  // Gating cost (not with --scenarios): 500 gated elements (250 inline scripts, 250 images) activated by one decision, next to
  // the same DOM work done by hand on copies (what the browser itself costs, without Keksi).
  for (let i = 0; i < (process.argv.some((a) => a.startsWith('--scenarios')) ? 0 : GATING_RUNS); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/bench/pages/gating.html`);
    await page.waitForFunction(() => document.querySelector('keksi-consent')?.store);
    gating.push(
      await page.evaluate(() => {
        const t0 = performance.now();
        window.keksi.acceptAll();
        const t1 = performance.now();
        const on = document.querySelectorAll('[data-keksi="on"]').length;
        return on === 500 && window.__n === 250 ? t1 - t0 : NaN;
      }),
    );
    await context.close();
    // The same DOM work by hand, on a fresh copy of the page, so neither run pays for the other's loads.
    // (Loading both pages at once and measuring them in turn saved a second a run, but the copy's
    // measurement then overlapped the closing of Keksi's page, and its median rose by more than half.)
    const bare = await browser.newContext();
    const page2 = await bare.newPage();
    await page2.goto(`${server.url}/bench/pages/gating.html?bare`);
    await page2.waitForFunction(() => document.querySelector('keksi-consent')?.store);
    handmade.push(
      await page2.evaluate(() => {
        const copies = [...document.querySelectorAll('[data-category]')].map((e) => {
          const c = e.cloneNode(true);
          c.removeAttribute('data-category');
          e.replaceWith(c);
          return c;
        });
        const t0 = performance.now();
        for (const old of copies) {
          if (old.localName === 'script') {
            const s = document.createElement('script');
            s.text = old.text;
            old.replaceWith(s);
          } else old.setAttribute('src', old.getAttribute('data-src'));
        }
        return performance.now() - t0;
      }),
    );
    await bare.close();
  }
  if (gating.length) phase('gating');
}
const runtimeSeconds = (Date.now() - started) / 1000;
load.push(loadavg()[0]);

// ---------- 3. bytes per visit type ----------
// What each widget fetches on the bench shop page (response bodies as served: gzip -9 for text), on a
// first visit (until the banner is interactive and the network is idle) and on a returning visit
// (after accept all: until the gated script ran, Keksi has started and the network is idle).
// Measured in the runtime part's first run at 1× (see session()); here only what it did not visit.
async function fetched(widget, returning) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const url = `${server.url}/bench/pages/generated/${widget}.html`;
  if (returning) {
    await page.goto(url);
    await page.waitForFunction(() => window.__bannerReady, null, { timeout: 15000 });
    await page.evaluate(() => (window.keksi?.acceptAll ? window.keksi.acceptAll() : window.CookieConsent.acceptCategory('all')));
    await page.waitForFunction(() => window.__gaRan);
  }
  const files = fetchedFiles(page);
  await page.goto(url, { waitUntil: 'networkidle' });
  if (returning) await page.waitForFunction(() => window.__gaRan, null, { timeout: 15000 });
  else await page.waitForFunction(() => window.__bannerReady, null, { timeout: 15000 });
  // Keksi has started: the controller, or (issue 17) the core running a returning visit it gated without it.
  if (widget.startsWith('keksi'))
    await page.waitForFunction(() => document.querySelector('keksi-consent')?.store || document.querySelector('keksi-consent')?.held, null, { timeout: 15000 });
  await page.waitForLoadState('networkidle');
  const result = await files();
  await context.close();
  return result;
}
if (only.has('bytes')) {
  for (const w of withAgainst(['keksi', 'keksi-esm', 'cookieconsent'])) {
    const b = (bytes[w] ||= {});
    b.first ||= await fetched(w, false);
    b.returning ||= await fetched(w, true);
  }
  phase('bytes');
}
await browser.close();

// ---------- 4. Lighthouse ----------
// Which of the widget's requests and tasks Lantern put in the graphs it simulates FCP and LCP on: a
// request that ended before the observed paint and a script evaluated before it count as needed for
// it (lighthouse/…/lantern/metrics/FirstContentfulPaint.js, getFirstPaintBasedGraph).
// The widget's files, and the floor's script (bench/pages.mjs): gated, ga.js is never fetched in these runs.
const widgetFile = (url) => mine(url) || /\/ga\.js$/.test(url);
async function lanternShare(artifacts, settings) {
  const { LanternFirstContentfulPaint } = await import('lighthouse/core/computed/metrics/lantern-first-contentful-paint.js');
  const { LanternLargestContentfulPaint } = await import('lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js');
  const data = {
    trace: artifacts.Trace,
    devtoolsLog: artifacts.DevtoolsLog,
    gatherContext: artifacts.GatherContext,
    settings,
    URL: artifacts.URL,
    SourceMaps: artifacts.SourceMaps,
    HostDPR: artifacts.HostDPR,
    simulator: null,
  };
  const context = { computedCache: new Map(), settings };
  const out = {};
  for (const [metric, Computed] of [
    ['FCP', LanternFirstContentfulPaint],
    ['LCP', LanternLargestContentfulPaint],
  ]) {
    const result = await Computed.request(data, context);
    const names = new Set();
    for (const [kind, graph, simulated] of [
      ['optimistic', result.optimisticGraph, result.optimisticEstimate],
      ['pessimistic', result.pessimisticGraph, result.pessimisticEstimate],
    ]) {
      graph.traverse((node) => {
        const timing = simulated.nodeTimings.get(node);
        const ms = timing ? Math.round(timing.duration) : 0;
        if (node.type === 'network' && widgetFile(node.request.url) && !node.isMainDocument())
          names.add(`${kind}: ${basename(new URL(node.request.url).pathname)} (${node.request.priority}, ${ms} ms)`);
        if (node.type === 'cpu') {
          const urls = [...node.getEvaluateScriptURLs()].filter(widgetFile).map((u) => basename(new URL(u).pathname));
          if (urls.length) names.add(`${kind}: evaluating ${urls.join(', ')} (task ${ms} ms)`);
        }
      });
    }
    out[metric] = [...names].join('; ') || 'none';
  }
  return out;
}

const AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'lcp-breakdown-insight'];
/**
 * Lighthouse's default configuration narrowed to what `onlyAudits` keeps of it: the same settings,
 * audits, gatherers and categories, so the same run and the same figures, without resolving (loading
 * and checking) every audit and gatherer of the default configuration again on each run, which on a
 * loaded machine took about as long as loading the page. Checked here: both resolve to the same configuration,
 * or the bench stops.
 */
async function narrowConfig(flags) {
  const { initializeConfig } = await import('lighthouse/core/config/config.js');
  const { default: defaults } = await import('lighthouse/core/config/default-config.js');
  const { resolvedConfig: full } = await initializeConfig('navigation', undefined, flags);
  const artifacts = new Set(full.artifacts.map((a) => a.id));
  const audits = new Set(full.audits.map((a) => a.path));
  const config = {
    settings: defaults.settings,
    artifacts: defaults.artifacts.filter((a) => artifacts.has(a.id)),
    audits: defaults.audits.filter((a) => audits.has(typeof a === 'string' ? a : a.path)),
    categories: structuredClone(full.categories),
    groups: full.groups,
  };
  const described = (c) =>
    JSON.stringify({
      settings: c.settings,
      artifacts: c.artifacts.map((a) => [a.id, a.gatherer.path, Object.entries(a.dependencies || {}).map(([k, d]) => [k, d.id])]),
      audits: c.audits.map((a) => [a.path, a.options]),
      categories: c.categories,
      groups: c.groups,
    });
  const { resolvedConfig: narrow } = await initializeConfig('navigation', config, flags);
  if (described(narrow) !== described(full)) throw new Error("the narrowed Lighthouse configuration does not resolve to the default one's");
  return config;
}

async function lighthouseRuns() {
  const { default: lighthouse } = await import('lighthouse');
  const { pageFunctions } = await import('lighthouse/core/lib/page-functions.js');
  const port = 9300 + Math.floor(Math.random() * 500);
  const chromeProc = spawn(
    chrome,
    [...CHROME_FLAGS, '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'keksi-lh-'))}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/json/version`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  phase('Lighthouse: Chromium started');
  const out = { simulate: {}, devtools: {} };
  const computeBenchmarkIndex = pageFunctions.computeBenchmarkIndex;
  const configs = {};
  const run = async (page, w, throttlingMethod) => {
    const t0 = Date.now();
    const flags = { port, output: 'json', logLevel: 'error', throttlingMethod, disableFullPageScreenshot: true, onlyAudits: AUDITS };
    configs[throttlingMethod] ||= await narrowConfig(flags);
    const r = await lighthouse(`${server.url}/bench/pages/generated/${pageName(page, w)}.html`, flags, configs[throttlingMethod]);
    // Lighthouse gauges the machine (BenchmarkIndex: a second of busy loops in the blank page before
    // each run) for the report's environment and a slow-machine warning; no metric uses it. It is
    // measured once, in the first run, and handed to the others (BENCH_LH_BENCHMARK_EVERY_RUN=1: in each).
    if (benchmarkIndex === undefined) {
      benchmarkIndex = r.lhr.environment.benchmarkIndex;
      if (!process.env.BENCH_LH_BENCHMARK_EVERY_RUN) pageFunctions.computeBenchmarkIndex = new Function(`return ${Number(benchmarkIndex)};`);
    }
    const a = r.lhr.audits;
    const rows = ((out[throttlingMethod][page] ||= {})[w] ||= []);
    // The graphs of the first run of each widget page (they name the same requests run after run).
    const t1 = Date.now();
    const graphs = throttlingMethod === 'simulate' && w !== 'none' && !rows.length ? await lanternShare(r.artifacts, r.lhr.configSettings) : null;
    console.error(
      `[bench]   lighthouse ${page}/${w}: ${((t1 - t0) / 1000).toFixed(1)} s${graphs ? `, graphs ${((Date.now() - t1) / 1000).toFixed(1)} s` : ''}`,
    );
    rows.push({
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      lcpElement: a['lcp-breakdown-insight']?.details?.items?.find((x) => x.type === 'node')?.selector || '',
      graphs,
    });
  };
  try {
    // Run by run, every page and widget in turn (the order reversed every other run), so a slow spell
    // of the machine falls on all of them.
    for (let i = 0; i < LH_RUNS; i++) {
      const order = Object.keys(PAGES).flatMap((page) => [...WIDGETS, ...(page === 'minimal' ? ['floor'] : [])].map((w) => [page, w]));
      for (const [page, w] of i % 2 ? order.reverse() : order) await run(page, w, 'simulate');
      phase(`Lighthouse: simulated run ${i + 1} of ${LH_RUNS} (${order.length} pages)`);
    }
    // Applied (DevTools) throttling: the bench shop page, the recommended tag next to none and cookieconsent.
    for (let i = 0; i < LH_APPLIED_RUNS; i++) for (const w of ['none', 'keksi-esm', 'keksi', 'cookieconsent']) await run('shop', w, 'devtools');
  } finally {
    chromeProc.kill();
    pageFunctions.computeBenchmarkIndex = computeBenchmarkIndex;
  }
  return out;
}
let lh = null;
let benchmarkIndex;
const lhStarted = Date.now();
try {
  if (LH_RUNS > 0 && only.has('lighthouse')) lh = await lighthouseRuns();
} catch (error) {
  console.error('Lighthouse did not run:', error);
}
const lhSeconds = (Date.now() - lhStarted) / 1000;
load.push(loadavg()[0]);
await server.close();

// ---------- report ----------
const m = (rows, k) => median(rows.map((r) => r[k]));
const lines = [];
lines.push(`# Keksi benchmark`, '');
lines.push(
  `Run ${new Date().toISOString()} on ${cpus().length}× ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
    `${(await import('node:child_process')).execSync(`${chrome} --version 2>/dev/null || true`).toString().trim()}, playwright-core ${version('playwright-core')}, lighthouse ${version('lighthouse')}. ` +
    `${RUNS} runs per cell (alternating), Lighthouse ${LH_RUNS} runs per page simulated, ${LH_APPLIED_RUNS} applied. Parts: ${[...only].join(', ')}. ` +
    `Took ${((Date.now() - started) / 1000).toFixed(0)} s (runtime and bytes ${runtimeSeconds.toFixed(0)} s, Lighthouse ${lhSeconds.toFixed(0)} s). ` +
    `Load average (1 min) at the start, after the runtime part, after Lighthouse: ${load.map((l) => l.toFixed(1)).join(', ')} (other processes share the cores: timings are noisier the higher it is).` +
    (benchmarkIndex === undefined
      ? ''
      : ` Lighthouse's BenchmarkIndex of this machine: ${benchmarkIndex}${process.env.BENCH_LH_BENCHMARK_EVERY_RUN ? ' (first run; measured in each run)' : ' (measured in the first run, handed to the others)'}.`),
  '',
  `Wall time by phase (s, with the 1-minute load average at its end): ${phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} (${p.load.toFixed(1)})`).join('; ')}.`,
  '',
);
lines.push('## Sizes', '', '| what | raw B | gzip -9 B | brotli B | Keksi (keksi.js + keksi-rest.js) ÷ this, gzip |', '|---|---:|---:|---:|---:|');
for (const s of sizes) lines.push(`| ${s.name} | ${s.raw} | ${s.gzip} | ${s.brotli} | ${ratio(keksiAll, s.gzip)} |`);
if (only.has('runtime'))
  lines.push(
    '',
    '## Runtime (medians, ms; mobile viewport)',
    '',
    'First visit: navigation start → banner painted and interactive. Returning visit: navigation start → the gated script ran. ' +
      'Script time: Chromium\'s ScriptDuration for the whole page load; "added" is the widget\'s share (minus the page without a widget).',
    '',
    '| scenario | Keksi keksi.js | Keksi keksi.mjs | cookieconsent | keksi.js ÷ cc | keksi.mjs ÷ cc |',
    '|---|---:|---:|---:|---:|---:|',
  );
for (const [key, measured] of Object.entries(runtime)) {
  const cell = { keksi: [], 'keksi-esm': [], cookieconsent: [], ...measured };
  const metric = key.endsWith('first') ? 'banner' : 'ga';
  lines.push(
    `| ${key}: the page without a widget: gated script ran, ms / script time, ms (${cell.none.length} runs) | ${fmt(m(cell.none, 'ga'), 1)} / ${fmt(m(cell.none, 'script'), 1)} | | | | |`,
  );
  const [k, e, c] = ['keksi', 'keksi-esm', 'cookieconsent'].map((w) => m(cell[w], metric));
  // Figures with their 95 % bootstrap interval (the runs of one cell resampled): how far this run can tell them apart.
  const within = (digits, f, ...groups) =>
    groups.every((g) => g.length)
      ? ` [${interval(f, ...groups)
          .map((x) => fmt(x, digits))
          .join(' – ')}]`
      : '';
  const col = (w, k) => (cell[w] || []).map((r) => r[k]);
  const timeRatio = (w) => ratio(m(cell[w], metric), c) + within(2, (x, y) => x / y, col(w, metric), col('cookieconsent', metric));
  lines.push(`| ${key}: time | ${fmt(k, 1)} | ${fmt(e, 1)} | ${fmt(c, 1)} | ${timeRatio('keksi')} | ${timeRatio('keksi-esm')} |`);
  const base = m(cell.none, 'script');
  const [ks, es, cs] = ['keksi', 'keksi-esm', 'cookieconsent'].map((w) => m(cell[w], 'script') - base);
  // The script time added with its interval (the widget's runs and the page's without it, resampled).
  const added = (w, x) => fmt(x, 1) + within(1, (y, z) => y - z, col(w, 'script'), col('none', 'script'));
  lines.push(
    `| ${key}: script time added, ms [95 %] | ${added('keksi', ks)} | ${added('keksi-esm', es)} | ${added('cookieconsent', cs)} | ${ratio(ks, cs)} | ${ratio(es, cs)} |`,
  );
  const [kc, ec, cc] = ['keksi', 'keksi-esm', 'cookieconsent'].map((w) => m(cell[w], 'cls'));
  lines.push(`| ${key}: CLS | ${fmt(kc, 3)} | ${fmt(ec, 3)} | ${fmt(cc, 3)} | | |`);
  const [kl, el, cl] = ['keksi', 'keksi-esm', 'cookieconsent'].map(
    (w) => `${fmt(m(cell[w], 'longest'), 0)} / ${fmt(Math.max(...cell[w].map((r) => r.longest)), 0)}`,
  );
  const own = cell.none.length
    ? `; the page without a widget: ${fmt(m(cell.none, 'longest'), 0)} / ${fmt(Math.max(...cell.none.map((r) => r.longest)), 0)}`
    : '';
  lines.push(`| ${key}: longest task ≥ 50 ms, median / max of runs (0: none${own}) | ${kl} | ${el} | ${cl} | | |`);
  const mm = (w, k) => `${fmt(m(cell[w], k), 0)} / ${fmt(Math.max(...cell[w].map((r) => r[k])), 0)}`;
  const raw = (w) => `${fmt(m(cell[w], 'script'), 1)}`;
  lines.push(`| ${key}: script time, whole page | ${raw('keksi')} | ${raw('keksi-esm')} | ${raw('cookieconsent')} | | |`);
  lines.push(
    `| ${key}: the widget's longest script run in one task, median / max (long animation frames; runs under 5 ms are not named: 0) | ${mm('keksi', 'ownScript')} | ${mm('keksi-esm', 'ownScript')} | ${mm('cookieconsent', 'ownScript')} | | |`,
  );
  const fl = (w) => `${fmt(m(cell[w], 'ownFrame'), 0)} (${fmt(m(cell[w], 'ownLayout'), 0)})`;
  lines.push(
    `| ${key}: longest frame ≥ 50 ms with the widget's code in it (its style + layout), median (0: none) | ${fl('keksi')} | ${fl('keksi-esm')} | ${fl('cookieconsent')} | | |`,
  );
}
if (only.has('runtime') && gating.length)
  lines.push(
    '',
    `Gating: one decision activating 500 gated elements (250 inline scripts, 250 images), the whole acceptAll() call: median ${fmt(median(gating), 1)} ms, max ${fmt(Math.max(...gating), 1)} ms of ${GATING_RUNS} runs (${gating.filter(Number.isNaN).length} incomplete). ` +
      `The same DOM work done by hand, without Keksi: median ${fmt(median(handmade), 1)} ms.`,
  );
if (Object.keys(bytes).length) {
  lines.push(
    '',
    '## Bytes per visit type (bench shop page; response bodies as served, gzip -9)',
    '',
    'First visit: until the banner is interactive and the network is idle. Returning visit (after accept all): until the gated script ran and the network is idle.',
    '',
    '| widget | first visit B | files | returning visit B | files |',
    '|---|---:|---|---:|---|',
  );
  const list = (v) => v.files.map((f) => `${f.name.replace(/^.*\//, '').replace(/-[\w-]{8}\.mjs$/, '-….mjs')} ${f.bytes}`).join(', ');
  for (const [w, v] of Object.entries(bytes)) lines.push(`| ${w} | ${v.first.total} | ${list(v.first)} | ${v.returning.total} | ${list(v.returning)} |`);
}
const LABEL = {
  none: 'none',
  keksi: 'keksi.js (defer)',
  'keksi-esm': 'keksi.mjs (module tag)',
  cookieconsent: 'cookieconsent',
  floor: 'floor: one 114-byte deferred script',
};
if (against && only.has('runtime')) {
  // The difference of two medians with its interval: one that holds 0 does not tell the builds apart.
  const diff = (a, b) => {
    const [lo, hi] = interval((x, y) => x - y, a, b);
    return `${fmt(median(a) - median(b), 1)} [${fmt(lo, 1)}, ${fmt(hi, 1)}]`;
  };
  lines.push(
    '',
    `## Against ${againstRef} (${against.commit.slice(0, 7)} ${against.subject})`,
    '',
    `This checkout's Keksi and ${againstRef}'s, the same page and tag, alternating visit by visit in the runs above (medians, ms). ` +
      "Difference: this checkout minus the other, with a 95 % bootstrap interval; negative is faster here. Script time is the whole page's.",
    '',
    '| scenario, tag | metric | this checkout | against | difference [95 %] | cookieconsent |',
    '|---|---|---:|---:|---|---:|',
  );
  for (const [key, cell] of Object.entries(runtime))
    for (const w of ['keksi', 'keksi-esm'].filter((w) => cell[w]?.length && cell[AGAINST(w)]?.length))
      for (const metric of [key.endsWith('first') ? 'banner' : 'ga', 'script']) {
        const [a, b, c] = [cell[w], cell[AGAINST(w)], cell.cookieconsent || []].map((rows) => rows.map((r) => r[metric]));
        lines.push(
          `| ${key}, ${LABEL[w]} | ${metric === 'script' ? 'script time' : metric === 'ga' ? 'gated script ran' : 'banner interactive'} | ${fmt(median(a), 1)} | ${fmt(median(b), 1)} | ${diff(a, b)} | ${fmt(median(c), 1)} |`,
        );
      }
}
for (const [method, pages] of Object.entries(lh || {})) {
  for (const [page, widgets] of Object.entries(pages)) {
    lines.push(
      '',
      `## Host page "${page}": Lighthouse mobile, ${method === 'simulate' ? 'simulated throttling (Lighthouse default, Lantern model)' : 'applied (DevTools) throttling'} — medians of ${widgets.none.length}`,
      '',
      '| widget | FCP ms | LCP ms | TBT ms | CLS | LCP element | FCP added | LCP added |',
      '|---|---:|---:|---:|---:|---|---:|---:|',
    );
    const base = { fcp: m(widgets.none, 'fcp'), lcp: m(widgets.none, 'lcp') };
    for (const [w, rows] of Object.entries(widgets)) {
      const added = (k) => (w === 'none' ? '' : fmt(((m(rows, k) - base[k]) / base[k]) * 100, 1) + ' %');
      lines.push(
        `| ${LABEL[w]} | ${fmt(m(rows, 'fcp'))} | ${fmt(m(rows, 'lcp'))} | ${fmt(m(rows, 'tbt'))} | ${fmt(m(rows, 'cls'), 3)} | ${rows[0].lcpElement} | ${added('fcp')} | ${added('lcp')} |`,
      );
    }
    const graphs = Object.entries(widgets).filter(([, rows]) => rows[0].graphs);
    if (graphs.length) {
      lines.push('', "The widget's requests and script evaluations in Lantern's graphs (first run; simulated durations):", '');
      for (const [w, rows] of graphs) lines.push(`- ${LABEL[w]}: FCP — ${rows[0].graphs.FCP}. LCP — ${rows[0].graphs.LCP}.`);
    }
  }
}
// Every run's numbers, for comparisons the tables do not make (BENCH_JSON=file).
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ load, runtime, bytes }, null, 1));
const report = lines.join('\n') + '\n';
writeFileSync(process.env.BENCH_OUT || 'bench/results.md', report);
console.log(report);
