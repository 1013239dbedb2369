import { test, expect, open } from '../fixtures';
import type { Page } from '@playwright/test';

// A small log in the app's storage format (src/storage: key per record,
// envelope {"v":2,"d":…}). Hashes are left empty: the chain is not under test.
type C = {
  at: string; channel?: string; outcome?: string; direction?: string; target?: string;
  ticks?: string[]; number_dialled?: string; from_number?: string;
};

const LOG: C[] = [
  // 1: a call at 22:30 → CN-HOURS (and US-HOURS under US rules).
  { at: '2026-03-02T22:30:00+08:00', outcome: 'unanswered' },
  // 2–5: four answered calls to the debtor on one day → CN-DAILY-CONNECTED.
  { at: '2026-03-03T10:00:00+08:00' },
  { at: '2026-03-03T11:00:00+08:00' },
  { at: '2026-03-03T14:00:00+08:00' },
  { at: '2026-03-03T16:00:00+08:00' },
  // 6: a relative told about the debt → CN-TP-DISCLOSURE.
  { at: '2026-03-04T15:00:00+08:00', target: 'relative', ticks: ['disclosed_debt'], number_dialled: '13900000001' },
  // 7: the user's own call to the hotline: never a finding.
  { at: '2026-03-05T09:00:00+08:00', direction: 'outgoing', from_number: '95555' },
  // 8: an insult → CN-INSULT, whose revised-law source (2026) is marked unverified.
  { at: '2026-03-06T15:00:00+08:00', ticks: ['insult'] },
];

const NO_SCHEDULE = [{ id: 'a1', debt_id: 'd1', date_reached: '2026-03-04' }];

async function seed(page: Page, log: C[], jurisdiction = 'cn', agreements: unknown[] = NO_SCHEDULE) {
  await page.addInitScript(({ log, jurisdiction, agreements }) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const put = (k: string, d: unknown) => localStorage.setItem(k, JSON.stringify({ v: 2, d }));
    put('dek:settings', { time_zone: 'Asia/Shanghai', jurisdiction });
    put('dek:debts', [{ id: 'd1', lender: '示例消费金融', lender_type: 'consumer_finance' }]);
    put('dek:agreements', agreements);
    log.forEach((c, i) => {
      put(`dek:c:${i + 1}`, {
        seq: i + 1, created_at: new Date(Date.parse(c.at)).toISOString(), source: 'manual', hash: '',
        data: {
          at: c.at, channel: c.channel ?? 'call', outcome: c.outcome ?? 'talked',
          direction: c.direction ?? 'incoming', from_number: c.from_number ?? '02100000000',
          debt_id: 'd1', target: c.target ?? 'debtor', ticks: c.ticks ?? [],
          ...(c.number_dialled ? { number_dialled: c.number_dialled } : {}),
        },
      });
    });
  }, { log, jurisdiction, agreements });
}

const finding = (page: Page, id: string) => page.locator(`[data-testid="finding"][data-rule-id="${id}"]`);

async function noIllegalWording(page: Page) {
  for (const text of await page.getByTestId('finding').allInnerTexts()) {
    expect(text).not.toContain('违法');
    expect(text.toLowerCase()).not.toContain('illegal');
  }
}

