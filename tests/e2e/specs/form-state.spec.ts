import { test, expect, chromium } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What the browser itself keeps on disk: with the lock on, a half-typed
// entry is locked away, the browser is closed, and the profile's files
// (session restore, form state of history entries, caches) must not hold a
// typed value. Runs in a persistent profile of its own.

const PASS = '246813';
const NAME = '王晓红';
const NUMBER = '13987654321';
const NOTE = '还没保存就锁上的备注';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) return [];
    return s.isDirectory() ? files(p) : [p];
  });
}

/** Every profile file whose bytes hold `value` (as UTF-8 or UTF-16). */
function holding(dir: string, value: string): string[] {
  const utf8 = Buffer.from(value, 'utf8');
  const utf16 = Buffer.from(value, 'utf16le');
  return files(dir).filter((f) => {
    const b = readFileSync(f);
    return b.includes(utf8) || b.includes(utf16);
  }).map((f) => f.slice(dir.length));
}

test('after lock and closing the browser, no typed value is in the profile', async ({ baseURL }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dek-profile-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    headless: true,
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
  });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto('./#/data');
  await page.getByTestId('passcode-new').fill(PASS);
  await page.getByTestId('passcode-repeat').fill(PASS);
  await page.getByTestId('passcode-ack').check();
  await page.getByTestId('passcode-set').click();
  await expect(page.getByTestId('passcode-done')).toBeVisible({ timeout: 20_000 });

  await page.getByTestId('profile-name').fill(NAME);
  await page.getByTestId('nav-contacts').click();
  await page.goto('./#/contacts/new');
  await page.getByTestId('contact-number').fill(NUMBER);
  await page.getByTestId('contact-more').click();
  await page.getByTestId('contact-notes').fill(NOTE);
  // Give the browser time to sync the page state, as it does while one types.
  await page.waitForTimeout(3_000);
  await page.goto('./#/data');
  await page.getByTestId('lock-now').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.waitForTimeout(1_000);
  await ctx.close();

  try {
    for (const v of [NAME, NUMBER, NOTE]) expect(holding(dir, v), v).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every field is marked for the browser not to keep before anything is typed', async ({ page }) => {
  const unmarked = () => page.evaluate(() => [...document.querySelectorAll('input, textarea, select')]
    .filter((e) => e.getAttribute('autocomplete') !== 'off' && e.getAttribute('type') !== 'password')
    .map((e) => e.getAttribute('data-testid') || e.outerHTML.slice(0, 80)));
  for (const hash of ['#/', '#/agreement', '#/contacts', '#/contacts/new', '#/rules', '#/evidence', '#/data', '#/call', '#/call/hotline']) {
    await page.goto(`./${hash}`);
    await expect(page.getByTestId('page')).toBeVisible();
    if (hash === '#/contacts/new') await page.getByTestId('contact-more').click();
    // Fields exist on each page (a blank page would pass trivially).
    expect(await page.locator('input, textarea, select').count(), hash).toBeGreaterThan(0);
    expect(await unmarked(), hash).toEqual([]);
  }
});
