import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The single file from file:// shares its storage with every local HTML file
// opened in the same browser. The app says so and offers the lock; with the
// lock on, another local page reads only sealed text, and what it changes is
// set aside and reported.

const DIST = resolve(__dirname, '..', process.env.DIST_DIR || '../../dist');
const PASS = '246813';
const NUMBER = '13987654321';

test('from file://: told plainly, the lock offered, and a change by another local page reported', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dek-file-'));
  cpSync(join(DIST, 'debt-evidence-kit.html'), join(dir, 'debt-evidence-kit.html'));
  writeFileSync(join(dir, 'holiday-photos.html'), '<!doctype html><title>photos</title><p>photos</p>');
  const app = pathToFileURL(join(dir, 'debt-evidence-kit.html')).href;
  const other = pathToFileURL(join(dir, 'holiday-photos.html')).href;
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(`${app}#/data`);
    await expect(page.getByTestId('banner-file')).toContainText('本地网页文件');
    await expect(page.getByTestId('banner-file-lock')).toBeVisible();

    await page.getByTestId('passcode-new').fill(PASS);
    await page.getByTestId('passcode-repeat').fill(PASS);
    await page.getByTestId('passcode-ack').check();
    await page.getByTestId('passcode-set').click();
    await expect(page.getByTestId('passcode-done')).toBeVisible({ timeout: 20_000 });
    await page.goto(`${app}#/contacts/new`);
    await page.getByTestId('contact-number').fill(NUMBER);
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('contact-saved')).toBeVisible();

    // Another local page: reads everything, finds nothing readable, plants a value.
    const photos = await context.newPage();
    await photos.goto(other);
    const seen = await photos.evaluate(() => {
      const all = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n');
      localStorage.setItem('dek:debtor', JSON.stringify({ v: 2, d: { name: '李四', phone: '', id_number: '' } }));
      return all;
    });
    expect(seen).toContain('dek:c:1');
    expect(seen).not.toContain(NUMBER);
    await photos.close();

    await page.reload();
    await page.getByTestId('unlock-passcode').fill(PASS);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('banner-quarantine')).toContainText('个人资料');
    await expect(page.getByTestId('banner-file')).toContainText('密码锁已开启');
    await expect(page.getByTestId('banner-file-lock')).toHaveCount(0);
    await page.goto(`${app}#/data`);
    await expect(page.getByTestId('profile-name')).not.toHaveValue('李四');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