test('CN findings: summary, grouped findings with sources, links and charts', async ({ page }) => {
  await seed(page, LOG);
  await open(page, '#/rules');
  await expect(page.getByTestId('rules-jurisdiction')).toHaveValue('cn');
  await expect(page.getByTestId('rules-zone')).toHaveValue('Asia/Shanghai');

  await expect(finding(page, 'CN-HOURS')).toHaveCount(1);
  await expect(finding(page, 'CN-DAILY-CONNECTED')).toHaveCount(1);
  await expect(finding(page, 'CN-TP-DISCLOSURE')).toHaveCount(1);

  // The measured figure, the lead wording and the strength label.
  const daily = finding(page, 'CN-DAILY-CONNECTED');
  await expect(daily).toContainText('2026-03-03 接通 4 次，上限 3 次');
  await expect(daily.getByTestId('strength-badge').first()).toHaveText('推荐性国家标准');
  await expect(daily).toContainText('示例消费金融');
  await expect(daily.getByTestId('finding-contact')).toHaveText(['#2', '#3', '#4', '#5']);

  const disclosure = finding(page, 'CN-TP-DISCLOSURE');
  await expect(disclosure).toHaveAttribute('data-strength', 'law');
  await expect(disclosure).toContainText('可能违反');
  await expect(disclosure).toContainText('由警方或法院认定');
  await expect(disclosure.getByTestId('citation').first()).toBeVisible();

  const night = finding(page, 'CN-HOURS');
  await expect(night).toContainText('2026-03-02');
  await expect(night.getByTestId('finding-contact')).toHaveAttribute('href', '#/contacts/1');

  // Unverified sources are marked on the finding and counted in the summary.
  const insult = finding(page, 'CN-INSULT');
  await expect(insult.getByTestId('unverified-badge').first()).toHaveText('未经核实');
  await expect(page.getByTestId('rules-summary-unverified')).toBeVisible();

  // Most serious first: the law-based group comes before the standard-based ones.
  const order = await page.getByTestId('rule-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
  expect(order.indexOf('CN-TP-DISCLOSURE')).toBeLessThan(order.indexOf('CN-HOURS'));

  // The user's own call is never listed as a violation.
  await expect(page.locator('[data-testid="finding-contact"][href="#/contacts/7"]')).toHaveCount(0);

  // Summary and the limits note.
  const total = await page.getByTestId('finding').count();
  await expect(page.getByTestId('rules-summary-head')).toContainText(`${total} 条结果`);
  await expect(page.getByTestId('rules-limits')).toContainText('不是法律意见');

  // Charts: bars per day with the agreement marked and the limit line, and the heat map.
  const perDay = page.getByTestId('chart-per-day');
  await expect(perDay.locator('svg')).toHaveAttribute('data-granularity', 'day');
  await expect(perDay.locator('svg > title')).toHaveCount(1);
  expect(await perDay.locator('svg rect').count()).toBeGreaterThanOrEqual(3);
  await expect(perDay).toContainText('协议');
  await expect(perDay).toContainText('上限 3 次');
  const heat = page.getByTestId('chart-heatmap');
  await expect(heat.locator('svg > title')).toHaveText('按星期和钟点分布');
  // 168 cells, plus the band boxes and the legend.
  expect(await heat.locator('svg rect').count()).toBeGreaterThanOrEqual(168);
  await expect(heat).toContainText('22:00–08:00');

  await noIllegalWording(page);

  // A contact link opens that contact.
  await night.getByTestId('finding-contact').click();
  await expect(page).toHaveURL(/#\/contacts\/1$/);
});

// An agreement reached 2026-03-01, first instalment due 2026-03-20 (nothing due yet).
const SCHEDULE = [{
  id: 'a1', debt_id: 'd1', date_reached: '2026-03-01',
  instalments: [{ due: '2026-03-20', amount: 10000 }], payments: [],
}];
const AGREEMENT_LOG: C[] = [
  // 1–3: three calls within 10 minutes → CN-BURST (guidance); 3 calls that day.
  { at: '2026-03-02T10:00:00+08:00' },
  { at: '2026-03-02T10:04:00+08:00' },
  { at: '2026-03-02T10:08:00+08:00' },
  // 4: demanded the old amount.
  { at: '2026-03-05T11:00:00+08:00', ticks: ['demanded_old_amount'] },
  // 5: an insult: CN-INSULT cites the revised law's art. 50 [R].
  { at: '2026-03-06T15:00:00+08:00', ticks: ['insult'] },
];

test('guidance findings state their basis; agreement findings are grouped and exact; summary table', async ({ page }) => {
  await seed(page, AGREEMENT_LOG, 'cn', SCHEDULE);
  await open(page, '#/rules');

  // One finding for the week, listing its contacts, worded per tick.
  const agreement = finding(page, 'CN-AGREEMENT-OLD-SCHEDULE');
  await expect(agreement).toHaveCount(1);
  await expect(agreement.getByTestId('finding-contact')).toHaveText(['#1', '#2', '#3', '#4', '#5']);
  await expect(agreement).toContainText('联系 1 次要求按原欠款或原条件还款');
  await expect(agreement).toContainText('你没有逾期的情况下，对方仍在催收，联系 4 次（记录未标明只是提醒下一期还款）');
  await expect(agreement).not.toContainText('按期还款期间');

  // No primary source: the basis is said honestly, related sources shown as background.
  for (const id of ['CN-AGREEMENT-OLD-SCHEDULE', 'CN-BURST']) {
    const f = finding(page, id).first();
    await expect(f.getByTestId('finding-basis-guidance')).toContainText('依据：实务建议（本应用的判断，不是法规）');
  }
  await expect(agreement).toContainText('背景（相关来源');
  await expect(agreement.getByTestId('citation').first()).toContainText('民法典');

  // Verification marks: [R] in words, [U] once (badge only).
  await expect(page.getByTestId('rules-findings')).toContainText('（未见原文，依据公开报道）');
  const text = await page.locator('main').innerText();
  expect(text).not.toContain('未经核实（未经核实）');
  expect(text).not.toContain('据报道核对');

  // The summary count of unverified findings equals the badges shown.
  const badged = await page.locator('[data-testid="finding"]:has(.finding-badges [data-testid="unverified-badge"])').count();
  await expect(page.getByTestId('rules-summary-unverified')).toContainText(`${badged} 条`);

  // Summary table: one row per rule with findings and days, linking to the group.
  const row = page.locator('[data-testid="rules-table-row"][data-rule-id="CN-AGREEMENT-OLD-SCHEDULE"]');
  await expect(row.getByTestId('rules-table-findings')).toHaveText('1');
  await expect(row.getByTestId('rules-table-days')).toHaveText('3');
  expect(await page.getByTestId('rules-table-row').count()).toBe(await page.getByTestId('rule-group').count());
  await row.locator('a').click();
  await expect(page).toHaveURL(/#\/rules$/);
  await expect(page.locator('#rule-cn-agreement-old-schedule')).toBeInViewport();

  // Per-day chart: 3 contacts at most, limit 3, so the axis tops out at 4.
  const axis = await page.getByTestId('chart-per-day').locator('svg text').allTextContents();
  expect(axis).toContain('4');
  expect(axis).toContain('3');
  await noIllegalWording(page);
});

test('switching to US rules replaces the CN findings and is saved', async ({ page }) => {
  await seed(page, LOG);
  await open(page, '#/rules');
  await expect(finding(page, 'CN-HOURS')).toHaveCount(1);
  await page.getByTestId('rules-jurisdiction').selectOption('us');
  await expect(finding(page, 'US-HOURS')).toHaveCount(1);
  await expect(page.locator('[data-testid="finding"][data-rule-id^="CN-"]')).toHaveCount(0);
  await expect(page.getByTestId('rules-us-zone-note')).toBeVisible();
  await expect(page.getByTestId('chart-heatmap')).toContainText('21:00–08:00');
  await expect(page.getByTestId('chart-per-day')).not.toContainText('上限 3 次');
  // US-INCONVENIENT is checked against what the user records here.
  await expect(page.getByTestId('inconvenient-panel')).toBeVisible();
  await noIllegalWording(page);

  await page.reload();
  await expect(page.getByTestId('rules-jurisdiction')).toHaveValue('us');
  expect(await page.evaluate(() => localStorage.getItem('dek:settings'))).toContain('"jurisdiction":"us"');

  // The zone is a setting too: in New York the 22:30 Shanghai call is 09:30, inside
  // US hours, while the 10:00 Shanghai call is 21:00 the evening before, outside.
  await expect(finding(page, 'US-HOURS').locator('[href="#/contacts/1"]')).toHaveCount(1);
  await page.getByTestId('rules-zone').selectOption('America/New_York');
  await expect(finding(page, 'US-HOURS').locator('[href="#/contacts/1"]')).toHaveCount(0);
  await expect(finding(page, 'US-HOURS').locator('[href="#/contacts/2"]')).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('dek:settings'))).toContain('America/New_York');
});

test('English: same findings, no "illegal"; empty state links to the quick log', async ({ page }) => {
  await seed(page, LOG);
  await open(page, '#/rules');
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(finding(page, 'CN-DAILY-CONNECTED')).toContainText('4 connected calls on 2026-03-03, limit 3');
  await expect(finding(page, 'CN-TP-DISCLOSURE')).toContainText('the police or a court decides');
  await expect(page.getByTestId('chart-heatmap').locator('svg > title')).toHaveText('By weekday and hour');
  await noIllegalWording(page);

  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('dek:c:')) localStorage.removeItem(k);
  });
  await page.reload();
  await expect(page.getByTestId('rules-empty')).toBeVisible();
  await expect(page.getByTestId('finding')).toHaveCount(0);
  await page.getByTestId('rules-log-contact').click();
  await expect(page).toHaveURL(/#\/contacts\/new$/);
});

