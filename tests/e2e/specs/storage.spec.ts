import { test, expect, open } from '../fixtures';

test('data typed on one page survives reload', async ({ page }) => {
  await open(page, '#/data');
  await page.getByTestId('profile-name').fill('王小明');
  await page.getByTestId('profile-phone').fill('13800000000');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('profile-name')).toHaveValue('王小明');
  await expect(page.getByTestId('profile-phone')).toHaveValue('13800000000');
});

test('a second tab sees a change from the first without reload', async ({ page, context }) => {
  await open(page, '#/data');
  const other = await context.newPage();
  await open(other, '#/data');
  await page.getByTestId('settings-jurisdiction').selectOption('us');
  await expect(other.getByTestId('settings-jurisdiction')).toHaveValue('us');
  await page.getByTestId('profile-name').fill('Li Hua');
  await page.getByTestId('profile-save').click();
  await other.getByTestId('nav-home').click();
  await other.getByTestId('nav-data').click();
  await expect(other.getByTestId('profile-name')).toHaveValue('Li Hua');
});

test('a corrupted stored value is quarantined, shown, and its raw text kept', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('dek:debts', '{"v":2,"d":[{"broken":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await open(page);
  await expect(page.getByTestId('banner-quarantine')).toBeVisible();
  const raw = await page.evaluate(() => localStorage.getItem('dek:quarantine:dek:debts'));
  expect(raw).toBe('{"v":2,"d":[{"broken":');
  await page.reload();
  await expect(page.getByTestId('banner-quarantine')).toBeVisible();
  await page.getByTestId('banner-quarantine-open').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('quarantine-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toContain('quarantine');
});

test('a value from a newer version is left untouched', async ({ page }) => {
  const newer = '{"v":99,"d":{"time_zone":"Asia/Shanghai","jurisdiction":"cn"}}';
  await page.addInitScript((v) => { localStorage.setItem('dek:settings', v); }, newer);
  await open(page, '#/data');
  await expect(page.getByTestId('banner-quarantine')).toBeVisible();
  await page.getByTestId('settings-jurisdiction').selectOption('us');
  expect(await page.evaluate(() => localStorage.getItem('dek:settings'))).toBe(newer);
});

test('two tabs logging at the same time lose no record', async ({ page, context }) => {
  await open(page, '#/contacts/new');
  const other = await context.newPage();
  await open(other, '#/contacts/new');
  await page.getByTestId('contact-number').fill('111');
  await other.getByTestId('contact-number').fill('222');
  // Save in both tabs back to back, before either can react to the other's storage event.
  await Promise.all([page.getByTestId('contact-save').click(), other.getByTestId('contact-save').click()]);
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await expect(other.getByTestId('contact-saved')).toBeVisible();
  await page.getByTestId('contact-number').fill('333');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toContainText('3');
  for (const p of [page, other]) {
    await open(p, '#/contacts');
    await p.reload();
    await expect(p.getByTestId('contact-row')).toHaveCount(3);
  }
});

test('text that looks like HTML is shown as text, never run', async ({ page }) => {
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill('<img src=x onerror=alert(1)>');
  await page.getByTestId('contact-more').click();
  await page.getByTestId('contact-notes').fill('<script>alert(1)</script><b>bold</b>');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await open(page, '#/contacts/1');
  await expect(page.getByTestId('contact-view')).toContainText('<script>alert(1)</script><b>bold</b>');
  expect(await page.locator('[data-testid="contact-view"] img, [data-testid="contact-view"] b').count()).toBe(0);
});
