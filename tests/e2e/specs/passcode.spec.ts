import { Page } from '@playwright/test';
import { test, expect, open } from '../fixtures';

const NAME = '王小明';
const NUMBER = '13912345678';
const NOTE = '说要去我单位闹';

async function addRecords(page: Page) {
  await open(page, '#/data');
  await page.getByTestId('profile-name').fill(NAME);
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill(NUMBER);
  await page.getByTestId('contact-more').click();
  await page.getByTestId('contact-notes').fill(NOTE);
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
}

async function setPasscode(page: Page, passcode: string, current?: string) {
  await open(page, '#/data');
  if (current !== undefined) await page.getByTestId('passcode-current').fill(current);
  await page.getByTestId('passcode-new').fill(passcode);
  await page.getByTestId('passcode-repeat').fill(passcode);
  await page.getByTestId('passcode-ack').check();
  await page.getByTestId('passcode-set').click();
  await expect(page.getByTestId('passcode-done')).toBeVisible({ timeout: 20_000 });
}

async function unlock(page: Page, passcode: string) {
  await page.getByTestId('unlock-passcode').fill(passcode);
  await page.getByTestId('unlock-submit').click();
}

const rawStorage = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));

test('a passcode seals every record; reload locks; only the right passcode opens', async ({ page }) => {
  await addRecords(page);
  expect(await rawStorage(page)).toContain(NUMBER);
  await setPasscode(page, '246813');

  const raw = await rawStorage(page);
  for (const typed of [NAME, NUMBER, NOTE]) expect(raw).not.toContain(typed);
  expect(raw).toContain('sealed1:');

  await page.reload();
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  // The unlock screen shows nothing of the case, nor what the app is for.
  const text = await page.locator('body').innerText();
  for (const s of [NAME, NUMBER, NOTE, '催收']) expect(text).not.toContain(s);
  expect(await page.title()).toBe('笔记');
  await expect(page.getByTestId('page')).toHaveCount(0);

  await unlock(page, '135791');
  await expect(page.getByTestId('unlock-error')).toContainText('密码不对');
  await expect(page.getByTestId('page')).toHaveCount(0);

  await unlock(page, '246813');
  await expect(page.getByTestId('page')).toBeVisible();
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row')).toContainText(NUMBER);
  await page.getByTestId('nav-data').click();
  await expect(page.getByTestId('profile-name')).toHaveValue(NAME);
  // Derivation and opening are measured separately for the benchmark.
  const marks = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
  expect(marks).toEqual(expect.arrayContaining(['dek-derive', 'dek-open', 'dek-load']));

  // A record added while unlocked is sealed too.
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill('95599');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  expect(await rawStorage(page)).not.toContain('95599');
});

test('wrong passcodes make the next try wait, even after a reload', async ({ page }) => {
  await addRecords(page);
  await setPasscode(page, '246813');
  await page.reload();
  for (let i = 0; i < 3; i++) {
    await unlock(page, '0000');
    await expect(page.getByTestId('unlock-error')).toBeVisible();
    await expect(page.getByTestId('unlock-submit')).toBeEnabled();
  }
  await expect(page.getByTestId('unlock-error')).toContainText('秒后再试');
  await page.reload();
  await unlock(page, '246813');
  await expect(page.getByTestId('unlock-error')).toContainText('秒后再试');
  await expect(page.getByTestId('page')).toHaveCount(0);
});

test('auto-lock after the chosen idle time, and lock now', async ({ page }) => {
  await page.clock.install();
  await addRecords(page);
  await setPasscode(page, '246813');
  await page.reload();
  await unlock(page, '246813');
  await expect(page.getByTestId('page')).toBeVisible();
  await page.getByTestId('nav-data').click();
  await page.getByTestId('auto-lock').selectOption('1');
  await page.clock.fastForward('00:30');
  await expect(page.getByTestId('page')).toBeVisible();
  await page.clock.fastForward('00:45');
  await expect(page.getByTestId('lock-screen')).toBeVisible();

  await unlock(page, '246813');
  await page.getByTestId('nav-data').click();
  await page.getByTestId('lock-now').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();

  // A half-typed entry survives an auto-lock, sealed while locked.
  await unlock(page, '246813');
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill('95566');
  await page.getByTestId('contact-more').click();
  await page.getByTestId('contact-notes').fill('还没保存就被锁了');
  await page.clock.fastForward('01:20');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  expect(await rawStorage(page)).not.toContain('还没保存就被锁了');
  await unlock(page, '246813');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('contact-number')).toHaveValue('95566');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await page.reload();
  await unlock(page, '246813');
  await expect(page.getByTestId('page')).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});

