// Issue 11, "Consent that holds": a model-based property test. fast-check drives random sequences of
// decisions (API, banner, dialog switches, an embed's Allow, another tab of the same site), resets,
// reloads, late-inserted gated elements and slow vendor scripts (held back by request interception and
// released later) against a small model of the stored choice, in a real browser. Invariants, checked
// after every step:
//   - no gated element is ACTIVATED (Keksi inserts its script, or sets its iframe's src) while the stored
//     choice at that moment does not grant all its categories; first visits included (no cookie: none);
//   - no vendor request without such an activation, and no request to any other outside host;
//   - the cookie and getConsent() say what the model says (so a rejection survives every reload);
//   - this tab's banner is closed while this tab holds a choice: its own, or one another tab made, once this
//     tab has heard of it (the banner asks for a choice already made, and a press on it would overwrite it);
//     after another tab's reset this tab holds none, and its UI decides through the banner, which asked again;
//   - liveness: with nothing held back, every element the choice grants has run, every embed it does
//     not grant is unloaded, and a blocked embed offers its placeholder.
// The page's activations are observed by a MutationObserver installed before the page's own scripts,
// which reads the cookie at that very moment (one decision per task, so its microtask sees the same
// cookie). A script inserted while granted whose bytes arrive after a withdrawal was legitimately
// activated; its body may run, but nothing queued behind it may.
//
// KEKSI_MODEL_RUNS (default 200) and KEKSI_MODEL_FIREFOX_RUNS (default 30) set the number of sequences;
// a failure prints fast-check's seed and path: replay with KEKSI_MODEL_SEED, KEKSI_MODEL_PATH (and
// KEKSI_MODEL_REPLAY for the commands' replayPath). KEKSI_MODEL_TABS=0 leaves out the other tab (its decisions and resets).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { startHarness } from './harness.mjs';

const CATS = ['preferences', 'analytics', 'marketing'];
const PAGE = '/test/pages/model-gating.html';
const TEMPLATE = readFileSync(new URL(`../..${PAGE}`, import.meta.url), 'utf8');
const VENDOR = /^http:\/\/vendor\.keksi\.test\/([a-z+]+)\/(\w+)\.(js|html)\?load=(\d+)$/;
const LOCAL = /^https?:\/\/(localhost|127\.0\.0\.1)[:/]/;
/** The page's gated elements, in document order (test/pages/model-gating.html). */
const STATIC = [
  ['P1', 'preferences', 'inline'],
  ['A1', 'analytics', 'external'],
  ['M1', 'marketing', 'inline'],
  ['MF', 'marketing', 'iframe'],
  ['A2', 'analytics', 'inline'],
  ['M2', 'marketing', 'external'],
  ['P2', 'preferences', 'external'],
  ['AMF', 'analytics marketing', 'iframe'],
  ['AM', 'analytics marketing', 'inline'],
].map(([id, cats, kind]) => ({ id, cats: cats.split(' '), kind }));
const SLOW_CANDIDATES = ['A1', 'M2', 'P2'];
const SETTLE_MS = 8000;

const env = process.env;
const RUNS = Number(env.KEKSI_MODEL_RUNS || 200);
const FIREFOX_RUNS = Number(env.KEKSI_MODEL_FIREFOX_RUNS || 30);
const replay = env.KEKSI_MODEL_SEED ? { seed: Number(env.KEKSI_MODEL_SEED), path: env.KEKSI_MODEL_PATH } : {};

const sorted = (list) => [...list].sort().join(' ');
const subset = (cats, accepted) => cats.every((c) => accepted.includes(c));
const vendorUrl = (el, load) => `http://vendor.keksi.test/${el.cats.join('+')}/${el.id}.${el.kind === 'iframe' ? 'html' : 'js'}?load=${load}`;

/** Runs in every document before its scripts: records activations, gated runs and pending script loads. */
function modelInit() {
  if (window.top !== window) return;
  const stored = () => {
    const c = /(?:^|;\s*)keksi_consent=([^;]*)/.exec(document.cookie);
    if (!c) return null;
    try {
      const v = JSON.parse(decodeURIComponent(c[1]));
      return { a: v.a, x: v.x };
    } catch {
      return { a: [], x: [], unreadable: c[1] };
    }
  };
  // The cookie as written (its record's time and id too): a decision that repeats the stored choice still changes it.
  const raw = () => /(?:^|;\s*)keksi_consent=([^;]*)/.exec(document.cookie)?.[1] ?? null;
  const accepted = () => stored()?.a || [];
  const m = (window.__model = { acts: [], runs: [], pending: 0, ready: false, dcl: false, stored, raw, ran: (id) => m.runs.push({ id, acc: accepted() }) });
  document.addEventListener('keksi-ready', () => (m.ready = true));
  // Keksi gates a returning visitor's page when its module runs once the page is parsed, or in a
  // DOMContentLoaded listener (a task later it has); from then on getConsent() answers. (Firefox holds
  // DOMContentLoaded back while a script Keksi inserted is loading.)
  document.addEventListener('DOMContentLoaded', () => setTimeout(() => (m.dcl = true)));
  new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target;
      if (r.type === 'attributes') {
        if (t.localName === 'iframe' && t.dataset.id && t.getAttribute('src') === t.getAttribute('data-src')) {
          m.acts.push({ id: t.dataset.id, acc: accepted() });
        }
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.localName !== 'script' || n.getAttribute('data-keksi') !== 'on') continue;
        m.acts.push({ id: n.dataset.id, acc: accepted() });
        if (n.src) {
          m.pending++;
          const done = () => m.pending--;
          n.addEventListener('load', done, { once: true });
          n.addEventListener('error', done, { once: true });
        }
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
}

