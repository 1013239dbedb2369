// Browser benchmark of the release build against a bare Leptos "hello world".
// Run by scripts/bench.sh after both builds and the native fixture:
//   target/bench/dist-app, target/bench/dist-hello, target/bench/contacts-10000.json
// Serves both folders on 127.0.0.1, drives Debian's Chromium with playwright-core,
// prints each figure against its target and writes target/bench/results.json.
// Never fails on a slow figure: only a broken set-up (missing build, app that does
// not start) exits non-zero.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { chromium } = require(join(root, 'node_modules/playwright-core'));

const OUT = join(root, 'target/bench');
const APP = join(OUT, 'dist-app');
const HELLO = join(OUT, 'dist-hello');
const FIXTURE = join(OUT, 'contacts-10000.json');
// Start-up runs of each kind. Single runs of the ~80 ms hello page vary by
// ±30 ms: with 7 runs, two runs of one start path gave 1.63× and 2.04× hello.
const RUNS = Number(process.env.BENCH_RUNS || 15);
for (const p of [APP, HELLO, FIXTURE]) if (!existsSync(p)) { console.error(`missing ${p}: run scripts/bench.sh`); process.exit(2); }

// ---- tiny static server, logging each request ---------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json' };
function serve(dir) {
  const log = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(path);
    if (path === '/__blank') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><title>seed</title>'); return; }
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () =>
    ok({ server, log, dir, url: `http://127.0.0.1:${server.address().port}/` })));
}

// ---- helpers ------------------------------------------------------------------------------
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const sizes = (buf) => ({ raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length });
const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => (x == null || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0));

// Installed in every page: long-task log, a "condition met and painted" waiter,
// the time the first usable screen appeared, and the time of each download blob.
const INSTRUMENT = (readySelector) => {
  const b = (window.__bench = { longTasks: [], readyAt: null, blobAt: null, changeAt: null });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push({ start: e.startTime, dur: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no long-task API */ }
  // Resolves with performance.now() once pred() holds and the next frame has been painted.
  b.until = (pred, timeout = 180000) => new Promise((res, rej) => {
    const painted = () => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => res(performance.now()); c.port2.postMessage(0); });
    if (pred()) return painted();
    const mo = new MutationObserver(() => { if (pred()) { mo.disconnect(); clearTimeout(t); painted(); } });
    mo.observe(document, { subtree: true, childList: true, attributes: true });
    const t = setTimeout(() => { mo.disconnect(); rej(new Error('timeout')); }, timeout);
  });
  b.visible = (sel) => { const e = document.querySelector(sel); return !!(e && e.getClientRects().length); };
  b.maxTask = (since) => Math.max(0, ...b.longTasks.filter((t) => t.start + t.dur >= since).map((t) => t.dur));
  const orig = URL.createObjectURL;
  URL.createObjectURL = function (o) { b.blobAt = performance.now(); return orig.call(URL, o); };
  document.addEventListener('change', (e) => { if (e.target && e.target.type === 'file') b.changeAt = performance.now(); }, true);
  if (readySelector) b.until(() => b.visible(readySelector)).then((t) => { b.readyAt = t; });
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const app = await serve(APP);
const hello = await serve(HELLO);
const results = { when: new Date().toISOString(), runs: RUNS, chromium: browser.version() };

async function context({ sw = false } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN',
    serviceWorkers: sw ? 'allow' : 'block', acceptDownloads: true });
  await ctx.route('**/*', (r) => (/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:|about:)/.test(r.request().url()) ? r.continue() : r.abort()));
  return ctx;
}

/**
 * Store `pairs` in the context's localStorage from tabs of their own, all
 * closed before the app loads: the app then starts in a new tab process that
 * must read the records in, as a user's tab does (the writing tab's process
 * would already hold them). A tab closed right after writing can lose its last
 * writes, so a fresh tab checks that every key arrived, and writes again if not.
 */
async function seed(ctx, pairs) {
  for (let writes = 0; ; writes++) {
    const tab = await ctx.newPage();
    await tab.goto(app.url + '__blank');
    const stored = await tab.evaluate(() => localStorage.length);
    if (stored < pairs.length && writes < 3) {
      await tab.evaluate((pairs) => { for (const [k, v] of pairs) localStorage.setItem(k, v); }, pairs);
    }
    await tab.close();
    if (stored >= pairs.length) return;
    if (writes === 3) throw new Error(`could not store ${pairs.length} contacts: ${stored} keys`);
  }
}

