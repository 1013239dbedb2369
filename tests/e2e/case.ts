// A realistic case, seeded in the app's storage format (src/storage: one key
// per record, envelope {"v":2,"d":…}) before the app starts: a borrower with
// one online-loan debt, an instalment agreement with payments (one late, one
// with a receipt), and a month of collection contacts, some to relatives.
import type { Page } from '@playwright/test';

export const CASE = {
  name: '王小明',
  phone: '13812345678',
  id: '11010519491231002X',
  lender: '示例消费金融',
  reference: 'LN-2025-0001',
  receiptSha: 'e'.repeat(64),
};

export async function seedCase(page: Page, contacts = 24) {
  await page.addInitScript(({ c, n }) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const put = (k: string, d: unknown) => localStorage.setItem(k, JSON.stringify({ v: 2, d }));
    put('dek:settings', { time_zone: 'Asia/Shanghai', jurisdiction: 'cn' });
    put('dek:debtor', { name: c.name, phone: c.phone, id_number: c.id });
    put('dek:debts', [{
      id: 'd1', lender: c.lender, lender_type: 'consumer_finance', reference: c.reference, currency: 'CNY',
      hotline: '95000', agencies: [{ name: '某催收公司', numbers: ['02155500000', '02155500001'] }],
    }]);
    put('dek:agreements', [{
      id: 'a1', debt_id: 'd1', kind: 'instalments', date_reached: '2026-02-20', channel: 'official_hotline',
      reference: 'AG-778', agreed_total: 300000,
      instalments: [
        { due: '2026-03-20', amount: 100000 }, { due: '2026-04-20', amount: 100000 }, { due: '2026-05-20', amount: 100000 },
      ],
      payments: [
        { id: 'p1', date: '2026-03-18', amount: 100000, channel: '银行转账', reference: 'TX20260318001',
          proofs: [{ name: '转账回单.png', size: 183211, sha256: c.receiptSha }] },
        { id: 'p2', date: '2026-04-23', amount: 100000, channel: '支付宝', reference: 'TX20260423009' },
      ],
      checklist: {
        written_confirmation: { status: 'done', date: '2026-02-21', proofs: [{ name: '协议短信截图.png', size: 234567, sha256: 'a'.repeat(64) }] },
      },
    }]);
    for (let i = 1; i <= n; i++) {
      const day = 1 + Math.floor((i - 1) / 2);
      const hour = i % 7 === 0 ? 22 : 9 + (i % 10);
      const at = `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+08:00`;
      const third = i % 6 === 0;
      const data: Record<string, unknown> = {
        at, channel: i % 5 === 0 ? 'sms' : 'call', outcome: 'talked', direction: 'incoming',
        from_number: `021555${String(i % 9).padStart(5, '0')}`, collector_name: '张专员', claimed_org: 'agency',
        agency: '某催收公司', target: third ? 'relative' : 'debtor', debt_id: 'd1',
        notes: `第${i}次：对方催我今天还清，说不还就联系家人。`,
      };
      if (third) { data.target_name = '李秀英'; data.number_dialled = '13900000001'; data.ticks = ['disclosed_debt']; }
      if (i === 9) data.ticks = ['threat_harm'];
      put(`dek:c:${i}`, { seq: i, created_at: new Date(Date.parse(at)).toISOString(), source: 'manual', hash: '', data });
    }
  }, { c: CASE, n: contacts });
}

/** Every page of the app, by route. */
export const PAGES = ['#/', '#/agreement', '#/contacts', '#/contacts/new', '#/contacts/3', '#/rules', '#/evidence', '#/data',
  '#/call', '#/call/hotline'];