/**
 * What the page shows now (runs in the page); waits up to `ms` for the page to catch up with what Node
 * expects (`load`, the stored choice `want`, at most `held` scripts loading), so Node polls rarely.
 */
async function pageState({ load, want, held, ready, unwritten, ms }) {
  const snap = () => {
    const m = window.__model;
    const consent = window.keksi?.getConsent?.();
    return {
      load: Number(document.documentElement.dataset.load),
      ready: !!m?.ready,
      gated: !!m?.dcl || (document.readyState !== 'loading' && !!window.keksi?.version),
      cookie: m?.stored(),
      raw: m?.raw() ?? null,
      consent: consent ? { accepted: consent.accepted, rejected: consent.rejected } : null,
      pending: m?.pending ?? 0,
      banner: !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.open,
      acts: m?.acts.slice() || [],
      runs: m?.runs.slice() || [],
      iframes: [...document.querySelectorAll('iframe[data-id]')].map((f) => [f.dataset.id, f.getAttribute('src') === f.getAttribute('data-src')]),
    };
  };
  const caughtUp = (s) =>
    s.load === load &&
    s.gated &&
    (s.ready || !ready) &&
    (s.cookie ? [...s.cookie.a].sort().join(' ') : null) === want &&
    s.pending <= held &&
    !(unwritten && s.raw === unwritten.raw);
  for (const end = Date.now() + ms; !caughtUp(snap()) && Date.now() < end;) await new Promise((r) => setTimeout(r, 4));
  return snap();
}

/** The browser-independent half of a sequence's session: the vendor host, held responses, logs. */
function newSession(driver, slow) {
  const s = {
    first: driver.served + 1,
    slow: new Set(slow),
    held: [],
    requests: [],
    strays: [],
    errors: [],
    loads: new Map(),
    // What ran (printed with a failure): the commands, and the page's console.
    log: [],
    console: [],
    // Requests to the test server matching `holdLocal` are held back (once: the first match disarms it) until released.
    holdLocal: null,
    chunks: [],
    // Called before each look of settle() (a test's hook to release something at a given moment).
    beforeLook: null,
    local(url, request) {
      if (!s.holdLocal?.test(url)) return request.go();
      s.holdLocal = null;
      s.chunks.push({ url, ...request });
    },
    vendor(url, respond) {
      const v = VENDOR.exec(url);
      if (!v) {
        s.strays.push(url);
        return respond.abort();
      }
      const [, , id, ext, load] = v;
      // A late request of an earlier sequence's page: not this sequence's business.
      if (Number(load) < s.first) return respond.abort();
      s.requests.push({ id, load: Number(load), url });
      const send = () =>
        ext === 'js'
          ? respond.fulfill(`window.__model && __model.ran(${JSON.stringify(id)});`, 'text/javascript')
          : respond.fulfill(`<!doctype html><title>${id}</title>`, 'text/html');
      if (ext === 'js' && s.slow.has(id)) s.held.push({ id, load: Number(load), send, abort: respond.abort });
      else return send();
    },
  };
  return s;
}

/** Answer a request that the page may have dropped meanwhile (reloaded, navigated away). */
const quiet = (p) => p.catch(() => {});

/**
 * One page for all sequences (a new context per sequence costs more than the sequence itself on a
 * busy machine); between sequences its cookies are deleted and the next sequence navigates afresh. Each page
 * load gets a number of its own, baked into its vendor URLs, so late requests are told apart.
 */