/** New context; store the first n fixture contacts; load the app at `hash`; wait for `ready`. */
async function openApp(n, hash = '#/', ready = '[data-testid="home"]', opts = {}) {
  const ctx = await context(opts);
  if (n > 0) await seed(ctx, fixture.slice(0, n));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(INSTRUMENT, ready);
  await page.goto(app.url + hash);
  await page.waitForFunction(() => window.__bench && window.__bench.readyAt != null, null, { timeout: 120000 });
  const readyAt = await page.evaluate(() => window.__bench.readyAt);
  const longest = await page.evaluate(() => window.__bench.maxTask(0));
  // The app's own mark: reading and decoding every stored record.
  const load = await page.evaluate(() => performance.getEntriesByName('dek-load', 'measure')[0]?.duration ?? null);
  return { ctx, page, readyAt, longest, load, errors };
}

// ---- 1. size ------------------------------------------------------------------------------
async function firstVisit(srv, ready) {
  const ctx = await context({ sw: true });
  const page = await ctx.newPage();
  const pageReqs = [];
  page.on('request', (r) => pageReqs.push(new URL(r.url()).pathname));
  srv.log.length = 0;
  await page.addInitScript(INSTRUMENT, ready);
  await page.goto(srv.url);
  await page.waitForFunction(() => window.__bench && window.__bench.readyAt != null, null, { timeout: 120000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500); // service-worker install and precache, if any
  await ctx.close();
  const served = [...srv.log];
  const fileOf = (p) => join(srv.dir, p.endsWith('/') ? p + 'index.html' : p);
  const isFile = (p) => existsSync(fileOf(p)) && statSync(fileOf(p)).isFile();
  const files = [...new Set(pageReqs.filter((p) => served.includes(p) && isFile(p)))]
    .map((p) => ({ path: p, ...sizes(readFileSync(fileOf(p))) }));
  const extra = served.filter((p) => !pageReqs.includes(p));
  const extraFiles = [...new Set(extra)].filter(isFile).map((p) => ({ path: p, ...sizes(readFileSync(fileOf(p))) }));
  const total = (fs) => fs.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total: total(files), background: { files: extraFiles, total: total(extraFiles), requests: extra.length } };
}

console.log('\n== size: first visit ==');
const sizeApp = await firstVisit(app, '[data-testid="home"]');
const sizeHello = await firstVisit(hello, '[data-testid="hello"]');
const single = sizes(readFileSync(join(APP, 'debt-evidence-kit.html')));
results.size = { app: sizeApp, hello: sizeHello, single_file: single };

// ---- 2. start -----------------------------------------------------------------------------
// Interleaved (hello, empty, 10k, hello, …): the targets are ratios, and a machine
// that slows down halfway would otherwise skew one kind of run and not the other.
console.log(`== start: ${RUNS} interleaved runs each ==`);
const summary = (runs) => ({ runs_ms: runs.map((r) => r.readyAt), median_ms: median(runs.map((r) => r.readyAt)),
  longest_task_ms: median(runs.map((r) => r.longest)), load_ms: runs[0].load == null ? null : median(runs.map((r) => r.load)) });
const startKinds = {
  hello: async () => {
    const ctx = await context(); const page = await ctx.newPage();
    await page.addInitScript(INSTRUMENT, '[data-testid="hello"]');
    await page.goto(hello.url);
    await page.waitForFunction(() => window.__bench.readyAt != null);
    const r = await page.evaluate(() => ({ readyAt: window.__bench.readyAt, longest: window.__bench.maxTask(0), load: null }));
    await ctx.close(); return r;
  },
  empty: async () => { const r = await openApp(0); await r.ctx.close(); return r; },
  c10k: async () => {
    const r = await openApp(10000);
    r.stored = await r.page.evaluate(() => localStorage.length);
    await r.ctx.close(); if (r.stored < 10000) throw new Error(`fixture not stored: ${r.stored} keys`); return r;
  },
};
const startRuns = { hello: [], empty: [], c10k: [] };
for (let i = 0; i < RUNS; i++) {
  for (const [kind, run] of Object.entries(startKinds)) startRuns[kind].push(await run());
}
for (const [kind, runs] of Object.entries(startRuns)) console.log(`  ${kind}: ${runs.map((r) => ms(r.readyAt)).join(' ')} ms`);
const [startHello, startEmpty, start10k] = ['hello', 'empty', 'c10k'].map((k) => summary(startRuns[k]));
results.start = { hello: startHello, empty: startEmpty, c10k: start10k };

