import { test, expect, open } from '../fixtures';

const COLLECTOR_A = '+8613800138000'; // normalised: 13800138000
const COLLECTOR_B = '13900139000';
const FRIEND = '13700137000';
const BASE = Date.UTC(2026, 2, 4, 14, 40, 30); // 2026-03-04 22:40:30 in Shanghai

/** 300 <call> rows: 297 regular (99 per number), 2 copies of collector calls
 *  20 s later (duplicates inside the file) and 1 friend row with a bad date. */
function callsXml(): string {
  const types = [1, 3, 2, 5];
  const numbers = [COLLECTOR_A, COLLECTOR_B, FRIEND];
  const names = ['(Unknown)', '(Unknown)', '老同学 &amp; 邻居'];
  const row = (i: number, date: number | string) => {
    const type = types[i % 4];
    const duration = type === 1 || type === 2 ? 30 + (i % 50) : 0;
    return `  <call number="${numbers[i % 3]}" duration="${duration}" date="${date}" type="${type}" presentation="1" subscription_id="1" readable_date="x" contact_name="${names[i % 3]}" />`;
  };
  const rows: string[] = [];
  for (let i = 0; i < 297; i++) rows.push(row(i, BASE + i * 600_000));
  rows.push(row(1, BASE + 600_000 + 20_000)); // collector B, again
  rows.push(row(3, BASE + 3 * 600_000 + 20_000)); // collector A, again
  rows.push(row(2, 'yesterday')); // friend, bad date
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<?xml-stylesheet type="text/xsl" href="calls.xsl"?>
<calls count="${rows.length}" backup_set="e2e" backup_date="${BASE}" type="full">
${rows.join('\n')}
</calls>
`;
}

async function upload(page, xml: string) {
  await open(page, '#/data');
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'calls-20260310.xml', mimeType: 'text/xml', buffer: Buffer.from(xml) });
  await expect(page.getByTestId('phonelog-parsed')).toContainText('299');
  await expect(page.getByTestId('phonelog-number')).toHaveCount(3);
  await expect(page.getByTestId('phonelog-errors')).toContainText('1 行');
  await page.locator('[data-testid=phonelog-number][data-number="13800138000"]').check();
  await page.locator('[data-testid=phonelog-number][data-number="13900139000"]').check();
  await expect(page.locator(`[data-testid=phonelog-number][data-number="${FRIEND}"]`)).not.toBeChecked();
  await expect(page.getByTestId('phonelog-import')).toContainText('200');
  await page.getByTestId('phonelog-import').click();
}

test('call history import: only the collectors, duplicates skipped, idempotent', async ({ page }) => {
  // One call logged by hand, 30 s from the first XML call of collector A.
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-date').fill('2026-03-04');
  await page.getByTestId('contact-time').fill('22:40');
  await page.getByTestId('contact-number').fill('138 0013 8000');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();

  const xml = callsXml();
  await upload(page, xml);
  // 200 picked rows: 2 in-file copies and 1 hand-logged call are duplicates.
  await expect(page.getByTestId('phonelog-result')).toContainText('已添加 197 条，跳过重复 3 条，1 行有错误');

  await page.reload();
  await open(page, '#/contacts');
  await expect(page.getByTestId('contacts-count')).toContainText('198');

  // The same file again adds nothing.
  await upload(page, xml);
  await expect(page.getByTestId('phonelog-result')).toContainText('已添加 0 条，跳过重复 200 条');
  await open(page, '#/contacts');
  await expect(page.getByTestId('contacts-count')).toContainText('198');
});

test('hostile or broken files are refused or reported, nothing is added', async ({ page }) => {
  await open(page, '#/data');
  const lol = `<?xml version="1.0"?><!DOCTYPE calls [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<calls><call number="13800138000" date="${BASE}" type="1" duration="5" contact_name="&b;" /></calls>`;
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'calls.xml', mimeType: 'text/xml', buffer: Buffer.from(lol) });
  await expect(page.getByTestId('phonelog-error')).toBeVisible();
  await expect(page.getByTestId('phonelog-number')).toHaveCount(0);

  const cut = callsXml().slice(0, 2000);
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'calls.xml', mimeType: 'text/xml', buffer: Buffer.from(cut) });
  await expect(page.getByTestId('phonelog-errors')).toBeVisible();
  await expect(page.getByTestId('phonelog-number').first()).toBeVisible();
});

test('CSV with a column-mapping step', async ({ page }) => {
  await open(page, '#/data');
  const csv = '\ufeff"号码";"时间";"时长";"类型"\r\n'
    + '"+86 138 0013 8000";2026-03-05 09:00:00;37;来电\r\n'
    + '13800138000;2026/03/05 09:30;0;未接\r\n'
    + '13700137000;2026-03-05 10:00;12;来电\r\n';
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('csv-mapping')).toBeVisible();
  await page.getByTestId('csv-map-number').selectOption('0');
  await page.getByTestId('csv-map-datetime').selectOption('1');
  await page.getByTestId('csv-map-duration').selectOption('2');
  await page.getByTestId('csv-map-direction').selectOption('3');
  await page.getByTestId('csv-map-apply').click();
  await expect(page.getByTestId('phonelog-number')).toHaveCount(2);
  await page.locator('[data-testid=phonelog-number][data-number="13800138000"]').check();
  await page.getByTestId('phonelog-import').click();
  await expect(page.getByTestId('phonelog-result')).toContainText('已添加 2 条，跳过重复 0 条，0 行有错误');
  await open(page, '#/contacts');
  await expect(page.getByTestId('contacts-count')).toContainText('2');
});