function driver({ page, origin, clearCookies, newPage, reload = () => page.reload({ waitUntil: 'domcontentloaded' }) }) {
  const d = {
    served: 0,
    s: null,
    // The other tab's page has no gated elements (it only decides).
    page: (url) => (url.includes('?tab=') ? TEMPLATE.replace(/<main>[^]*<\/main>/, '') : TEMPLATE.replaceAll('{{load}}', String(++d.served))),
    begin(slow) {
      const s = (d.s = newSession(d, slow));
      return Object.assign(s, {
        origin,
        async newTab() {
          const tab = await newPage();
          return { evaluate: (fn, arg) => tab.evaluate(fn, arg), goto: (url) => tab.goto(url), close: () => tab.close() };
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        open: () => page.goto(origin + PAGE, { waitUntil: 'domcontentloaded' }),
        reload,
      });
    },
    async end() {
      for (const h of [...d.s.held.splice(0), ...d.s.chunks.splice(0)]) h.abort();
      // Away from the sequence's page first: nothing it still has on its way (a call waiting for the controller)
      // can write the cookie after it is cleared, into the next sequence's first visit.
      await quiet(page.goto('about:blank'));
      await clearCookies();
      d.previous = d.s.log;
    },
  };
  page.on('pageerror', (e) => d.s?.errors.push(String(e)));
  page.on('console', (msg) => d.s?.console.push(`${msg.type()}: ${msg.text()}`));
  return d;
}

async function chromiumDriver(browser, origin) {
  const context = await browser.newContext();
  await context.addInitScript(modelInit);
  const page = await context.newPage();
  const d = driver({ page, origin, clearCookies: () => context.clearCookies(), newPage: () => context.newPage() });
  await context.route(/^https?:\/\//, (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + PAGE)) return quiet(route.fulfill({ status: 200, contentType: 'text/html', body: d.page(url) }));
    if (LOCAL.test(url)) return d.s ? d.s.local(url, { go: () => quiet(route.continue()), abort: () => quiet(route.abort()) }) : quiet(route.continue());
    d.s.vendor(url, {
      fulfill: (body, contentType) => quiet(route.fulfill({ status: 200, contentType, body })),
      abort: () => quiet(route.abort()),
    });
  });
  return Object.assign(d, { close: () => context.close() });
}

async function firefoxDriver(browser, origin) {
  const context = await browser.createBrowserContext();
  let d;
  // Interception is per page in puppeteer. The init script is served as the page's first script, not
  // added with evaluateOnNewDocument: in Firefox 140 any WebDriver BiDi preload script (even an empty
  // one) makes the browser report 'Error: Permission denied to access property "length"' as errors of
  // the page, which no page script threw (no error event, no stack).
  const withInit = (html) => html.replace('<head>', `<head>\n<script>(${modelInit})();</script>`);
  const newPage = async () => {
    const page = await context.newPage();
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      const url = r.url();
      if (url.startsWith(origin + PAGE)) return quiet(r.respond({ status: 200, contentType: 'text/html', body: withInit(d.page(url)) }));
      if (!/^https?:/.test(url)) return quiet(r.continue());
      if (LOCAL.test(url)) return d.s ? d.s.local(url, { go: () => quiet(r.continue()), abort: () => quiet(r.abort()) }) : quiet(r.continue());
      d.s.vendor(url, {
        fulfill: (body, contentType) => quiet(r.respond({ status: 200, contentType, body })),
        abort: () => quiet(r.abort()),
      });
    });
    return page;
  };
  const page = await newPage();
  // puppeteer's reload() waits for a navigation that a held response of the old page keeps open in
  // Firefox: reload from the page, and settle() waits for the new page load.
  d = driver({
    page,
    origin,
    newPage,
    clearCookies: async () => context.deleteCookie(...(await context.cookies())),
    reload: () => quiet(page.evaluate(() => location.reload())),
  });
  return Object.assign(d, { close: () => context.close() });
}

// ----- the model -----

function newModel(load) {
  // `stored`: the cookie; `memory`: what this tab's Keksi decided or read (another tab's choice once this tab has heard
  // of it: OtherTab waits for that); `told`: every choice this tab may report since its own last decision or page load:
  // its own, and each one another tab stored since that this tab may not have heard of yet.
  return { stored: null, memory: null, told: [null], load, elements: STATIC.map((e) => ({ ...e })), ever: new Set(), inserted: 0 };
}

function decided(m, accepted, here = true) {
  m.stored = CATS.filter((c) => accepted.includes(c));
  if (here) m.memory = m.stored;
  m.told = here ? [m.stored] : [...m.told, m.stored];
  for (const c of m.stored) m.ever.add(c);
}

const stale = (m) => String(m.memory) !== String(m.stored);

const heldNow = (m, s) => s.held.filter((h) => h.load === m.load);

/** Poll (bounded) until the page has caught up with the model, then check every invariant. */
async function settle(m, s, { final = false } = {}) {
  const deadline = Date.now() + SETTLE_MS;
  let snap;
  let requests;
  for (;;) {
    if (s.beforeLook) await s.beforeLook();
    requests = s.requests.slice();
    const want = m.stored && sorted(m.stored);
    let waiting;
    try {
      snap = await s.evaluate(pageState, { load: m.load, want, held: heldNow(m, s).length, ready: final, unwritten: m.unwritten, ms: 200 });
      waiting = whyWaiting(m, s, snap, final);
    } catch (e) {
      waiting = `the page could not be read (${e.message})`; // mid-navigation
    }
    if (!waiting) break;
    if (Date.now() > deadline) throw new Error(`the page did not settle within ${SETTLE_MS} ms: ${waiting}\n${JSON.stringify(snap)}`);
  }
  delete m.unwritten;
  s.loads.set(m.load, snap.acts);
  checkInvariants(m, s, snap, requests, final);
}

