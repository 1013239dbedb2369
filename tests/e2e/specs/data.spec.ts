import { readFileSync } from 'node:fs';
import { test, expect, open } from '../fixtures';

async function logContact(page, number: string) {
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill(number);
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
}

test('backup downloads, restores into an empty profile, and merge is idempotent', async ({ page, browser }) => {
  await logContact(page, '95188');
  await logContact(page, '10086');
  await open(page, '#/data');
  const dl = page.waitForEvent('download');
  await page.getByTestId('export-backup').click();
  const file = await (await dl).path();
  const text = readFileSync(file, 'utf8');
  const parsed = JSON.parse(text);
  expect(parsed.type).toBe('debt-evidence-kit-backup');
  expect(parsed.case.contacts).toHaveLength(2);
  await expect(page.getByTestId('last-export')).not.toContainText('从未');

  // A fresh profile: restore.
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const fresh = await ctx.newPage();
  await open(fresh, '#/data');
  await fresh.getByTestId('import-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(fresh.getByTestId('import-preview')).toBeVisible();
  await fresh.getByTestId('import-merge').click();
  await expect(fresh.getByTestId('import-done')).toBeVisible();
  await fresh.reload();
  await fresh.getByTestId('nav-contacts').click();
  await expect(fresh.getByTestId('contact-row')).toHaveCount(2);
  // The same file again adds nothing.
  await open(fresh, '#/data');
  await fresh.getByTestId('import-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(fresh.getByTestId('preview-contacts')).toContainText('新的 0 条');
  await fresh.getByTestId('import-merge').click();
  await fresh.getByTestId('nav-contacts').click();
  await expect(fresh.getByTestId('contact-row')).toHaveCount(2);
  await ctx.close();
});

test('a hostile or damaged backup is refused and nothing changes', async ({ page }) => {
  await logContact(page, '95188');
  await open(page, '#/data');
  for (const bad of ['not json', '{"type":"other"}', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]']) {
    await page.getByTestId('import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect(page.getByTestId('import-error')).toBeVisible();
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
  }
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
});

test('a malformed backup is refused in the user\'s language, naming the field', async ({ page }) => {
  await logContact(page, '95188');
  await open(page, '#/data');
  const dl = page.waitForEvent('download');
  await page.getByTestId('export-backup').click();
  const good = JSON.parse(readFileSync(await (await dl).path(), 'utf8'));
  const cases: [string, RegExp][] = [];
  const float = structuredClone(good);
  float.case.contacts[0].seq = 1.5;
  cases.push([JSON.stringify(float), /case\.contacts\[0\]\.seq 这一项的值类型不对/]);
  const noDigest = structuredClone(good);
  delete noDigest.sha256;
  cases.push([JSON.stringify(noDigest), /缺少 sha256/]);
  // An unpaired surrogate escape: JSON to the eye, no text to the app.
  cases.push([JSON.stringify(good).replace('"95188"', '"\\ud800"'), /第 1 行第 \d+ 列有一个损坏的字符/]);
  for (const [text, says] of cases) {
    await page.getByTestId('import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('import-error')).toContainText(says);
    await expect(page.getByTestId('import-error')).not.toContainText(/invalid type|missing field|floating|JSON/);
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
  }
});

test('full storage: the user is told, the draft stays, nothing stored is lost, export works', async ({ page }) => {
  await logContact(page, '95188');
  // Fill the origin's quota from the page itself.
  await page.evaluate(() => {
    let i = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler:${i++}`, chunk); } catch { break; }
      }
    }
  });
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill('13900000000');
  await page.getByTestId('contact-more').click();
  await page.getByTestId('contact-notes').fill('这条在存储满时输入');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-save-failed')).toBeVisible();
  await expect(page.getByTestId('banner-quota')).toBeVisible();
  await expect(page.getByTestId('contact-notes')).toHaveValue('这条在存储满时输入');
  expect(await page.evaluate(() => localStorage.getItem('dek:c:1'))).toContain('95188');
  await open(page, '#/data');
  const dl = page.waitForEvent('download');
  await page.getByTestId('export-backup').click();
  const text = readFileSync(await (await dl).path(), 'utf8');
  expect(JSON.parse(text).case.contacts).toHaveLength(2);
  // Free space and retry: the kept write lands.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler:')) localStorage.removeItem(k);
  });
  await page.getByTestId('retry-save').click();
  await expect(page.getByTestId('banner-quota')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('dek:c:2'))).toContain('13900000000');
});

test('blocked storage: the app runs in memory with a permanent warning', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await open(page);
  await expect(page.getByTestId('banner-unavailable')).toBeVisible();
  await logContact(page, '95188');
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('banner-unavailable')).toBeVisible();
});
