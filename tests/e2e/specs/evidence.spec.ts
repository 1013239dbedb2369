import { test, expect, open } from '../fixtures';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

// The printable evidence page: seeded in the app's storage format (src/storage:
// one key per record, envelope {"v":2,"d":…}), printed to an A4 PDF, and the
// PDF read back with poppler (pdfinfo, pdftotext, pdftoppm).

const NAME = '王小明';
const PHONE = '13812345678';
const ID = '11010519491231002X';
const CONTACTS = 60;
const PDF = '/tmp/evidence-e2e.pdf';
const PNG = '/tmp/evidence-e2e-page';

async function seed(page: Page) {
  await page.addInitScript(({ name, phone, id, n }) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const put = (k: string, d: unknown) => localStorage.setItem(k, JSON.stringify({ v: 2, d }));
    put('dek:settings', { time_zone: 'Asia/Shanghai', jurisdiction: 'cn' });
    put('dek:debtor', { name, phone, id_number: id });
    put('dek:debts', [{
      id: 'd1', lender: '示例消费金融', lender_type: 'consumer_finance', reference: 'LN-2025-0001',
      hotline: '95000', agencies: [{ name: '某催收公司', numbers: ['02155500000', '02155500001'] }],
    }]);
    put('dek:agreements', [{
      id: 'a1', debt_id: 'd1', kind: 'instalments', date_reached: '2026-02-20', channel: 'official_hotline',
      reference: 'AG-778', agreed_total: 300000,
      instalments: [
        { due: '2026-03-20', amount: 100000 }, { due: '2026-04-20', amount: 100000 }, { due: '2026-05-20', amount: 100000 },
      ],
      payments: [{ id: 'p1', date: '2026-03-18', amount: 100000, channel: 'app' }],
      checklist: {
        written_confirmation: { status: 'done', date: '2026-02-21', proofs: [{ name: '协议短信截图.png', size: 234567, sha256: 'a'.repeat(64) }] },
        hotline_confirmed: { status: 'done', proofs: [{ name: '客服通话录音.m4a', size: 1234567, sha256: 'b'.repeat(64) }] },
      },
    }]);
    for (let i = 1; i <= n; i++) {
      const day = 1 + Math.floor((i - 1) / 3);
      const hour = i % 7 === 0 ? 22 : 9 + (i % 10);
      const at = `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+08:00`;
      const third = i % 11 === 0;
      const data: Record<string, unknown> = {
        at, channel: i % 5 === 0 ? 'sms' : 'call', outcome: 'talked', direction: 'incoming',
        from_number: `021555${String(i % 9).padStart(5, '0')}`, collector_name: '张专员', claimed_org: 'agency',
        agency: '某催收公司', target: third ? 'relative' : 'debtor',
        notes: `LOGROW-${i} 对方说要联系${name}的家人，并念出我的身份证号${id}。`
          + (i === 9 ? '很长的备注，'.repeat(60) : ''),
      };
      // Only some contacts name the debt, so not every one is a finding.
      if (i % 4 === 0) data.debt_id = 'd1';
      if (third) { data.target_name = '李秀英'; data.number_dialled = '13900000001'; data.ticks = ['disclosed_debt']; }
      if (i === 14) data.ticks = ['threat_harm'];
      if (i === 20) data.attachments = [{ name: '通话录音0320.m4a', size: 345678, mime: 'audio/mp4', sha256: 'c'.repeat(64) }];
      put(`dek:c:${i}`, { seq: i, created_at: new Date(Date.parse(at)).toISOString(), source: 'manual', hash: '', data });
    }
  }, { name: NAME, phone: PHONE, id: ID, n: CONTACTS });
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8' });
}