// Keksi's start-up is not waited for (decisions may come before it; the API keeps them), but the last
// check needs it: by then every granted element must have run.
function whyWaiting(m, s, snap, final) {
  if (snap.load !== m.load) return `page load ${snap.load - s.first + 1}, the model's ${m.load - s.first + 1}`;
  if (!snap.gated) return 'the page is still loading';
  if (final && !snap.ready) return 'Keksi has not started';
  const cookie = snap.cookie && !snap.cookie.unreadable ? sorted(snap.cookie.a) : null;
  const want = m.stored && sorted(m.stored);
  if (cookie !== want) return `the stored choice is ${JSON.stringify(snap.cookie)}, the model's ${JSON.stringify(m.stored)}`;
  // A decision that repeats the stored choice is done only once it is written (a page whose controller was held back makes it when that arrives).
  if (m.unwritten && snap.raw === m.unwritten.raw) return `${m.unwritten.call} is not written yet (the cookie is still ${snap.raw})`;
  // Closed by this tab's own decision, at once; by another tab's, once this tab has heard of it (OtherTab).
  if (m.memory !== null && snap.banner) return `this tab's banner is still open, though this tab holds the choice ${JSON.stringify(m.memory)}`;
  const held = heldNow(m, s).length;
  if (snap.pending !== held) return `${snap.pending} gated script(s) loading, ${held} held back`;
  return '';
}

function checkInvariants(m, s, snap, requests, final) {
  const byId = new Map(m.elements.map((e) => [e.id, e]));
  const where = `(page load ${m.load - s.first + 1})`;
  // The stored choice, as the model has it; a rejection stays a rejection, across reloads too.
  if (m.stored) assert.equal(sorted(snap.cookie.x), sorted(CATS.filter((c) => !m.stored.includes(c))), `the cookie's rejected list ${where}`);
  // getConsent() tells this tab's choice; after decisions in other tabs, the old one or one of the new ones.
  const told = snap.consent && sorted(snap.consent.accepted);
  const expected = (choice) => choice && sorted(['necessary', ...choice]);
  if (!m.told.some((choice) => told === expected(choice))) {
    assert.fail(`getConsent() says ${JSON.stringify(snap.consent)}, the stored choice is ${JSON.stringify(m.stored)} ${where}`);
  }
  if (snap.consent)
    assert.equal(sorted(snap.consent.rejected), sorted(CATS.filter((c) => !snap.consent.accepted.includes(c))), `getConsent().rejected ${where}`);

  // Safety: each activation and each inline run against the stored choice at that very moment.
  const seen = new Map();
  for (const a of snap.acts) {
    const el = byId.get(a.id);
    assert.ok(el, `an unknown element "${a.id}" was activated ${where}`);
    assert.ok(subset(el.cats, a.acc), `${a.id} (${el.cats.join(' ')}, ${el.kind}) was activated while the stored choice granted [${a.acc}] ${where}`);
    assert.ok(subset(el.cats, [...m.ever]), `${a.id} activated, but the model never granted ${el.cats} ${where}`);
    seen.set(a.id, (seen.get(a.id) || 0) + 1);
    if (el.kind !== 'iframe') assert.equal(seen.get(a.id), 1, `the script ${a.id} was activated twice ${where}`);
  }
  for (const r of snap.runs) {
    const el = byId.get(r.id);
    if (el.kind === 'inline') assert.ok(subset(el.cats, r.acc), `the inline script ${r.id} ran while the stored choice granted [${r.acc}] ${where}`);
    else assert.ok(seen.has(r.id), `the external script ${r.id} ran without being activated ${where}`);
  }
  // Vendor requests: only for what was activated in that page load; nothing else leaves the machine.
  for (const r of requests) {
    const acts = r.load === m.load ? snap.acts : s.loads.get(r.load) || [];
    assert.ok(
      acts.some((a) => a.id === r.id),
      `a vendor request for ${r.id} without its activation (page load ${r.load - s.first + 1}): ${r.url}`,
    );
  }
  assert.deepEqual(s.strays, [], 'requests to outside hosts');
  assert.deepEqual(s.errors, [], 'errors thrown into the page');

  // Embeds the choice does not grant are unloaded; with nothing held back, everything granted has run.
  // (A tab whose choice was changed in another tab is not required to follow it before it has heard of it: only safety holds.)
  if (stale(m)) return;
  const active = new Map(snap.iframes);
  const granted = (el) => !!m.stored && subset(el.cats, m.stored);
  for (const el of m.elements) {
    if (el.kind === 'iframe' && !granted(el)) assert.equal(active.get(el.id), false, `the embed ${el.id} (${el.cats}) is still loaded ${where}`);
  }
  if (heldNow(m, s).length) return;
  for (const el of m.elements) {
    if (!granted(el)) continue;
    if (el.kind === 'iframe') assert.equal(active.get(el.id), true, `the embed ${el.id} (${el.cats}) is granted but not loaded ${where}`);
    else assert.ok(seen.has(el.id), `${el.id} (${el.cats.join(' ')}) is granted but never ran ${where}`);
    if (final && el.kind === 'external')
      assert.ok(
        snap.runs.some((r) => r.id === el.id),
        `the external script ${el.id} was activated but never ran ${where}`,
      );
  }
}

