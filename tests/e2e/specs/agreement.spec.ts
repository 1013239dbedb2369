import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect, open } from '../fixtures';
import type { Page } from '@playwright/test';

// The app judges dates in the case's zone (Asia/Shanghai by default).
function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function createDebt(page: Page, lender: string) {
  await page.getByTestId('debt-lender').fill(lender);
  await page.getByTestId('debt-product').selectOption('online_loan');
  await page.getByTestId('debt-lender-type').selectOption('online_platform');
  await page.getByTestId('debt-reference').fill('HT-2025-0042');
  await page.getByTestId('debt-hotline').fill('95188');
  await page.getByTestId('debt-original').fill('8000');
  await page.getByTestId('debt-overdue').fill('6,000.00');
  await page.getByTestId('agency-add').click();
  await page.getByTestId('agency-name').fill('某某催收公司');
  await page.getByTestId('agency-numbers').fill('02112345678, 13900001111');
  await page.getByTestId('debt-save').click();
  await expect(page.getByTestId('debt-saved')).toBeVisible();
  await expect(page.getByTestId('debt-name')).toHaveText(lender);
}

async function createAgreement(page: Page, date: string, total: string) {
  await page.getByTestId('agreement-kind').selectOption('instalments');
  await page.getByTestId('agreement-date').fill(date);
  await page.getByTestId('agreement-channel').selectOption('official_hotline');
  await page.getByTestId('agreement-agent').fill('客服 0421');
  await page.getByTestId('agreement-reference').fill('XY-7788');
  await page.getByTestId('agreement-terms').fill('分6期还清，停止催收。');
  await page.getByTestId('agreement-total').fill(total);
  await page.getByTestId('agreement-save').click();
  await expect(page.getByTestId('agreement-saved')).toBeVisible();
}

async function generateSchedule(page: Page, total: string, count: string, firstDue: string) {
  await page.getByTestId('schedule-total').fill(total);
  await page.getByTestId('schedule-count').fill(count);
  await page.getByTestId('schedule-first-due').fill(firstDue);
  await page.getByTestId('schedule-generate').click();
}

async function recordPayment(page: Page, date: string, amount: string, ref: string) {
  await page.getByTestId('payment-date').fill(date);
  await page.getByTestId('payment-amount').fill(amount);
  await page.getByTestId('payment-channel').fill('App');
  await page.getByTestId('payment-reference').fill(ref);
  await page.getByTestId('payment-save').click();
}