test('quick exit works on the lock screen; forgetting the passcode offers only a wipe', async ({ page }) => {
  await addRecords(page);
  await setPasscode(page, '246813');
  await page.reload();
  await page.getByTestId('unlock-forgot').click();
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('unlock-wipe').click();
  await expect(page.getByTestId('page')).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dek:')));
  expect(keys.filter((k) => k !== 'dek:prefs')).toEqual([]);

  await setPasscode(page, '246813');
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL('about:blank');
});

test('changing the passcode needs the current one; removing it stores plain text again', async ({ page }) => {
  await addRecords(page);
  await setPasscode(page, '246813');
  await page.reload();
  await unlock(page, '246813');

  await open(page, '#/data');
  await page.getByTestId('passcode-current').fill('999999');
  await page.getByTestId('passcode-new').fill('864213');
  await page.getByTestId('passcode-repeat').fill('864213');
  await page.getByTestId('passcode-ack').check();
  await page.getByTestId('passcode-set').click();
  await expect(page.getByTestId('passcode-section').getByRole('alert').first()).toContainText('当前密码不对');

  await setPasscode(page, '864213', '246813');
  await page.reload();
  await unlock(page, '246813');
  await expect(page.getByTestId('unlock-error')).toBeVisible();
  await unlock(page, '864213');
  await expect(page.getByTestId('page')).toBeVisible();

  await open(page, '#/data');
  await page.getByTestId('passcode-current').fill('864213');
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('passcode-remove').click();
  await expect(page.getByTestId('passcode-done')).toBeVisible({ timeout: 20_000 });
  expect(await rawStorage(page)).toContain(NUMBER);
  expect(await page.evaluate(() => localStorage.getItem('dek:lock'))).toBeNull();
  await page.reload();
  await expect(page.getByTestId('page')).toBeVisible();
});

test('an encrypted backup opens only with its passcode, in a fresh browser', async ({ page, browser }) => {
  await addRecords(page);
  await open(page, '#/data');
  await page.getByTestId('encrypted-export-passcode').fill('lamp river cocoa 7');
  await page.getByTestId('encrypted-export-repeat').fill('lamp river cocoa 7');
  const dl = page.waitForEvent('download');
  await page.getByTestId('encrypted-export-button').click();
  const file = await (await dl).path();
  const fs = await import('node:fs');
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain('debt-evidence-kit-encrypted-backup');
  for (const typed of [NAME, NUMBER, NOTE]) expect(text).not.toContain(typed);

  const other = await browser.newPage({ baseURL: page.url().replace(/#.*$/, '') });
  await open(other, '#/data');
  await other.getByTestId('import-file').setInputFiles(file);
  await other.getByTestId('import-passcode').fill('wrong-pass');
  await other.getByTestId('import-decrypt-submit').click();
  await expect(other.getByTestId('import-error')).toBeVisible();
  await other.getByTestId('import-passcode').fill('lamp river cocoa 7');
  await other.getByTestId('import-decrypt-submit').click();
  await expect(other.getByTestId('import-preview')).toBeVisible();
  await other.getByTestId('import-merge').click();
  await expect(other.getByTestId('import-done')).toBeVisible();
  await other.getByTestId('nav-contacts').click();
  await expect(other.getByTestId('contact-row')).toContainText(NUMBER);
  await other.close();
});

test('a damaged lock record touches nothing and offers the raw data', async ({ page }) => {
  await addRecords(page);
  await setPasscode(page, '246813');
  await page.evaluate(() => localStorage.setItem('dek:lock', '{damaged'));
  const before = await rawStorage(page);
  await page.reload();
  await expect(page.getByTestId('lock-damaged')).toBeVisible();
  const dl = page.waitForEvent('download');
  await page.getByTestId('download-raw').click();
  const fs = await import('node:fs');
  const dump = JSON.parse(fs.readFileSync(await (await dl).path(), 'utf8'));
  expect(Object.keys(dump)).toEqual(expect.arrayContaining(['dek:lock', 'dek:c:1', 'dek:debtor']));
  expect(await rawStorage(page)).toBe(before);
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('damaged-wipe').click();
  await expect(page.getByTestId('page')).toBeVisible();
});