// ----- commands -----

/** Poll (bounded) until `fn` returns true in the page: Keksi's UI loads lazily. */
async function until(s, what, fn, arg) {
  const deadline = Date.now() + SETTLE_MS;
  while (!(await s.evaluate(fn, arg))) {
    if (Date.now() > deadline) throw new Error(`${what} never appeared`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Click a button of the open banner or the open preferences dialog. */
const clickPart = (s, host, part) =>
  until(
    s,
    `${host} [part~="${part}"]`,
    ([host, part]) => {
      const el = document.querySelector('keksi-consent')?.shadowRoot?.querySelector(host);
      const target = el?.shadowRoot?.querySelector(`[part~="${part}"]`);
      if (!target || (host === 'keksi-banner' ? !el.open : !target.closest('dialog')?.open)) return false;
      target.click();
      return true;
    },
    [host, part],
  );

/** In the open preferences dialog: set each category's switch, then save. */
const saveSwitches = (s, cats) =>
  until(
    s,
    'the preferences dialog',
    ([all, cats]) => {
      const root = document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-preferences')?.shadowRoot;
      if (!root?.querySelector('dialog')?.open) return false;
      for (const c of all) {
        const toggle = root.querySelector(`#c-${c}`);
        if (toggle.checked !== cats.includes(c)) toggle.click();
      }
      root.querySelector('[part~="save"]').click();
      return true;
    },
    [CATS, cats],
  );

/**
 * Call the API as a shop would, through the queue that also takes calls made before Keksi loaded.
 * @returns the cookie as it was just before the call (see `unwritten`)
 */
const api = (s, name, arg) =>
  s.evaluate(
    ([name, arg]) => {
      const before = window.__model?.raw() ?? null;
      (window.keksi = window.keksi || []).push((k) => k[name](arg));
      return before;
    },
    [name, arg],
  );

class Decide {
  constructor(via, what, cats = []) {
    Object.assign(this, { via, what, cats });
  }
  check() {
    return true;
  }
  async run(m, s) {
    const { via, what, cats } = this;
    if (via === 'api') {
      // Written at once, or when the controller the call fetched has arrived: settle() waits for the write.
      m.unwritten = { raw: await api(s, what === 'set' ? 'setConsent' : what === 'accept' ? 'acceptAll' : 'rejectAll', cats), call: String(this) };
    } else {
      // The banner while there is no choice, the preferences dialog after.
      const banner = m.memory === null;
      if (what === 'set') {
        if (banner) await clickPart(s, 'keksi-banner', 'settings');
        else await api(s, 'showPreferences');
        await saveSwitches(s, cats);
      } else {
        if (!banner) await api(s, 'showPreferences');
        await clickPart(s, banner ? 'keksi-banner' : 'keksi-preferences', what === 'accept' ? 'accept-all' : 'reject-all');
      }
    }
    decided(m, what === 'accept' ? CATS : what === 'reject' ? [] : cats);
    await settle(m, s);
  }
  toString() {
    const name = { accept: 'acceptAll', reject: 'rejectAll', set: this.via === 'api' ? 'setConsent' : 'save' }[this.what];
    return `${this.via}.${name}(${this.what === 'set' ? JSON.stringify(this.cats) : ''})`;
  }
}

class Reset {
  check() {
    return true;
  }
  async run(m, s) {
    const raw = await api(s, 'reset');
    // A reset of a stored choice is done once the cookie is gone (see Decide).
    if (raw !== null) m.unwritten = { raw, call: String(this) };
    m.stored = m.memory = null;
    m.told = [null];
    await settle(m, s);
  }
  toString() {
    return 'api.reset()';
  }
}

class Reload {
  check() {
    return true;
  }
  async run(m, s) {
    // The old page's held responses stay held until it is gone (aborting them first would let it go on
    // with its queue while it unloads, unseen).
    await s.reload();
    Object.assign(m, { load: m.load + 1, memory: m.stored, told: [m.stored], elements: STATIC.map((e) => ({ ...e })), ever: new Set(m.stored || []) });
    await settle(m, s);
    for (const h of s.held.filter((x) => x.load < m.load)) {
      s.held.splice(s.held.indexOf(h), 1);
      h.abort();
    }
  }
  toString() {
    return 'reload';
  }
}

class Insert {
  constructor(kind, cats, slow) {
    Object.assign(this, { kind, cats, slow });
  }
  check() {
    return true;
  }
  async run(m, s) {
    const el = { id: `X${++m.inserted}`, cats: this.cats, kind: this.kind };
    m.elements.push(el);
    if (this.slow && el.kind === 'external') s.slow.add(el.id);
    await s.evaluate(
      ([el, src]) => {
        const node = document.createElement(el.kind === 'iframe' ? 'iframe' : 'script');
        node.dataset.id = el.id;
        node.dataset.category = el.cats.join(' ');
        if (el.kind !== 'iframe') node.type = 'text/plain';
        if (el.kind === 'inline') node.text = `__model.ran(${JSON.stringify(el.id)});`;
        else node.dataset.src = src;
        document.querySelector('main').append(node);
      },
      [el, vendorUrl(el, m.load)],
    );
    await settle(m, s);
  }
  toString() {
    return `insert(${this.kind}, "${this.cats.join(' ')}"${this.slow && this.kind === 'external' ? ', slow' : ''})`;
  }
}

class Release {
  constructor(index) {
    this.index = index;
  }
  check() {
    return true;
  }
  async run(m, s) {
    const held = heldNow(m, s);
    if (held.length) {
      const h = held[this.index % held.length];
      s.held.splice(s.held.indexOf(h), 1);
      await h.send();
    }
    await settle(m, s);
  }
  toString() {
    return `release(${this.index})`;
  }
}

/**
 * Another tab of the same site decides (same cookie jar), then closes; the visitor comes back to this tab, which
 * hears of the choice (the visibilitychange of coming back; in Chromium also the Cookie Store API's change event):
 * the step is done once this tab's getConsent() tells the other tab's choice. From then on this tab holds that
 * choice (the model's `memory`): its banner, if it was open, has closed (settle() checks it), and a decision in
 * this UI goes through the preferences dialog, as after a decision of its own. With `cats` null the other tab
 * forgets the choice (keksi.reset()): this tab then holds none and asks again, so a decision in this UI goes
 * through its banner. (An open dialog would stay open: test/e2e/holds-tabs; no command leaves one open.)
 */
class OtherTab {
  constructor(cats) {
    this.cats = cats;
  }
  check() {
    return true;
  }
  async run(m, s) {
    const tab = await s.newTab();
    try {
      await tab.goto(`${s.origin}${PAGE}?tab=2`);
      await until(tab, 'Keksi in the other tab', () => !!window.__model?.ready);
      if (this.cats) {
        await api(tab, 'setConsent', this.cats);
        decided(m, this.cats, false);
      } else {
        await api(tab, 'reset');
        m.stored = null;
        m.told = [...m.told, null];
      }
      if (this.cats) await until(tab, "the other tab's decision", (want) => (window.__model.stored()?.a || []).join() === want, m.stored.join());
      else await until(tab, "the other tab's reset", () => !window.__model.stored());
    } finally {
      await tab.close();
    }
    await until(
      s,
      "this tab's getConsent() with the other tab's choice",
      (want) => {
        // The visitor comes back (again, each look: this tab's controller may start only now).
        document.dispatchEvent(new Event('visibilitychange'));
        const consent = window.keksi?.getConsent?.();
        return want === null ? consent === null : !!consent && [...consent.accepted].sort().join(' ') === want;
      },
      m.stored && sorted(['necessary', ...m.stored]),
    );
    m.memory = m.stored;
    m.told = [m.stored];
    await settle(m, s);
  }
  toString() {
    return this.cats ? `otherTab.setConsent(${JSON.stringify(this.cats)})` : 'otherTab.reset()';
  }
}

/** "Allow" on a blocked embed's placeholder: this tab's choice plus the embed's categories. */
class AllowEmbed {
  constructor(index) {
    this.index = index;
  }
  check() {
    return true;
  }
  async run(m, s) {
    const blocked = m.elements.filter((el) => el.kind === 'iframe' && !(m.memory && subset(el.cats, m.memory)));
    if (blocked.length && !stale(m)) {
      const el = blocked[this.index % blocked.length];
      await until(
        s,
        `the placeholder of ${el.id}`,
        (id) => {
          const placeholder = document.querySelector(`iframe[data-id="${id}"]`)?.previousElementSibling;
          const allow = placeholder?.localName === 'keksi-embed' ? placeholder.shadowRoot?.querySelector('[part~="allow"]') : null;
          allow?.click();
          return !!allow;
        },
        el.id,
      );
      decided(m, [...(m.memory || []), ...el.cats]);
    }
    await settle(m, s);
  }
  toString() {
    return `ui.allowEmbed(${this.index})`;
  }
}

/**
 * Not a random command (the CI flake of 2026-12, reproduced): on a returning page whose controller the core
 * held back, hold the controller chunk that the next API call fetches, and release it only at the second look
 * of settle() after it was asked for: a call that settle() took as done at its first look is made after the
 * next command, deterministically.
 */
class HoldController {
  check() {
    return true;
  }
  async run(m, s) {
    const lean = await s.evaluate(() => document.querySelector('keksi-consent')?.held === true && !customElements.get('keksi-consent'));
    assert.ok(lean, 'the returning page runs without the controller');
    let asked;
    const requested = new Promise((resolve) => (asked = resolve));
    const local = s.local;
    s.local = (url, request) => (local(url, request), s.chunks.length && asked());
    s.holdLocal = /\/dist\/chunks\/controller-[\w-]+\.mjs$/;
    let looks = 0;
    s.beforeLook = async () => {
      // The call made after this command fetches the controller: wait for that request (bounded), then count.
      await Promise.race([requested, new Promise((_, fail) => setTimeout(() => fail(new Error('the controller chunk was never asked for')), SETTLE_MS))]);
      if (++looks < 2) return;
      s.beforeLook = null;
      for (const c of s.chunks.splice(0)) c.go();
      await until(s, 'the controller', () => !!customElements.get('keksi-consent')?.live);
    };
  }
  toString() {
    return 'holdController()';
  }
}

/** Another tab decides while this tab's banner is open (a first visit, then after a reset); this tab decides in its UI. */
const TABS_CLOSE_BANNER = () => [
  new OtherTab([]),
  new Decide('ui', 'accept'),
  new Reset(),
  new OtherTab(['analytics']),
  new Decide('ui', 'set', ['marketing']),
];

/** Another tab forgets the choice this tab holds (its banner closed); this tab asks again: its UI decides through the banner. */
const TABS_ASK_AGAIN = () => [
  new Decide('ui', 'accept'),
  new OtherTab(null),
  new Decide('ui', 'reject'),
  new OtherTab(null),
  new Decide('ui', 'set', ['analytics']),
];

const catsArb = fc.subarray(CATS);
const COMMANDS = [
  fc.constantFrom('accept', 'reject').map((w) => new Decide('api', w)),
  catsArb.map((c) => new Decide('api', 'set', c)),
  fc.constantFrom('accept', 'reject').map((w) => new Decide('ui', w)),
  catsArb.map((c) => new Decide('ui', 'set', c)),
  fc.constant(new Reset()),
  fc.constant(new Reload()),
  fc.tuple(fc.constantFrom('inline', 'external', 'iframe'), fc.subarray(CATS, { minLength: 1 }), fc.boolean()).map((a) => new Insert(...a)),
  fc.nat(3).map((i) => new Release(i)),
  fc.nat(3).map((i) => new Release(i)),
  fc.nat(3).map((i) => new AllowEmbed(i)),
  // KEKSI_MODEL_TABS=0 leaves out decisions made in another tab (see the report of issue 11).
  ...(env.KEKSI_MODEL_TABS === '0' ? [] : [catsArb.map((c) => new OtherTab(c)), fc.constant(new OtherTab(null))]),
];

/** The commands, each noted in `log` as it runs. */
function* logging(commands, log) {
  for (const c of commands) yield { check: (m) => c.check(m), run: (m, s) => (log.push(String(c)), c.run(m, s)), toString: () => String(c) };
}

/** One sequence from a first visit: its commands, then every held response released, then the last check. */
async function runSequence(d, slow, commands) {
  const s = d.begin(slow);
  const m = newModel(s.first);
  try {
    s.log.push('open');
    await s.open();
    await settle(m, s); // a first visit: nothing optional may run
    await fc.asyncModelRun(() => ({ model: m, real: s }), logging(commands, s.log));
    // Release what is still held back: the queue must drain and everything granted must run.
    s.log.push('release all');
    for (let h; (h = s.held.find((x) => x.load === m.load));) await new Release(s.held.indexOf(h)).run(m, s);
    await settle(m, s, { final: true });
  } catch (e) {
    // fast-check prints only the commands that ran of the shrunk sequence: this one's, the one before (what it left
    // behind can show here), and the page's console.
    e.message +=
      `\n\nThis sequence (slow: ${JSON.stringify(slow)}): ${s.log.join(' → ')}\nThe sequence before it: ${d.previous?.join(' → ') ?? 'none'}` +
      `\nThe page's console:\n${s.console.join('\n') || '(nothing)'}`;
    throw e;
  } finally {
    await d.end();
  }
}

/** Run `runs` random sequences; on failure, the shrunk sequence with how to replay it. */
async function checkModel(d, runs, name) {
  const property = fc.asyncProperty(
    fc.subarray(SLOW_CANDIDATES),
    fc.commands(COMMANDS, { maxCommands: 8, replayPath: env.KEKSI_MODEL_REPLAY }),
    (slow, commands) => runSequence(d, slow, commands),
  );
  const started = Date.now();
  const details = await fc.check(property, { numRuns: runs, ...replay });
  console.log(`[consent model] ${name}: ${details.numRuns} sequences in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (details.failed) {
    const replayPath = /replayPath="([^"]*)"/.exec(fc.stringify(details.counterexample))?.[1] ?? '';
    throw new Error(
      `${fc.defaultReportMessage(details)}\n\nThe shrunk sequence failed with: ${details.errorInstance?.message ?? details.error}\n\n` +
        `Replay: KEKSI_MODEL_SEED=${details.seed} KEKSI_MODEL_PATH="${details.counterexamplePath}" KEKSI_MODEL_REPLAY="${replayPath}" ` +
        `node --test --test-name-pattern=${name} test/e2e/consent-model.test.mjs`,
    );
  }
}

describe('consent model (fast-check)', () => {
  let harness;
  let d;
  before(async () => {
    // Without site isolation: the model's embeds are cross-site (vendor.keksi.test), so Chromium puts each in a
    // process of its own and swaps it back when Keksi unloads it; over hundreds of such swaps playwright-core
    // 1.65 now and then gets Page.frameAttached for a frame it already has and throws "Error: Assertion error"
    // from its own CDP event handler (FrameManager.frameAttached, an unhandled rejection that fails this file
    // although every test passed). Gating does not depend on the process model, so the model runs in one.
    harness = await startHarness({ extraArgs: ['--disable-site-isolation-trials'] });
    d = await chromiumDriver(harness.browser, harness.server.url);
  });
  after(async () => {
    await d?.close();
    await harness?.close();
  });

  // Issue 11, defect 1, as reported: nothing queued behind a slow script may run once withdrawn.
  test('Chromium: accept, then reject while a slow analytics script loads: the marketing queued behind it never runs', async () => {
    await runSequence(d, ['A1'], [new Decide('api', 'accept'), new Decide('api', 'reject'), new Release(0)]);
  });

  // The flake of CI (seed 206585387): an API decision that repeats the stored choice on a returning page whose
  // controller was held back is made when the controller has arrived; the model took it as made at once.
  test('Chromium: an API decision on a held-back returning page is written before the next command (another tab decides after it)', async () => {
    await runSequence(d, [], [new Decide('api', 'accept'), new Reload(), new HoldController(), new Decide('api', 'accept'), new OtherTab([])]);
  });

  // Another tab's choice closes this tab's banner (revert 242dddb: the model pressed it after another tab's choice),
  // a rejection where this tab held none too (it changes no grant: found by the model).
  test("Chromium: another tab decides on a first visit: this tab's banner closes, and its UI decides through the dialog", async () => {
    await runSequence(d, [], TABS_CLOSE_BANNER());
  });

  test("Chromium: another tab forgets the choice: this tab's banner asks again, and its UI decides through it", async () => {
    await runSequence(d, [], TABS_ASK_AGAIN());
  });

  test(`Chromium: ${RUNS} random sequences never run anything the stored choice does not grant`, async () => {
    await checkModel(d, RUNS, 'Chromium');
  });

  test('Firefox: an API decision on a held-back returning page is written before the next command (another tab decides after it)', async () => {
    const ff = await startHarness({ browser: 'firefox' });
    try {
      const fd = await firefoxDriver(ff.browser, ff.server.url);
      await runSequence(fd, [], [new Decide('api', 'accept'), new Reload(), new HoldController(), new Decide('api', 'accept'), new OtherTab([])]);
    } finally {
      await ff.close();
    }
  });

  test("Firefox: another tab decides on a first visit: this tab's banner closes, and its UI decides through the dialog", async () => {
    const ff = await startHarness({ browser: 'firefox' });
    try {
      const fd = await firefoxDriver(ff.browser, ff.server.url);
      await runSequence(fd, [], TABS_CLOSE_BANNER());
    } finally {
      await ff.close();
    }
  });

  test("Firefox: another tab forgets the choice: this tab's banner asks again, and its UI decides through it", async () => {
    const ff = await startHarness({ browser: 'firefox' });
    try {
      await runSequence(await firefoxDriver(ff.browser, ff.server.url), [], TABS_ASK_AGAIN());
    } finally {
      await ff.close();
    }
  });

  test(`Firefox: ${FIREFOX_RUNS} random sequences never run anything the stored choice does not grant`, async () => {
    const ff = await startHarness({ browser: 'firefox' });
    try {
      await checkModel(await firefoxDriver(ff.browser, ff.server.url), FIREFOX_RUNS, 'Firefox');
    } finally {
      await ff.close();
    }
  });
});