// ---- 3. scale -----------------------------------------------------------------------------
// In-page timing: from the user action (hash change, click, file chosen) until the
// expected element is there and the next frame painted; plus the longest task since.
async function step(page, action, pred, arg) {
  // A string expression: page.evaluate(string) is not subject to the app's CSP (no eval there).
  return page.evaluate(`(async () => {
    const b = window.__bench, arg = ${JSON.stringify(arg ?? null)};
    const action = ${action}, pred = ${pred};
    const t0 = performance.now();
    action(arg);
    const t1 = await b.until(() => pred(arg));
    await new Promise((r) => setTimeout(r, 50)); // let the long-task entry arrive
    return { ms: t1 - t0, longest: b.maxTask(t0) };
  })()`);
}
const go = (hash) => `() => { location.hash = '${hash}'; }`;
const shown = (sel) => `() => window.__bench.visible('${sel}')`;

async function scale(n) {
  console.log(`== scale: ${n} contacts ==`);
  const r = { n };
  const { ctx, page, errors } = await openApp(n);
  // k runs: median time and median longest task; the first (cold) run is kept apart.
  const rep = async (k, f) => {
    const v = []; for (let i = 0; i < k; i++) v.push(await f());
    return { ms: median(v.map((x) => x.ms)), longest: median(v.map((x) => x.longest)),
      first_ms: v[0].ms, first_longest: v[0].longest, runs: v.map((x) => x.ms), longest_runs: v.map((x) => x.longest) };
  };
  const REPS = Number(process.env.BENCH_STEP_RUNS || 5);

  // Rule check + render of the rules page.
  r.rules = await rep(REPS, async () => {
    await step(page, go('#/'), shown('[data-testid="home"]'));
    return step(page, go('#/rules'), `() => window.__bench.visible('[data-testid="finding"]') || window.__bench.visible('[data-testid="rules-empty"]')`);
  });
  r.findings_shown = await page.evaluate(() => document.querySelectorAll('[data-testid="finding"]').length);

  // Evidence page as it opens (findings only above 2,000 log rows), then the full log.
  r.evidence_default = await rep(REPS, async () => {
    await step(page, go('#/'), shown('[data-testid="home"]'));
    return step(page, go('#/evidence'), shown('[data-testid="evidence-fingerprint"]'));
  });
  r.evidence_default_rows = await page.evaluate(() => document.querySelectorAll('[data-testid="evidence-row"]').length);
  const active = n; // the fixture has no deleted contacts
  const fo = await page.evaluate(() => document.querySelector('[data-testid="findings-only"]').checked);
  if (fo) {
    r.evidence_full = await step(page, `() => document.querySelector('[data-testid="findings-only"]').click()`,
      `(n) => document.querySelectorAll('[data-testid="evidence-row"]').length >= n`, active);
  } else {
    r.evidence_full = { ms: r.evidence_default.ms, longest: r.evidence_default.longest, note: 'default view is already the full log' };
  }
  r.evidence_full_rows = await page.evaluate(() => document.querySelectorAll('[data-testid="evidence-row"]').length);

  // Add one contact through the quick-log form, storage write included.
  const before = await page.evaluate(() => localStorage.length);
  r.add = await rep(REPS, async () => {
    await step(page, go('#/'), shown('[data-testid="home"]'));
    await step(page, go('#/contacts/new'), shown('[data-testid="contact-save"]'));
    return step(page, `() => document.querySelector('[data-testid="contact-save"]').click()`, shown('[data-testid="contact-saved"]'));
  });
  const after = await page.evaluate(() => localStorage.length);
  r.add.stored_keys_added = after - before; // contacts + the prefs key (changes since export)
  r.add.new_entry_bytes = await page.evaluate(() => {
    let best = null;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i); const m = /^dek:c:(\d+)$/.exec(k);
      if (m && (!best || +m[1] > best.seq)) best = { seq: +m[1], bytes: (k.length + localStorage.getItem(k).length) * 2 };
    }
    return best && best.bytes;
  });

  // Export a backup: click → download event (node side); click → blob ready (in page).
  await step(page, go('#/data'), shown('[data-testid="export-backup"]'));
  const dl = page.waitForEvent('download', { timeout: 120000 });
  const t0 = Date.now();
  const exp = await step(page, `() => { window.__bench.blobAt = null; document.querySelector('[data-testid="export-backup"]').click(); }`,
    `() => window.__bench.blobAt != null`);
  const download = await dl;
  const tDownload = Date.now() - t0;
  const text = readFileSync(await download.path());
  r.export = { ms_to_download_event: tDownload, ms_in_page_painted: exp.ms, longest: exp.longest, bytes: text.length };
  r.errors = errors;
  await ctx.close();

  // Import it into an empty profile (restore): file chosen → preview, merge → done.
  const imp = await openApp(0, '#/data', '[data-testid="import-file"]');
  await imp.page.evaluate(() => { const b = window.__bench; b.changeAt = null; b.pPreview = b.until(() => b.visible('[data-testid="import-preview"]')); });
  await imp.page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: text });
  const prev = await imp.page.evaluate(async () => { const b = window.__bench; const t1 = await b.pPreview; await new Promise((r) => setTimeout(r, 50)); return { ms: t1 - b.changeAt, longest: b.maxTask(b.changeAt) }; });
  const merge = await step(imp.page, `() => document.querySelector('[data-testid="import-merge"]').click()`, shown('[data-testid="import-done"]'));
  // Storage per contact as the app itself wrote it.
  const st = await imp.page.evaluate(() => {
    let n = 0, chars = 0, all = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i); const v = localStorage.getItem(k);
      all += k.length + v.length;
      if (/^dek:c:\d+$/.test(k)) { n++; chars += k.length + v.length; }
    }
    return { contacts: n, chars_per_contact: chars / n, bytes_per_contact: (chars / n) * 2, total_bytes: all * 2 };
  });
  r.import = { preview: prev, merge, stored: st };
  r.import_errors = imp.errors;
  await imp.ctx.close();
  return r;
}
results.scale = { c1k: await scale(1000), c10k: await scale(10000) };

