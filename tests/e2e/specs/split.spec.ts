// The release site is split per page group (scripts/build-wasm.mjs): the first
// visit fetches the shell and home page only, each page's chunk comes when the
// page is first opened, and a chunk that can't be fetched is a retry, not a crash.
import { test as base } from '@playwright/test';
import { expect, guard, open } from '../fixtures';

const chunk = (path: string) => /\/split_\w+-[0-9a-f]+\.wasm$/.test(path);

base('the first visit loads no page chunk; opening a page loads its own', async ({ page }) => {
  const g = await guard(page);
  const wasm: string[] = [];
  page.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.endsWith('.wasm')) wasm.push(p); });
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  expect(wasm.filter(chunk), 'page chunks fetched by the home page').toEqual([]);
  expect(wasm.some((p) => /debt-evidence-kit-[0-9a-f]+_bg\.wasm$/.test(p)), 'main module fetched').toBe(true);

  await page.getByTestId('nav-rules').click();
  await expect(page.getByTestId('page-title')).toBeVisible();
  expect(wasm.filter(chunk).map((p) => p.replace(/-[0-9a-f]+\.wasm$/, ''))).toEqual(['/split_rules_page']);
  // Back and forth: the chunk is not fetched again.
  await page.getByTestId('nav-home').click();
  await page.getByTestId('nav-rules').click();
  await expect(page.getByTestId('page-title')).toBeVisible();
  expect(wasm.filter(chunk)).toHaveLength(1);
  expect(g.errors).toEqual([]);
  expect(g.external).toEqual([]);
});

base('a page chunk that cannot be fetched shows a retry, and the retry opens the page', async ({ page }) => {
  const g = await guard(page);
  await open(page);
  const blocked = '**/split_rules_page-*.wasm';
  await page.route(blocked, (r) => r.abort('internetdisconnected'));
  await page.getByTestId('nav-rules').click();
  await expect(page.getByTestId('chunk-failed')).toBeVisible();
  // The shell still works while the page is missing.
  await expect(page.getByTestId('nav-home')).toBeVisible();

  await page.unroute(blocked);
  await page.getByTestId('chunk-retry').click();
  await expect(page.getByTestId('page-title')).toBeVisible();
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  // The only errors are the refused fetch itself, as the browser and the loader report it.
  expect(g.errors.length).toBeGreaterThan(0);
  expect(g.errors.filter((e) => !/Failed to (fetch|load resource)|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  expect(g.external).toEqual([]);
});

base('a page opens while the browser has not yet answered a slow question (storage estimate)', async ({ page }) => {
  const g = await guard(page);
  await page.addInitScript(() => {
    if (navigator.storage) navigator.storage.estimate = () => new Promise(() => {});
  });
  await open(page, '#/data');
  await expect(page.getByTestId('page-title')).toBeVisible();
  await expect(page.getByTestId('storage-estimate')).toContainText('…');
  expect(g.errors).toEqual([]);
});

base("the pages' own styles come with the first page opened, allowed by the CSP", async ({ page }) => {
  const g = await guard(page);
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  expect(await page.locator('#page-styles').count()).toBe(0);
  await page.getByTestId('nav-rules').click();
  await expect(page.getByTestId('page-title')).toBeVisible();
  expect(await page.locator('#page-styles').count()).toBe(1);
  // A rule from rules.css applies; the next page adds nothing more.
  await expect(page.locator('.rules-controls').first()).toHaveCSS('padding-bottom', '3.2px');
  await page.getByTestId('nav-evidence').click();
  await expect(page.getByTestId('page-title')).toBeVisible();
  expect(await page.locator('#page-styles').count()).toBe(1);
  expect(g.errors, 'CSP violations or errors').toEqual([]);
});