test('debt, agreement, schedule, payments, checklist with proof, reload, calendar', async ({ page }) => {
  const today = todayInShanghai();
  const agreed = addDays(today, -30);
  const firstDue = addDays(today, -10);

  await open(page, '#/agreement');
  await expect(page.getByTestId('debts-empty')).toBeVisible();
  await createDebt(page, '某某借款App');
  await createAgreement(page, agreed, '6000');

  // No schedule yet; the written confirmation is missing.
  await expect(page.getByTestId('next-due-none')).toBeVisible();
  await expect(page.getByTestId('written-confirmation-warning')).toBeVisible();

  await generateSchedule(page, '6000', '6', firstDue);
  const rows = page.getByTestId('instalment-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.first().getByTestId('instalment-due')).toHaveValue(firstDue);
  await expect(rows.first().getByTestId('instalment-amount')).toHaveValue('1000.00');
  await expect(rows.first()).toHaveAttribute('data-status', 'overdue');
  await expect(page.getByTestId('missed-warning')).toBeVisible();
  await expect(page.getByTestId('next-due-date')).toHaveText(firstDue);

  // Two payments, both made before their instalments fell due.
  await recordPayment(page, addDays(firstDue, -2), '1000', 'T-0001');
  await expect(page.getByTestId('payment-saved')).toBeVisible();
  await recordPayment(page, addDays(firstDue, -1), '1000', 'T-0002');
  await expect(page.getByTestId('payment-row')).toHaveCount(2);
  // The same transfer again is refused with a clear message.
  await recordPayment(page, addDays(firstDue, -1), '1000', 'T-0002');
  await expect(page.getByTestId('payment-duplicate')).toBeVisible();
  await expect(page.getByTestId('payment-row')).toHaveCount(2);
  // Deleting a payment record asks first; declining keeps it.
  page.once('dialog', (d) => { expect(d.message()).toContain('1000.00'); d.dismiss(); });
  await page.getByTestId('payment-row').first().getByTestId('payment-remove').click();
  await expect(page.getByTestId('payment-row')).toHaveCount(2);

  await expect(rows.nth(0)).toHaveAttribute('data-status', 'paid');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'paid');
  await expect(page.getByTestId('missed-warning')).toHaveCount(0);
  const thirdDue = await rows.nth(2).getByTestId('instalment-due').inputValue();
  await expect(page.getByTestId('next-due-date')).toHaveText(thirdDue);
  await expect(page.getByTestId('next-due-amount')).toHaveText('1000.00 CNY');
  await expect(page.getByTestId('total-agreed')).toHaveText('6000.00 CNY');
  await expect(page.getByTestId('total-paid')).toHaveText('2000.00 CNY');
  await expect(page.getByTestId('total-remaining')).toHaveText('4000.00 CNY');

  // Checklist: written confirmation done, with a proof file fingerprinted here.
  const bytes = Buffer.from('screenshot of the SMS confirming plan XY-7788');
  const sha = createHash('sha256').update(bytes).digest('hex');
  const critical = page.locator('[data-testid=checklist-item][data-item-id=written_confirmation]');
  await page.getByTestId('checklist-status-written_confirmation').selectOption('done');
  await page.getByTestId('checklist-date-written_confirmation').fill(agreed);
  await page.getByTestId('checklist-note-written_confirmation').fill('短信确认');
  await page.getByTestId('checklist-note-written_confirmation').press('Tab');
  await page.getByTestId('checklist-proof-written_confirmation').setInputFiles({
    name: 'confirm.png', mimeType: 'image/png', buffer: bytes,
  });
  await expect(critical.getByTestId('proof-digest')).toHaveText(sha);
  await expect(critical).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('written-confirmation-warning')).toHaveCount(0);
  await page.getByTestId('checklist-status-reminders_set').selectOption('done');
  await page.getByTestId('checklist-more-reminders_set').click();
  await page.getByTestId('checklist-note-reminders_set').fill('手机日历');
  await page.getByTestId('checklist-note-reminders_set').press('Tab');
  await page.getByTestId('checklist-status-hardship_proof').selectOption('not_applicable');
  // 2 done of 10 applicable.
  await expect(page.getByTestId('checklist-progress')).toHaveAttribute('data-percent', '20');
  await expect(page.getByTestId('checklist-evidence-link')).toHaveAttribute('href', '#/evidence');

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByTestId('debt-name')).toHaveText('某某借款App');
  await expect(page.getByTestId('debt-facts')).toContainText('02112345678, 13900001111');
  await expect(page.getByTestId('agreement-facts')).toContainText('XY-7788');
  await expect(rows).toHaveCount(6);
  await expect(page.getByTestId('payment-row')).toHaveCount(2);
  await expect(page.getByTestId('next-due-date')).toHaveText(thirdDue);
  await expect(page.getByTestId('total-paid')).toHaveText('2000.00 CNY');
  await expect(page.getByTestId('checklist-status-written_confirmation')).toHaveValue('done');
  await expect(page.getByTestId('checklist-date-written_confirmation')).toHaveValue(agreed);
  await expect(page.getByTestId('checklist-note-written_confirmation')).toHaveValue('短信确认');
  await expect(page.getByTestId('checklist-status-hardship_proof')).toHaveValue('not_applicable');
  await expect(page.getByTestId('checklist-note-reminders_set')).toHaveValue('手机日历');
  await expect(critical.getByTestId('proof-digest')).toHaveText(sha);
  await expect(critical.getByTestId('proof')).toContainText('confirm.png');

  // The calendar file.
  const download = page.waitForEvent('download');
  await page.getByTestId('ics-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('repayments.ics');
  const path = await file.path();
  const raw = readFileSync(path);
  const text = raw.toString('utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(text.match(/BEGIN:VEVENT\r\n/g)?.length).toBe(6);
  expect(text.match(/END:VEVENT\r\n/g)?.length).toBe(6);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) {
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  expect(text).toContain(`DTSTART;VALUE=DATE:${firstDue.replace(/-/g, '')}`);
});

