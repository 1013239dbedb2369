// Offline and sharing: the service worker (offline start, update without data
// loss), sub-path hosting, the single self-contained HTML file from file://,
// and no stray web addresses in the build.
import { test, expect, open } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

// Same default as playwright.config.ts (paths there are relative to tests/e2e).
const DIST = resolve(__dirname, '..', process.env.DIST_DIR || '../../dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

/** A tiny static server on 127.0.0.1 whose root folder can be switched while it runs. */
async function serve(root: string): Promise<{ url: string; setRoot(r: string): void; close(): Promise<void> }> {
  let current = root;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(current, path));
    if (!file.startsWith(current + sep) && file !== current) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) { res.writeHead(301, { Location: `${path}/` }).end(); return; }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setRoot: (r) => { current = r; },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** A temporary folder, removed after the test. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dek-offline-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
let cleanups: (() => void | Promise<void>)[] = [];
test.afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** Wait until the service worker is active and in charge of the page. */
async function controlled(page: Page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    // A worker that took over while this page was still loading is in charge
    // from the next load on (the page loaded before it could claim it).
    await page.waitForTimeout(500);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

async function onPage(page: Page, nav: string) {
  await expect(page.getByTestId('page')).toBeVisible();
  await expect(page.getByTestId(nav)).toHaveAttribute('aria-current', 'page');
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('(a) starts offline after one visit', async ({ page, context }) => {
    await open(page, '#/');
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('home')).toBeVisible();
    await page.goto('./#/contacts');
    await onPage(page, 'nav-contacts');
    await page.goto('./#/rules');
    await onPage(page, 'nav-rules');
    // Works, not just shows: log a contact offline and find it after a reload.
    await page.goto('./#/contacts/new');
    await page.getByTestId('contact-number').fill('95188');
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('contact-saved')).toBeVisible();
    await page.reload();
    await page.goto('./#/contacts');
    await expect(page.getByTestId('contact-row')).toHaveCount(1);
  });

  test('(b) an update keeps the records and says so', async ({ page }) => {
    const tmp = scratch();
    const v1 = join(tmp, 'v1');
    const v2 = join(tmp, 'v2');
    cpSync(DIST, v1, { recursive: true });
    cpSync(DIST, v2, { recursive: true });
    const sw = readFileSync(join(v2, 'sw.js'), 'utf8');
    const patched = sw.replace(/"version": "([^"]+)"/, '"version": "$1-v2"');
    expect(patched, 'sw.js has a build version').not.toBe(sw);
    writeFileSync(join(v2, 'sw.js'), patched);
    const server = await serve(v1);
    cleanups.push(() => server.close());

    await page.goto(`${server.url}#/contacts/new`);
    await controlled(page);
    await page.getByTestId('contact-number').fill('10086');
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('contact-saved')).toBeVisible();
    await expect(page.getByTestId('update-notice')).toHaveCount(0);

    server.setRoot(v2);
    await page.reload();
    await expect(page.getByTestId('update-notice')).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(page.getByTestId('update-notice')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-app-updated', '1');
    // Only the new build's cache is left.
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toHaveLength(1);
    expect(caches[0]).toMatch(/-v2$/);
    await page.goto(`${server.url}#/contacts`);
    await expect(page.getByTestId('contact-row')).toHaveCount(1);
    await expect(page.getByTestId('contact-row').first()).toContainText('10086');
    // Dismissed, it stays away.
    await page.getByTestId('update-notice-dismiss').click();
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('page')).toBeVisible();
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
  });

  test('(e) under a sub-path: a deep link loads, survives reload, and works offline', async ({ page, context }) => {
    const tmp = scratch();
    cpSync(DIST, join(tmp, 'sub', 'app'), { recursive: true });
    const server = await serve(tmp);
    cleanups.push(() => server.close());
    const app = `${server.url}sub/app/`;

    await page.goto(`${app}#/rules`);
    await onPage(page, 'nav-rules');
    await page.reload();
    await onPage(page, 'nav-rules');
    await controlled(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(app);
    await context.setOffline(true);
    await page.reload();
    await onPage(page, 'nav-rules');
  });
});

test('the neutral name: manifest and title swapped when the setting is on', async ({ page }) => {
  await open(page, '#/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', 'manifest.webmanifest');
  const appTitle = await page.title();
  expect(appTitle).not.toBe('笔记');
  await page.evaluate(() => localStorage.setItem('dek:neutral-manifest', '1'));
  await page.reload();
  await expect(page.getByTestId('page')).toBeVisible();
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', 'manifest-neutral.webmanifest');
  await expect(page).toHaveTitle('笔记');
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page).toHaveTitle('Notes');
  const neutral = JSON.parse(readFileSync(join(DIST, 'manifest-neutral.webmanifest'), 'utf8'));
  expect(neutral.name).toBe('笔记');
  expect(JSON.stringify(neutral)).not.toContain('icon.svg"');
});

async function fileOnlyContext(context: BrowserContext) {
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (r) => {
    if (r.request().url().startsWith('file:')) return r.continue();
    blocked.push(r.request().url());
    return r.abort();
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  context.on('weberror', (e) => errors.push(String(e.error())));
  return { blocked, errors };
}

test('(c) the single HTML file works from file:// with every other request blocked', async ({ browser }) => {
  const file = join(DIST, 'debt-evidence-kit.html');
  const html = readFileSync(file, 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '';
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("worker-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'self'");
  expect(html).not.toMatch(/sw\.js|sw-register|rel="manifest"|\.wasm"/);

  // A copy in a folder of its own: nothing else next to it to load by accident.
  const dir = scratch();
  cpSync(file, join(dir, 'debt-evidence-kit.html'));
  const url = pathToFileURL(join(dir, 'debt-evidence-kit.html')).href;

  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  cleanups.push(() => context.close());
  const seen = await fileOnlyContext(context);
  const page = await context.newPage();
  await page.goto(`${url}#/contacts/new`);
  await expect(page.getByTestId('page')).toBeVisible();
  await page.getByTestId('contact-number').fill('12345');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await page.reload();
  await page.goto(`${url}#/contacts`);
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await page.goto(`${url}#/rules`);
  await onPage(page, 'nav-rules');
  expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
  expect(seen.blocked, 'requests other than file:').toEqual([]);
  expect(seen.errors, 'console errors / CSP violations').toEqual([]);
});

// Web addresses allowed in the build: XML namespaces (not fetched) and a link
// in a comment of wasm-bindgen's glue. Anything else (an endpoint, a CDN, a
// rule-source citation) must be looked at and added here on purpose.
const ALLOWED_URLS = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/2000/xmlns/',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/typeof',
];

test('(d) the build contains no web address outside the allow-list', async () => {
  const files = readdirSync(DIST).filter((f) => /\.(js|html|css|svg|webmanifest|wasm)$/.test(f));
  expect(files).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'sw-register.js',
    'manifest.webmanifest', 'manifest-neutral.webmanifest', 'debt-evidence-kit.html']));
  const found: string[] = [];
  for (const f of files) {
    // latin1: byte for byte, so the strings inside the wasm are searched too.
    const text = readFileSync(join(DIST, f), 'latin1');
    for (const m of text.matchAll(/https?:\/\/[^\s"'`<>()\\]+/g)) {
      if (!ALLOWED_URLS.some((a) => m[0].startsWith(a))) found.push(`${f}: ${m[0]}`);
    }
  }
  expect(found).toEqual([]);
});
