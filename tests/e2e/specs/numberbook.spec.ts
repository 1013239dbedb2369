import { test, expect, open } from '../fixtures';
import type { Page } from '@playwright/test';

async function addDebt(page: Page, lender: string, hotline = '') {
  await open(page, '#/agreement');
  const add = page.getByTestId('debt-add');
  if (await add.isVisible()) await add.click();
  await page.getByTestId('debt-lender').fill(lender);
  if (hotline) await page.getByTestId('debt-hotline').fill(hotline);
  await page.getByTestId('debt-save').click();
  await expect(page.getByTestId('debt-saved')).toBeVisible();
}

async function logCall(page: Page, number: string) {
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill(number);
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
}

const UNKNOWN = '不清楚是哪家';

test('an agency number added later ties past contacts to the lender after one confirmation, each with history', async ({ page }) => {
  await addDebt(page, '甲贷', '95188');
  await addDebt(page, '乙花');
  // Logged before anyone knew whose agency this is: two spellings of one landline.
  await logCall(page, '+86 21 6123 4567');
  await logCall(page, '021-6123 4567');
  await logCall(page, '13800138000');
  await open(page, '#/contacts');
  await expect(page.getByTestId('contact-lender')).toHaveText([UNKNOWN, UNKNOWN, UNKNOWN]);

  await open(page, '#/agreement');
  await page.getByTestId('debt-tab').filter({ hasText: '甲贷' }).click();
  await expect(page.getByTestId('attribute-offer')).toHaveCount(0);
  await page.getByTestId('debt-edit').click();
  await page.getByTestId('agency-add').click();
  await page.getByTestId('agency-name').fill('某某催收');
  await page.getByTestId('agency-numbers').fill('021 61234567');
  await page.getByTestId('debt-save').click();
  await expect(page.getByTestId('debt-saved')).toBeVisible();

  // The preview: how many, from which number; nothing changed yet.
  const offer = page.getByTestId('attribute-offer');
  await expect(offer).toContainText('2');
  await expect(page.getByTestId('attribute-preview')).toContainText('+86 21 6123 4567');
  await open(page, '#/contacts');
  await expect(page.getByTestId('contact-lender')).toHaveText([UNKNOWN, UNKNOWN, UNKNOWN]);

  await open(page, '#/agreement');
  await page.getByTestId('debt-tab').filter({ hasText: '甲贷' }).click();
  await page.getByTestId('attribute-confirm').click();
  await expect(page.getByTestId('attribute-done')).toContainText('2');
  await expect(page.getByTestId('attribute-offer')).toHaveCount(0);
  await expect(page.getByTestId('number-book-entry')).toContainText(['95188', '021 61234567']);

  await page.reload();
  await open(page, '#/contacts');
  // Newest first: the mobile stays unknown, both landline spellings are 甲贷's.
  await expect(page.getByTestId('contact-lender')).toHaveText([UNKNOWN, '甲贷', '甲贷']);
  for (const seq of [1, 2]) {
    await open(page, `#/contacts/${seq}`);
    await expect(page.getByTestId('contact-view').first()).toContainText('甲贷');
    await expect(page.getByTestId('history-version')).toHaveCount(1);
  }
  await open(page, '#/contacts');
  await expect(page.getByTestId('chain-broken')).toHaveCount(0);
  // The evidence file says how many contacts no lender's count includes.
  await open(page, '#/evidence');
  await expect(page.getByTestId('ev-unattributed')).toContainText('另有 1 条');
});

test('the quick log saves the lender it shows', async ({ page }) => {
  await addDebt(page, '甲贷', '95188');
  await addDebt(page, '乙花');
  await open(page, '#/contacts/new');
  const debt = page.getByTestId('contact-debt');
  const shown = debt.locator('option:checked');
  await expect(shown).toHaveText(UNKNOWN);
  // A listed number picks its lender.
  await page.getByTestId('contact-number').fill('+86 95188');
  await expect(shown).toHaveText('甲贷');
  // The user picks another; saved as shown.
  await debt.selectOption({ label: '乙花' });
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  // The fresh form shows what it will save: no lender yet.
  await expect(shown).toHaveText(UNKNOWN);
  await page.getByTestId('contact-number').fill('13800138000');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toContainText('2');
  await open(page, '#/contacts');
  await expect(page.getByTestId('contact-lender')).toHaveText([UNKNOWN, '乙花']);
});
