import { test, expect, open } from '../fixtures';
import type { Page } from '@playwright/test';
import { seedCase, CASE } from '../case';

// An edited complaint letter is never discarded silently: a redaction switch,
// another letter and another page keep the edit; "restore" drops it.

const EDIT = '我补充的一段话：对方每天打十几次。';

async function seed(page: Page) {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const put = (k: string, d: unknown) => localStorage.setItem(k, JSON.stringify({ v: 2, d }));
    put('dek:settings', { time_zone: 'Asia/Shanghai', jurisdiction: 'cn' });
    put('dek:debtor', { name: '王小明', phone: '13812345678', id_number: '' });
    put('dek:debts', [{ id: 'd1', lender: '示例消费金融', lender_type: 'consumer_finance', reference: 'LN-1' }]);
    for (let i = 1; i <= 3; i++) {
      const at = `2026-03-0${i}T23:10:00+08:00`;
      put(`dek:c:${i}`, {
        seq: i, created_at: new Date(Date.parse(at)).toISOString(), source: 'manual', hash: '',
        data: { at, channel: 'call', outcome: 'talked', direction: 'incoming', debt_id: 'd1', from_number: '02155500001', target: 'debtor', notes: '深夜来电' },
      });
    }
  });
}

test('letter edits survive redaction switches, other letters and other pages', async ({ page }) => {
  await seed(page);
  await open(page, '#/evidence');
  const letter = page.getByTestId('letter-text');
  await expect(letter).not.toHaveValue('');
  const generated = await letter.inputValue();
  await letter.fill(`${generated}\n${EDIT}`);

  await page.getByTestId('redact-name').check();
  await expect(letter).toHaveValue(new RegExp(EDIT));
  await expect(page.getByTestId('letter-edited')).toBeVisible();

  const options = await page.getByTestId('letter-select').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  expect(options.length).toBeGreaterThan(1);
  await page.getByTestId('letter-select').selectOption(options[1]);
  await expect(letter).not.toHaveValue(new RegExp(EDIT));
  await page.getByTestId('letter-select').selectOption(options[0]);
  await expect(letter).toHaveValue(new RegExp(EDIT));

  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('page')).toBeVisible();
  await page.getByTestId('nav-evidence').click();
  await expect(page.getByTestId('letter-text')).toHaveValue(new RegExp(EDIT));
  // The printed copy carries the edit, redacted.
  await expect(page.getByTestId('letter-print')).toContainText(EDIT);

  // A reload (a closed tab, a lock) keeps it too.
  await page.reload();
  await expect(page.getByTestId('letter-text')).toHaveValue(new RegExp(EDIT));
  await expect(page.getByTestId('letter-edited')).toBeVisible();

  // Restoring first shows what would be lost, then drops it on a second tap.
  await page.getByTestId('letter-reset').click();
  await expect(page.getByTestId('letter-changes')).toHaveAttribute('open', '');
  await expect(page.getByTestId('letter-added')).toHaveText([EDIT]);
  await expect(page.getByTestId('letter-removed')).toHaveCount(0);
  await expect(page.getByTestId('letter-text')).toHaveValue(new RegExp(EDIT));
  await page.getByTestId('letter-reset').click();
  await expect(page.getByTestId('letter-text')).not.toHaveValue(new RegExp(EDIT));
  await expect(page.getByTestId('letter-edited')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('letter-text')).toHaveValue(generated);
  expect(await page.evaluate(() => localStorage.getItem('dek:draft:letters'))).toBeNull();
});

test('a redaction switch hides a value typed into an edited letter, on paper, and keeps the edit', async ({ page }) => {
  await seedCase(page, 12);
  await open(page, '#/evidence');
  const letter = page.getByTestId('letter-text');
  await expect(letter).not.toHaveValue('');
  await letter.fill(`${await letter.inputValue()}\n我补充：三月每天都有电话。我的身份证号 ${CASE.id}`);
  const print = page.getByTestId('letter-print');
  await expect(print).toContainText(CASE.id);

  await page.getByTestId('redact-id').check();
  await expect(letter).toHaveValue(/我补充：三月每天都有电话/);
  await expect(print).toContainText('我补充：三月每天都有电话');
  await expect(print).not.toContainText(CASE.id);

  await page.getByTestId('redact-id').uncheck();
  await expect(print).toContainText(CASE.id);
  await expect(page.getByTestId('letter-edited')).toBeVisible();
});