test('a quick-logged 22:30 call shows up as a night finding', async ({ page }) => {
  await open(page, '#/contacts/new');
  await page.getByTestId('channel-call').click();
  await page.getByTestId('outcome-talked').click();
  await page.getByTestId('contact-date').fill('2026-03-02');
  await page.getByTestId('contact-time').fill('22:30');
  await page.getByTestId('contact-number').fill('02100000000');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await page.getByTestId('nav-rules').click();
  await expect(finding(page, 'CN-HOURS')).toHaveCount(1);
  await expect(finding(page, 'CN-HOURS')).toContainText('2026-03-02 当晚联系 1 次');
});

test('10,000 contacts: the check and charts stay small and responsive', async ({ page }) => {
  await page.addInitScript(() => {
    if (localStorage.getItem('dek:c:1')) return;
    const base = Date.parse('2025-06-01T00:00:00Z');
    for (let i = 1; i <= 10000; i++) {
      const at = new Date(base + i * 1_800_000).toISOString().replace('Z', '+00:00');
      localStorage.setItem(`dek:c:${i}`, JSON.stringify({ v: 2, d: {
        seq: i, created_at: at.replace('+00:00', 'Z'), source: 'imported',
        data: { at, channel: 'call', outcome: i % 3 ? 'unanswered' : 'talked', direction: 'incoming',
                from_number: `1380000${String(i % 50).padStart(4, '0')}`, target: 'debtor' },
        hash: '' } }));
    }
  });
  const t0 = Date.now();
  await open(page, '#/rules');
  await expect(page.getByTestId('rules-summary-head')).toBeVisible({ timeout: 30_000 });
  console.log(`10k contacts: rules page ready after ${Date.now() - t0} ms`);
  // ~208 days of log: grouped by week, so well under 130 bars.
  const svg = page.getByTestId('chart-per-day').locator('svg');
  await expect(svg).toHaveAttribute('data-granularity', 'week');
  expect(await svg.locator('rect').count()).toBeLessThanOrEqual(130);
  // Long groups are paged.
  const firstGroup = page.getByTestId('rule-group').first();
  expect(await firstGroup.getByTestId('finding').count()).toBeLessThanOrEqual(10);
  await noIllegalWording(page);
});