// ---- 4. passcode lock ----------------------------------------------------------------------
// With 10,000 contacts: sealing them all (set passcode), then unlocking: the
// PBKDF2 stretch (WebCrypto) and the opening of every record, measured apart
// by the app's own performance marks (dek-derive, dek-open).
async function passcode(n) {
  console.log(`== passcode: ${n} contacts ==`);
  const { ctx, page } = await openApp(n, '#/data', '[data-testid="passcode-new"]');
  await page.getByTestId('passcode-new').fill('246813');
  await page.getByTestId('passcode-repeat').fill('246813');
  await page.getByTestId('passcode-ack').check();
  const set = await step(page, `() => document.querySelector('[data-testid="passcode-set"]').click()`,
    shown('[data-testid="passcode-done"]'));
  const stored = await page.evaluate(() => {
    let k = 0, chars = 0, plain = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i); const v = localStorage.getItem(key);
      if (/^dek:c:\d+$/.test(key)) { k++; chars += key.length + v.length; if (!v.startsWith('sealed1:')) plain++; }
    }
    return { contacts: k, chars_per_contact: chars / k, bytes_per_contact: (chars / k) * 2, not_sealed: plain };
  });
  const unlocks = [];
  for (let i = 0; i < Math.max(3, Math.min(RUNS, 5)); i++) {
    await page.reload();
    await page.getByTestId('unlock-passcode').fill('246813');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('page').waitFor({ timeout: 120000 });
    unlocks.push(await page.evaluate(() => Object.fromEntries(
      performance.getEntriesByType('measure').filter((m) => m.name.startsWith('dek-')).map((m) => [m.name, m.duration]))));
  }
  await ctx.close();
  const med = (k) => median(unlocks.map((u) => u[k]));
  // dek-open: building the first screen once unlocked; dek-load: then opening
  // and decoding every record (just after that screen is painted).
  return { n, set_ms: set.ms, set_longest: set.longest, stored, derive_ms: med('dek-derive'),
    first_screen_ms: med('dek-open'), open_ms: med('dek-load'), runs: unlocks };
}
results.passcode = await passcode(10000);

