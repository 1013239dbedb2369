import { test, expect, open } from '../fixtures';
import { execFileSync } from 'node:child_process';
import { seedCase, CASE } from '../case';

// The printed evidence file lists the payments against the schedule, so
// "I paid on time" can be shown on paper.

const PDF = '/tmp/evidence-payments-e2e.pdf';

test('payments are printed with their instalment and on-time or late', async ({ page }) => {
  await seedCase(page, 12);
  await open(page, '#/evidence');
  await expect(page.getByTestId('evidence-payment')).toHaveCount(2);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: PDF, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-raw', PDF, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const s of ['还款记录', '2026-03-18', 'TX20260318001', '银行转账', '2026-04-23', 'TX20260423009', '支付宝',
    '第1期（2026-03-20到期）1000.00CNY：按时', '第2期（2026-04-20到期）1000.00CNY：逾期3天', CASE.receiptSha]) {
    expect(text, s).toContain(s.replace(/\s+/g, ''));
  }
  execFileSync('pdftoppm', ['-png', '-r', '50', PDF, '/tmp/evidence-payments-e2e-page']);
});