test('US: a time window said to be inconvenient is recorded, and later calls in it become findings', async ({ page }) => {
  await seed(page, [
    // 1: before the day it was said; 2: inside the window; 3: outside it.
    { at: '2026-03-03T09:00:00-05:00' },
    { at: '2026-03-05T09:00:00-05:00' },
    { at: '2026-03-05T11:00:00-05:00' },
  ], 'us');
  await open(page, '#/rules');
  await page.getByTestId('rules-zone').selectOption('America/New_York');
  await expect(finding(page, 'US-HOURS')).toHaveCount(0);
  await expect(finding(page, 'US-INCONVENIENT')).toHaveCount(0);

  await page.getByTestId('inconvenient-date').fill('2026-03-04');
  await page.getByTestId('inconvenient-save').click();
  await expect(page.getByTestId('inconvenient-error')).toBeVisible();
  await expect(page.getByTestId('inconvenient-item')).toHaveCount(0);

  await page.getByTestId('inconvenient-from').fill('00:00');
  await page.getByTestId('inconvenient-to').fill('10:00');
  await page.getByTestId('inconvenient-save').click();
  await expect(page.getByTestId('inconvenient-error')).toHaveCount(0);
  await expect(page.getByTestId('inconvenient-item')).toHaveText(/2026-03-04：00:00–10:00 不方便（告诉了所有催收方）/);
  const f = finding(page, 'US-INCONVENIENT');
  await expect(f).toHaveCount(1);
  await expect(f.locator('[href="#/contacts/2"]')).toHaveCount(1);
  await expect(f).toContainText('2026-03-04 你告诉对方 00:00–10:00 不方便，2026-03-05 09:00 仍有联系');
  await expect(f).toContainText('§1692c(a)(1)');
  expect(await page.evaluate(() => localStorage.getItem('dek:events'))).toContain('"kind":"inconvenient"');

  await page.reload();
  await expect(finding(page, 'US-INCONVENIENT')).toHaveCount(1);
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(finding(page, 'US-INCONVENIENT')).toContainText('contact on 2026-03-05 09:00, within 00:00–10:00, which you said on 2026-03-04 is inconvenient');
  await expect(page.getByTestId('inconvenient-item')).toHaveText(/2026-03-04: 00:00–10:00 inconvenient \(told every collector\)/);
  await noIllegalWording(page);

  await page.getByTestId('inconvenient-delete').click();
  await expect(page.getByTestId('inconvenient-item')).toHaveCount(0);
  await expect(finding(page, 'US-INCONVENIENT')).toHaveCount(0);
});