test('evidence page renders, redacts, and prints to a readable A4 PDF', async ({ page }) => {
  await seed(page);
  await open(page, '#/evidence');
  await expect(page.getByTestId('evidence-title')).toBeVisible();
  await expect(page.getByTestId('evidence-row')).toHaveCount(CONTACTS);
  await expect(page.getByTestId('evidence-item')).toHaveCount(4);
  const digest = (await page.getByTestId('evidence-digest').textContent())!.trim();
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('evidence-chain-head')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('evidence-log-table')).toContainText(ID);

  // Redaction: the ID number leaves the page, letters included; the name stays.
  await page.getByTestId('redact-id').check();
  await expect(page.getByTestId('evidence-log-table')).not.toContainText(ID);
  await expect(page.getByTestId('evidence-log-table')).toContainText(NAME);
  await expect(page.getByTestId('letter-text')).not.toHaveValue(new RegExp(ID));
  await expect(page.getByTestId('letter-text')).toHaveValue(/LN-2025-0001/);
  expect(await page.locator('body').innerText()).not.toContain(ID);
  // The digest fingerprints the data, not the redacted view.
  await expect(page.getByTestId('evidence-digest')).toHaveText(digest);

  // Findings only: fewer rows, and every one names a rule.
  await page.getByTestId('findings-only').check();
  await expect.poll(() => page.getByTestId('evidence-row').count()).toBeLessThan(CONTACTS);
  expect(await page.getByTestId('evidence-row').count()).toBeGreaterThan(0);
  await page.getByTestId('findings-only').uncheck();
  await expect(page.getByTestId('evidence-row')).toHaveCount(CONTACTS);

  // Letters: pick one, the text follows; the printed copy follows edits.
  await page.getByTestId('letter-select').selectOption('police-0');
  await expect(page.getByTestId('letter-text')).toHaveValue(/受案回执/);
  await expect(page.getByTestId('print-button')).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-button')).toBeHidden();
  await page.pdf({ path: PDF, format: 'A4', displayHeaderFooter: false, printBackground: true, preferCSSPageSize: true });

  const info = run('pdfinfo', [PDF]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(pages).toBeLessThanOrEqual(20);
  expect(info).toMatch(/Page size:.*\(A4\)/);

  const text = run('pdftotext', ['-layout', PDF, '-']);
  const perPage = text.split('\f').filter((p) => p.trim() !== '');
  expect(perPage.length).toBe(pages);
  const squash = (s: string) => s.replace(/\s+/g, '');
  const logPages = perPage.filter((p) => /LOGROW-\d+/.test(p));
  expect(logPages.length).toBeGreaterThanOrEqual(2);
  for (const p of logPages) {
    // The log table's header repeats on every page that has log rows.
    expect(squash(p)).toContain('内容摘要');
    expect(squash(p)).toContain('涉及规则');
  }
  // Every row made it onto paper (none cut away).
  const seen = new Set([...text.matchAll(/LOGROW-(\d+)/g)].map((m) => Number(m[1])));
  expect(seen.size).toBe(CONTACTS);
  // Page numbers from the @page margin box.
  expect(perPage[0]).toMatch(new RegExp(`1\\s*/\\s*${pages}`));
  const all = squash(text);
  expect(all).toContain(digest);
  expect(all).not.toContain(ID);
  expect(all).toContain(NAME);
  expect(all).toContain('受案回执');

  run('pdftoppm', ['-png', '-r', '60', PDF, PNG]);
});

test('10,000 contacts: the page renders, findings only by default', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const put = (k: string, d: unknown) => localStorage.setItem(k, JSON.stringify({ v: 2, d }));
    put('dek:settings', { time_zone: 'Asia/Shanghai', jurisdiction: 'cn' });
    put('dek:debtor', { name: '王小明' });
    const base = Date.parse('2025-06-01T00:00:00Z');
    for (let i = 1; i <= 10000; i++) {
      const at = new Date(base + i * 47 * 60_000).toISOString().replace('Z', '+00:00');
      put(`dek:c:${i}`, {
        seq: i, created_at: at.replace('+00:00', 'Z'), source: 'imported', hash: '',
        data: { at, channel: 'call', outcome: i % 3 ? 'unanswered' : 'talked', from_number: `0215550${i % 40}` },
      });
    }
  });
  await open(page, '#/evidence');
  await expect(page.getByTestId('evidence-title')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('findings-only')).toBeChecked();
  // Findings: one row per rule, entry lists cut short, the table fits a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  const table = page.getByTestId('evidence-findings-table');
  const box = (await table.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(390);
  expect(box.height).toBeLessThan(20_000);
  const ids = await page.locator('[data-testid="finding-row"] .rule-id').allTextContents();
  expect(new Set(ids).size).toBe(ids.length);
  const rows = await page.getByTestId('evidence-row').count();
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThanOrEqual(10000);
});
