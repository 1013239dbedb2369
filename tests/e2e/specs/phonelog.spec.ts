import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, open } from '../fixtures';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'phonelog');
const fixture = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(FIXTURES, name)) });

/** Every localStorage key and value, to prove a refused file wrote nothing. */
const snapshot = (page) => page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

const COLLECTOR_A = '+8613800138000'; // normalised: 13800138000
const COLLECTOR_B = '13900139000';
const FRIEND = '13700137000';
const BASE = Date.UTC(2026, 2, 4, 14, 40, 30); // 2026-03-04 22:40:30 in Shanghai

/** 300 <call> rows: 297 regular (99 per number), 2 more collector calls
 *  20 s after others (distinct calls, never merged) and 1 friend row with a bad date. */
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
  rows.push(row(1, BASE + 600_000 + 20_000)); // collector B, 20 s later: another call
  rows.push(row(3, BASE + 3 * 600_000 + 20_000)); // collector A, 20 s later: another call
  rows.push(row(2, 'yesterday')); // friend, bad date
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<?xml-stylesheet type="text/xsl" href="calls.xsl"?>
<calls count="${rows.length}" backup_set="e2e" backup_date="${BASE}" type="full">
${rows.join('\n')}
</calls>
`;
}

async function upload(page, xml: string, click = true) {
  await open(page, '#/data');
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'calls-20260310.xml', mimeType: 'text/xml', buffer: Buffer.from(xml) });
  await expect(page.getByTestId('phonelog-parsed')).toContainText('299');
  await expect(page.getByTestId('phonelog-number')).toHaveCount(3);
  await expect(page.getByTestId('phonelog-errors')).toContainText('1 行');
  await page.locator('[data-testid=phonelog-number][data-number="13800138000"]').check();
  await page.locator('[data-testid=phonelog-number][data-number="13900139000"]').check();
  await expect(page.locator(`[data-testid=phonelog-number][data-number="${FRIEND}"]`)).not.toBeChecked();
  if (click) {
    await expect(page.getByTestId('phonelog-import')).toContainText('200');
    await page.getByTestId('phonelog-import').click();
  }
}

test('call history import: only the collectors, calls seconds apart kept, hand-typed match shown, idempotent', async ({ page }) => {
  // One call logged by hand in the minute of the first XML call of collector A (22:40:30).
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-date').fill('2026-03-04');
  await page.getByTestId('contact-time').fill('22:40');
  await page.getByTestId('contact-number').fill('138 0013 8000');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();

  const xml = callsXml();
  await upload(page, xml, false);
  // The hand-typed entry matched one record: shown with both times, and why.
  await expect(page.getByTestId('phonelog-handmatch')).toHaveCount(1);
  await expect(page.getByTestId('phonelog-handmatches')).toContainText('2026-03-04 22:40:30');
  await expect(page.getByTestId('phonelog-plan')).toContainText('将新增 199 条');
  await page.getByTestId('phonelog-import').click();
  // 200 picked rows: only the hand-logged call is a duplicate; calls 20 s apart are all kept.
  await expect(page.getByTestId('phonelog-result')).toContainText('已添加 199 条，跳过重复 1 条，1 行有错误');

  await page.reload();
  await open(page, '#/contacts');
  await expect(page.getByTestId('contacts-count')).toContainText('200');

  // The same file again adds nothing.
  await upload(page, xml, false);
  // Nothing new: the plan says why, and there is nothing to confirm.
  await expect(page.getByTestId('phonelog-plan')).toContainText('将新增 0 条');
  await expect(page.getByTestId('phonelog-plan')).toContainText('已经导入过的 199 条');
  await expect(page.getByTestId('phonelog-plan')).toContainText('与手动记录匹配的 1 条');
  await expect(page.getByTestId('phonelog-import')).toBeDisabled();
  await open(page, '#/contacts');
  await expect(page.getByTestId('contacts-count')).toContainText('200');
});

test('hostile or broken files are refused or reported, nothing is added', async ({ page }) => {
  await open(page, '#/data');
  const lol = `<?xml version="1.0"?><!DOCTYPE calls [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<calls><call number="13800138000" date="${BASE}" type="1" duration="5" contact_name="&b;" /></calls>`;
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'calls.xml', mimeType: 'text/xml', buffer: Buffer.from(lol) });
  await expect(page.getByTestId('phonelog-error')).toBeVisible();
  await expect(page.getByTestId('phonelog-number')).toHaveCount(0);

  // A cut download: says where it ends; the user chooses what was read or nothing.
  const before = await snapshot(page);
  const cut = callsXml().slice(0, 2000);
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'calls.xml', mimeType: 'text/xml', buffer: Buffer.from(cut) });
  await expect(page.getByTestId('phonelog-stopped')).toContainText('文件在第 11 条记录之后就结束了');
  await expect(page.getByTestId('phonelog-number')).toHaveCount(0);
  await page.getByTestId('phonelog-partial-no').click();
  await expect(page.getByTestId('phonelog-stopped')).toHaveCount(0);
  expect(await snapshot(page)).toBe(before);
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'calls.xml', mimeType: 'text/xml', buffer: Buffer.from(cut) });
  await page.getByTestId('phonelog-partial-yes').click();
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

test('real export quirks: autodialer bursts, withheld numbers, type 7, seconds dates, emoji, MMS', async ({ page }) => {
  await open(page, '#/data');
  await page.getByTestId('phonelog-file').setInputFiles(fixture('calls-collector.xml'));
  await expect(page.getByTestId('phonelog-parsed')).toContainText('读到 15 条记录');
  await expect(page.getByTestId('phonelog-seconds')).toContainText('1 条记录的时间是以秒记录的');
  await expect(page.getByTestId('phonelog-errors')).toContainText('1 行');
  await expect(page.getByTestId('phonelog-section')).toContainText('号码隐藏');
  await page.getByTestId('phonelog-all').click();
  await expect(page.getByTestId('phonelog-import')).toContainText('15');
  await page.getByTestId('phonelog-import').click();
  await expect(page.getByTestId('phonelog-result')).toContainText('已添加 15 条，跳过重复 0 条，1 行有错误');

  await page.getByTestId('phonelog-file').setInputFiles(fixture('sms-collector.xml'));
  await expect(page.getByTestId('phonelog-mms-media')).toContainText('1 条彩信');
  await page.getByTestId('phonelog-all').click();
  await expect(page.getByTestId('phonelog-plan')).toContainText('将新增 6 条。跳过重复：文件内完全相同的 1 条');
  await page.getByTestId('phonelog-import').click();
  await expect(page.getByTestId('phonelog-result')).toContainText('已添加 6 条，跳过重复 1 条');
  await open(page, '#/contacts');
  await expect(page.getByTestId('contacts-count')).toContainText('21');
  await expect(page.getByTestId('page')).toContainText('律师函：请于三日内联系本所');
  await expect(page.getByTestId('page')).toContainText('紧急联系人 😀');
});

test('Chinese files: GBK carrier statement with 主叫/被叫, UTF-16 by byte-order mark', async ({ page }) => {
  await open(page, '#/data');
  await page.getByTestId('phonelog-file').setInputFiles(fixture('carrier-detail-gbk.csv'));
  await expect(page.getByTestId('phonelog-encoding')).toContainText('GB18030');
  await expect(page.getByTestId('csv-mapping')).toBeVisible();
  await expect(page.getByTestId('csv-map-number')).toContainText('对方号码');
  await page.getByTestId('csv-map-apply').click();
  await page.locator('[data-testid=phonelog-number][data-number="17100003333"]').check();
  await page.getByTestId('phonelog-import').click();
  await expect(page.getByTestId('phonelog-result')).toContainText('已添加 3 条，跳过重复 0 条，0 行有错误');

  for (const name of ['calls-utf16le.csv', 'calls-utf16be.csv']) {
    await page.getByTestId('phonelog-file').setInputFiles(fixture(name));
    await expect(page.getByTestId('phonelog-encoding')).toContainText('UTF-16');
    await page.getByTestId('csv-map-apply').click();
    await expect(page.locator('[data-testid=phonelog-number][data-number="17100004444"]')).toHaveCount(1);
  }
});

test('wrong files get a clear message in each language and store nothing', async ({ page }) => {
  await open(page, '#/data');
  const backup = Buffer.from(JSON.stringify({ type: 'debt-evidence-kit-backup', schema: 1, case: {} }));
  const wide = Buffer.from(Array(100_000).fill('h').join(',') + '\n' + Array(100_000).fill('1').join(',') + '\n');
  const cases: [string, any, string[]][] = [
    ['zip', fixture('calls-backup.zip'), ['请先解压', '請先解壓縮', 'Unzip it first']],
    ['backup', { name: 'backup.json', mimeType: 'application/json', buffer: backup }, ['从备份文件恢复', '從備份檔復原', 'Use Restore']],
    ['not a backup', fixture('not-a-backup.xml'), ['不是通话或短信备份', '不是通話或簡訊備份', 'not a call or SMS backup']],
    ['100,000 columns', { name: 'wide.csv', mimeType: 'text/csv', buffer: wide }, ['100000 列', '100000 欄', '100000 columns']],
  ];
  const langs = ['zh-CN', 'zh-TW', 'en'];
  for (let l = 0; l < 3; l++) {
    await page.getByTestId('lang-switch').selectOption(langs[l]);
    const before = await snapshot(page);
    for (const [label, file, messages] of cases) {
      const start = Date.now();
      await page.getByTestId('phonelog-file').setInputFiles(file);
      await expect(page.getByTestId('phonelog-error'), label).toContainText(messages[l]);
      expect(Date.now() - start, label).toBeLessThan(5000);
      await expect(page.getByTestId('phonelog-number')).toHaveCount(0);
      await expect(page.getByTestId('phonelog-errors')).toHaveCount(0);
      await expect(page.getByTestId('csv-mapping')).toHaveCount(0);
    }
    expect(await snapshot(page), langs[l]).toBe(before);
  }
});

test('a file too big for storage says how many would not fit, before writing anything', async ({ page }) => {
  await open(page, '#/data');
  const before = await snapshot(page);
  const rows = ['号码,时间,内容'];
  const start = Date.UTC(2025, 0, 1);
  const body = '催收短信内容'.repeat(40);
  for (let i = 0; i < 40_000; i++) rows.push(`17100005555,${new Date(start + i * 60_000).toISOString()},${body}${i}`);
  await page.getByTestId('phonelog-file').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.getByTestId('csv-map-apply').click();
  await page.locator('[data-testid=phonelog-number][data-number="17100005555"]').check();
  await expect(page.getByTestId('phonelog-quota')).toContainText('要导入的 40000 条中有');
  await expect(page.getByTestId('phonelog-import')).toBeDisabled();
  expect(await snapshot(page)).toBe(before);
});