test('bad input shows an error beside the field and loses nothing saved', async ({ page }) => {
  const today = todayInShanghai();
  await open(page, '#/agreement');
  await page.getByTestId('debt-save').click();
  await expect(page.getByTestId('debt-lender-error')).toBeVisible();
  await createDebt(page, 'Bank A');

  await page.getByTestId('agreement-date').fill(today);
  await page.getByTestId('agreement-channel').selectOption('collector_phone');
  await expect(page.getByTestId('agreement-channel-warning')).toBeVisible();
  await page.getByTestId('agreement-total').fill('0');
  await page.getByTestId('agreement-save').click();
  await expect(page.getByTestId('agreement-total-error')).toBeVisible();
  await expect(page.getByTestId('agreement-detail')).toHaveCount(0);
  await page.getByTestId('agreement-total').fill('3000');
  await page.getByTestId('agreement-save').click();
  await expect(page.getByTestId('collector-warning')).toBeVisible();

  // A due date before the agreement date is refused beside the field.
  await generateSchedule(page, '3000', '3', addDays(today, -1));
  await expect(page.getByTestId('schedule-first-due-error')).toBeVisible();
  await expect(page.getByTestId('instalment-row')).toHaveCount(0);
  // The sum not matching the agreed total is only a warning.
  await generateSchedule(page, '2900', '3', addDays(today, 5));
  await expect(page.getByTestId('instalment-row')).toHaveCount(3);
  await expect(page.getByTestId('schedule-sum-warning')).toBeVisible();

  await recordPayment(page, today, '500', 'R1');
  await expect(page.getByTestId('payment-row')).toHaveCount(1);

  // Zero amounts: a payment and an instalment line.
  await recordPayment(page, today, '0', 'R2');
  await expect(page.getByTestId('payment-amount-error')).toBeVisible();
  await expect(page.getByTestId('payment-row')).toHaveCount(1);
  const first = page.getByTestId('instalment-row').first();
  await first.getByTestId('instalment-amount').fill('0');
  await first.getByTestId('instalment-amount').press('Tab');
  await expect(first.getByTestId('instalment-amount-error')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('instalment-row')).toHaveCount(3);
  await expect(page.getByTestId('instalment-row').first().getByTestId('instalment-amount')).toHaveValue('966.66');
  await expect(page.getByTestId('payment-row')).toHaveCount(1);
  await expect(page.getByTestId('total-agreed')).toHaveText('3000.00 CNY');

  // Editing a line and removing one go through the core.
  const second = page.getByTestId('instalment-row').nth(1);
  await second.getByTestId('instalment-amount').fill('1000');
  await second.getByTestId('instalment-amount').press('Tab');
  await expect(page.getByTestId('instalment-row').nth(1).getByTestId('instalment-amount')).toHaveValue('1000.00');
  // Removing a line asks first, naming it; declining keeps it.
  page.once('dialog', (d) => { expect(d.message()).toContain('3'); d.dismiss(); });
  await page.getByTestId('instalment-row').nth(2).getByTestId('instalment-remove').click();
  await expect(page.getByTestId('instalment-row')).toHaveCount(3);
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('instalment-row').nth(2).getByTestId('instalment-remove').click();
  await expect(page.getByTestId('instalment-row')).toHaveCount(2);
});