// Storage per contact of the seeded fixture itself (native encoder, same format).
results.storage = {
  fixture_chars_per_contact: fixture.reduce((a, [k, v]) => a + k.length + v.length, 0) / fixture.length,
  app_written: results.scale.c10k.import.stored,
};

results.storage.encrypted = results.passcode.stored;

const coreFile = join(OUT, 'core.json');
if (existsSync(coreFile)) results.native = JSON.parse(readFileSync(coreFile, 'utf8'));

await browser.close();
app.server.close(); hello.server.close();

// ---- report -------------------------------------------------------------------------------
const rows = [];
const row = (area, figure, value, target, ok) => rows.push({ area, figure, value, target, verdict: ok == null ? '' : ok ? 'ok' : 'MISS' });
const A = results.size.app, H = results.size.hello;
row('size', 'app first visit, raw / gzip / br', `${kb(A.total.raw)} / ${kb(A.total.gzip)} / ${kb(A.total.brotli)} KB`, '≤ 300 KB gzip', A.total.gzip <= 300 * 1024);
row('size', 'hello first visit, raw / gzip / br', `${kb(H.total.raw)} / ${kb(H.total.gzip)} / ${kb(H.total.brotli)} KB`, '', null);
row('size', 'app ÷ hello (gzip)', `${(A.total.gzip / H.total.gzip).toFixed(1)}×`, '', null);
row('size', 'app files requested', A.files.map((f) => f.path.replace(/^\//, '') || 'index').join(', '), '', null);
row('size', 'service worker precache (after load)', `${A.background.requests} requests, ${kb(A.background.total.gzip)} KB gzip`, '', null);
row('size', 'debt-evidence-kit.html raw / gzip', `${kb(single.raw)} / ${kb(single.gzip)} KB`, '≤ 1 MB', single.raw <= 1024 * 1024);
const S = results.start;
row('start', 'hello', `${ms(S.hello.median_ms)} ms`, '', null);
row('start', 'app, empty store', `${ms(S.empty.median_ms)} ms (${(S.empty.median_ms / S.hello.median_ms).toFixed(2)}× hello)`, '≤ 2× hello', S.empty.median_ms <= 2 * S.hello.median_ms);
row('start', 'app, 10,000 contacts', `${ms(S.c10k.median_ms)} ms (${(S.c10k.median_ms / S.empty.median_ms).toFixed(2)}× empty)`, '≤ 1.5× empty', S.c10k.median_ms <= 1.5 * S.empty.median_ms);
row('start', 'of which reading + decoding records: empty / 10k', `${ms(S.empty.load_ms)} / ${ms(S.c10k.load_ms)} ms`, '', null);
row('start', 'longest task at start: empty / 10k', `${ms(S.empty.longest_task_ms)} / ${ms(S.c10k.longest_task_ms)} ms`, '', null);
const k1 = results.scale.c1k, k10 = results.scale.c10k;
const pair = (a, b) => `${ms(a.ms)} / ${ms(b.ms)} ms (long task ${ms(a.longest)} / ${ms(b.longest)})`;
row('scale', 'add one contact, 1k / 10k', pair(k1.add, k10.add), '10k ≤ 2× 1k', k10.add.ms <= 2 * k1.add.ms);
const cold = (a, b) => `${ms(a.first_ms)} / ${ms(b.first_ms)} ms`;
row('scale', 'open rules page (check + render), 1k / 10k', `${pair(k1.rules, k10.rules)}; first visit ${cold(k1.rules, k10.rules)}; findings ${k1.findings_shown} / ${k10.findings_shown}`, 'check ≤ 50 ms at 10k (native below)', null);
row('scale', 'evidence page as opened, 1k / 10k', `${pair(k1.evidence_default, k10.evidence_default)}; first visit ${cold(k1.evidence_default, k10.evidence_default)}; rows ${k1.evidence_default_rows} / ${k10.evidence_default_rows}`, '', null);
row('scale', 'evidence full log, 1k / 10k', `${pair(k1.evidence_full, k10.evidence_full)}; rows ${k1.evidence_full_rows} / ${k10.evidence_full_rows}`, '', null);
row('scale', 'export backup → download, 1k / 10k', `${ms(k1.export.ms_to_download_event)} / ${ms(k10.export.ms_to_download_event)} ms (long task ${ms(k1.export.longest)} / ${ms(k10.export.longest)}); ${kb(k1.export.bytes)} / ${kb(k10.export.bytes)} KB`, '', null);
row('scale', 'import: file → preview, 1k / 10k', pair(k1.import.preview, k10.import.preview), '', null);
row('scale', 'import: merge → done, 1k / 10k', pair(k1.import.merge, k10.import.merge), '', null);
const st = results.storage.app_written;
row('storage', 'localStorage per contact (app-written, 10k)', `${st.chars_per_contact.toFixed(0)} chars = ${st.bytes_per_contact.toFixed(0)} B; total ${kb(st.total_bytes)} KB`, '≤ 300 chars (600 B)', st.chars_per_contact <= 300);
const P = results.passcode;
row('storage', 'per contact with the passcode lock on (10k)', `${P.stored.chars_per_contact.toFixed(0)} chars = ${P.stored.bytes_per_contact.toFixed(0)} B (${P.stored.not_sealed} left unsealed)`, '', null);
row('passcode', 'set passcode: seal 10,000 contacts', `${ms(P.set_ms)} ms (long task ${ms(P.set_longest)})`, '', null);
row('passcode', 'unlock 10k: PBKDF2 600k (WebCrypto)', `${ms(P.derive_ms)} ms`, '', null);
row('passcode', 'unlock 10k: first screen', `${ms(P.first_screen_ms)} ms`, '', null);
row('passcode', 'unlock 10k: open + decode every record', `${ms(P.open_ms)} ms`, '', null);
const unlockTotal = P.derive_ms + P.first_screen_ms + P.open_ms;
row('passcode', 'unlock 10k: total', `${ms(unlockTotal)} ms`, '≲ 1 s (mid-range phone)', unlockTotal <= 1000);
row('storage', 'one contact added via quick log', `${k10.add.new_entry_bytes / 2} chars = ${k10.add.new_entry_bytes} B`, '≤ 300 chars', k10.add.new_entry_bytes / 2 <= 300);
if (results.native) {
  for (const o of results.native.operations) {
    const isCheck = o.name.startsWith('rules::check');
    row('native', o.name, `${ms(o.ms['10000'])} / ${ms(o.ms['100000'])} ms at 10k / 100k; ${o.us_per_contact['10000'].toFixed(2)} / ${o.us_per_contact['100000'].toFixed(2)} µs per contact (×${o.per_contact_ratio_100k_vs_10k.toFixed(2)})`,
      isCheck ? '≤ 50 ms at 10k' : 'near linear', isCheck ? o.ms['10000'] <= 50 : o.per_contact_ratio_100k_vs_10k <= 1.5);
  }
}
results.table = rows;
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));

const w = [8, 44, 0];
console.log('\n' + ['area'.padEnd(w[0]), 'figure'.padEnd(w[1]), 'value', '| target', '| verdict'].join(' '));
for (const r of rows) console.log(`${r.area.padEnd(w[0])} ${r.figure.padEnd(w[1])} ${r.value}${r.target ? `  | ${r.target}` : ''}${r.verdict ? `  | ${r.verdict}` : ''}`);
console.log('\nfiles of the app\'s first visit:');
for (const f of A.files) console.log(`  ${f.path.padEnd(50)} ${String(f.raw).padStart(9)} raw ${String(f.gzip).padStart(8)} gz ${String(f.brotli).padStart(8)} br`);
console.log('service-worker precache after load: ' + A.background.files.map((f) => f.path).join(', '));
const errs = [...k1.errors, ...k10.errors, ...k1.import_errors, ...k10.import_errors];
if (errs.length) console.log(`\nconsole/page errors seen: ${errs.length}, first: ${errs[0]}`);
console.log(`\nwrote ${join(OUT, 'results.json')}`);
