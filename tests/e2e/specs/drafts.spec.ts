import type { Page } from '@playwright/test';
import { test, expect, open } from '../fixtures';
import { seedCase } from '../case';

// A half-typed agreement or payment is kept as a draft while typed (sealed
// with the passcode lock on), offered back on return, and never counted as
// a record. The quick log's half-typed contact is kept the same way (and
// across a lock: passcode.spec.ts).

const raw = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));

test('agreement and payment drafts come back after a reload', async ({ page }) => {
  await seedCase(page, 3);
  await open(page, '#/agreement');
  await page.getByTestId('agreement-add').click();
  await page.getByTestId('agreement-terms').fill('剩余本金分 6 期，免除罚息');
  await page.getByTestId('payment-amount').fill('1000');
  await page.getByTestId('payment-reference').fill('TX20260520777');
  await expect.poll(() => raw(page)).toContain('TX20260520777');
  await page.reload();
  await expect(page.getByTestId('agreement-draft-restored')).toBeVisible();
  await expect(page.getByTestId('agreement-terms')).toHaveValue('剩余本金分 6 期，免除罚息');
  await expect(page.getByTestId('payment-draft-restored')).toBeVisible();
  await expect(page.getByTestId('payment-reference')).toHaveValue('TX20260520777');
  await expect(page.getByTestId('payment-amount')).toHaveValue('1000');
  // Drafts are not records.
  await expect(page.getByTestId('payment-row')).toHaveCount(2);
  await page.getByTestId('payment-save').click();
  await expect(page.getByTestId('payment-row')).toHaveCount(3);
  await expect.poll(() => raw(page)).not.toContain('dek:draft:payment=');
  // Cancelling the new agreement gives its draft up.
  await page.getByTestId('agreement-cancel').click();
  await expect.poll(() => raw(page)).not.toContain('dek:draft:agreement=');
});

test('a half-typed contact survives a closed tab and comes back once, never as a record', async ({ page, context }) => {
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill('021 5550 0007');
  await page.getByTestId('contact-more').click();
  await page.getByTestId('contact-notes').fill('说下午三点前不还就打给我单位');
  await expect.poll(() => raw(page)).toContain('下午三点');
  await page.close();

  const again = await context.newPage();
  await open(again, '#/contacts');
  await expect(again.getByTestId('contact-row')).toHaveCount(0);
  await open(again, '#/contacts/new');
  await expect(again.getByTestId('draft-offered')).toBeVisible();
  await expect(again.getByTestId('contact-number')).toHaveValue('021 5550 0007');
  await again.getByTestId('contact-save').click();
  await expect(again.getByTestId('contact-saved')).toContainText('第 1 条');
  await expect.poll(() => raw(again)).not.toContain('dek:draft:quick-log=');
  await open(again, '#/contacts/new');
  await expect(again.getByTestId('draft-offered')).toHaveCount(0);
  await expect(again.getByTestId('contact-number')).toHaveValue('');
});
