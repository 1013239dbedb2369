import { test, expect, open } from '../fixtures';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

// Redaction with values chosen to break it: a third party named like a
// letter kind ("nfra"), the number spelled every way a note may hold it, the
// name split by a zero-width space. With every switch on, none of them may
// reach the page's HTML or the printed PDF's text.

const NAME = '王小明';
const PHONE = '+86 138 1234 5678';
const ID = '11010519491231002X';
const THIRD = 'nfra';
const SPELLINGS = [
  '13812345678', '138 1234 5678', '１３８１２３４５６７８', '138-1234-5678', '0086 13812345678',
  '138\u200b1234\u200b5678', '一三八一二三四五六七八',
];
const PDF = '/tmp/redaction-e2e.pdf';

async function seed(page: Page) {
  await page.addInitScript(({ name, phone, id, third, spellings }) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const put = (k: string, d: unknown) => localStorage.setItem(k, JSON.stringify({ v: 2, d }));
    put('dek:settings', { time_zone: 'Asia/Shanghai', jurisdiction: 'cn' });
    put('dek:debtor', { name, phone, id_number: id });
    put('dek:debts', [{ id: 'd1', lender: '示例消费金融', lender_type: 'consumer_finance', reference: 'LN-1' }]);
    for (let i = 1; i <= 6; i++) {
      const at = `2026-03-0${i}T23:10:00+08:00`;
      const data: Record<string, unknown> = {
        at, channel: 'call', outcome: 'talked', direction: 'incoming', debt_id: 'd1',
        from_number: `0215550000${i}`, target: i === 2 ? 'relative' : 'debtor',
        notes: `对方说要联系王\u200b小明（${name}）的家人 ${third.toUpperCase()}，念出 ${id.toLowerCase()}，`
          + `手机 ${spellings.join(' / ')}。`,
      };
      if (i === 2) { data.target_name = third; data.ticks = ['disclosed_debt']; }
      put(`dek:c:${i}`, { seq: i, created_at: new Date(Date.parse(at)).toISOString(), source: 'manual', hash: '', data });
    }
  }, { name: NAME, phone: PHONE, id: ID, third: THIRD, spellings: SPELLINGS });
}

/** What a reader could still find: digits of the number in any width, run together. */
function leaks(text: string): string[] {
  const folded = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[一二三四五六七八九〇]/g, (d) => String('〇一二三四五六七八九'.indexOf(d)));
  const squashed = folded.replace(/[\s\u200b\u3000\-–—.·()（）/]/g, '');
  const found: string[] = [];
  if (squashed.includes('12345678')) found.push('phone');
  if (squashed.includes(NAME) || squashed.includes('王小明')) found.push('name');
  if (squashed.toLowerCase().includes(ID.toLowerCase())) found.push('id');
  if (/nfra/i.test(folded)) found.push('third party');
  return found;
}

test('hostile values never reach the redacted page or its PDF', async ({ page }) => {
  await seed(page);
  await open(page, '#/evidence');
  await expect(page.getByTestId('evidence-row')).toHaveCount(6);
  expect(leaks(await page.evaluate(() => document.body.textContent ?? ''))).toEqual(['phone', 'name', 'id', 'third party']);

  for (const s of ['redact-name', 'redact-phone', 'redact-id', 'redact-third']) await page.getByTestId(s).check();
  await expect(page.getByTestId('evidence-log-table')).toContainText('〔号码已隐去〕');
  await expect(page.getByTestId('redaction-refused')).toHaveCount(0);

  // The user types the number into the letter: the printed copy hides it too.
  await page.getByTestId('letter-text').fill('请联系我：１３８ １２３４ ５６７８，王小明');
  await expect(page.getByTestId('letter-print')).toContainText('〔号码已隐去〕');

  // Letter keys (ids such as "nfra-0") are attributes, not text: check the text
  // of the page and the HTML without attribute values.
  expect(leaks(await page.evaluate(() => document.body.textContent ?? ''))).toEqual([]);
  const html = (await page.content()).replace(/="[^"]*"/g, '=""');
  expect(leaks(html)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: PDF, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', PDF, '-'], { encoding: 'utf8' });
  expect(text).toContain('〔号码已隐去〕');
  expect(text).toContain('LN-1');
  expect(leaks(text)).toEqual([]);
});
