import { test, expect, open } from '../fixtures';

test('quick exit button leaves for a blank page at once', async ({ page }) => {
  await open(page, '#/contacts');
  await page.getByTestId('quick-exit').click();
  await expect(page).toHaveURL('about:blank');
  expect(await page.title()).toBe('');
});

test('Esc pressed three times is a quick exit', async ({ page }) => {
  await open(page, '#/data');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('page')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL('about:blank');
});

test('delete everything names the loss, offers export, and leaves no app key', async ({ page }) => {
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill('95188');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await page.evaluate(() => localStorage.setItem('someone-else', 'keep'));
  await open(page, '#/data');
  await page.getByTestId('wipe-start').click();
  await expect(page.getByTestId('wipe-what')).toContainText('1');
  const dl = page.waitForEvent('download');
  await page.getByTestId('wipe-export').click();
  expect((await dl).suggestedFilename()).toContain('backup');
  await page.getByTestId('wipe-confirm').click();
  await expect(page.getByTestId('wipe-done')).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith('dek:'))).toEqual([]);
  expect(keys).toContain('someone-else');
  await page.reload();
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contacts-empty')).toBeVisible();
});

test('the neutral home-screen name can be switched on from the data page', async ({ page }) => {
  await open(page, '#/data');
  await page.getByTestId('neutral-name').check();
  expect(await page.evaluate(() => localStorage.getItem('dek:neutral-manifest'))).toBe('1');
  await page.reload();
  await expect(page.getByTestId('neutral-name')).toBeChecked();
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /neutral/);
  await page.getByTestId('neutral-name').uncheck();
  expect(await page.evaluate(() => localStorage.getItem('dek:neutral-manifest'))).toBeNull();
  // The single-file copy is offered for download.
  await expect(page.getByTestId('save-single-file')).toHaveAttribute('href', './debt-evidence-kit.html');
});

test('delete everything in one tab is not undone by another open tab', async ({ page, context }) => {
  await open(page, '#/data');
  await page.getByTestId('profile-name').fill('王小明');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill('95188');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();

  // Tab B still shows the case, on the quick log.
  const other = await context.newPage();
  await open(other, '#/contacts/new');
  await open(page, '#/data');
  await page.getByTestId('wipe-start').click();
  await page.getByTestId('wipe-confirm').click();
  await expect(page.getByTestId('wipe-done')).toBeVisible();

  // B's next save writes only itself: the name and the old entry stay gone.
  await other.getByTestId('contact-number').fill('13800138000');
  await other.getByTestId('contact-save').click();
  await expect(other.getByTestId('contact-saved')).toContainText('第 1 条');
  const stored = await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dek:')).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));
  expect(stored).not.toContain('王小明');
  expect(stored).not.toContain('95188');
  expect(stored).toContain('13800138000');
});
