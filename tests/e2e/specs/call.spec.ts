import { test, expect, open } from '../fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = process.env.DIST_DIR || join(__dirname, '../../../dist');

// 22:05 in Shanghai: the companion opens at this (fake) time.
const START = new Date('2026-03-10T22:05:00+08:00');

/** One debt with a hotline and an agreement with a reference (storage format of src/storage). */
async function seed(page: Page) {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const put = (k: string, d: unknown) => localStorage.setItem(k, JSON.stringify({ v: 2, d }));
    put('dek:settings', { time_zone: 'Asia/Shanghai', jurisdiction: 'cn' });
    put('dek:debts', [{ id: 'd1', lender: '示例消费金融', lender_type: 'consumer_finance', hotline: '95000' }]);
    put('dek:agreements', [{
      id: 'a1', debt_id: 'd1', date_reached: '2026-02-01', channel: 'official_hotline',
      agent: '王 A123', reference: 'XY-2026-9',
      instalments: [{ due: '2026-03-01', amount: 50000 }, { due: '2026-04-01', amount: 50000 }],
      payments: [{ id: 'p1', date: '2026-02-28', amount: 50000 }],
    }]);
  });
}

async function stored(page: Page, key: string) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  return raw === null ? null : JSON.parse(raw).d;
}

async function contactKeys(page: Page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => /^dek:c:\d+$/.test(k)).sort());
}

const script = (page: Page) => page.getByTestId('call-line');

test('opens in one tap from the header of every page', async ({ page }) => {
  await open(page, '#/');
  await page.getByTestId('call-open').click();
  await expect(page.getByTestId('call-companion')).toBeVisible();
  await expect(page.getByTestId('call-timer')).toHaveText(/^\d+:\d\d$/);
  for (const hash of ['#/agreement', '#/contacts/new', '#/rules', '#/data']) {
    await open(page, hash);
    await expect(page.getByTestId('call-open')).toBeVisible();
  }
  // The quick-log button is not over the companion's own buttons.
  await open(page, '#/call');
  await expect(page.getByTestId('quick-log-fab')).toBeHidden();
});

test('the home-screen shortcut of both manifests opens the companion', async ({ page }) => {
  for (const file of ['manifest.webmanifest', 'manifest-neutral.webmanifest']) {
    const manifest = JSON.parse(readFileSync(join(DIST, file), 'utf8'));
    expect(manifest.shortcuts).toHaveLength(1);
    const url: string = manifest.shortcuts[0].url;
    expect(url).toBe('./#/call');
    await page.goto(url);
    await expect(page.getByTestId('call-companion')).toBeVisible();
    await page.goto('about:blank');
  }
  // The neutral shortcut's name gives nothing away.
  const neutral = readFileSync(join(DIST, 'manifest-neutral.webmanifest'), 'utf8');
  expect(neutral).not.toMatch(/催收|来电|collect/i);
});

test('a full call: script, three ticks and a stop request become one entry with the right times; the rule page shows what the request feeds', async ({ page }) => {
  await page.clock.install({ time: START });
  await seed(page);
  await open(page, '#/call');
  await expect(page.getByTestId('call-started')).toContainText('22:05');
  // The agreement card, to read out.
  await expect(page.getByTestId('card-reference')).toHaveText('XY-2026-9');
  await expect(page.getByTestId('card-paid')).toHaveText('500.00 CNY');
  await expect(page.getByTestId('card-next')).toHaveText('2026-04-01 · 500.00 CNY');
  await expect(script(page).first()).toHaveAttribute('data-line', 'AskIdentity');
  await expect(page.locator('[data-line=AgreementExists]')).toContainText('XY-2026-9');
  await expect(page.locator('[data-line=ThirdPartyStop]')).toHaveCount(0);

  await page.clock.fastForward('01:05');
  await page.getByTestId('call-tap-threat_harm').click();
  await page.clock.fastForward('01:00');
  await page.getByTestId('call-tap-insult').click();
  await page.getByTestId('call-tap-threatened_contacts').click();
  // Family drawn in: the script asks them to leave third parties alone.
  await expect(page.locator('[data-line=ThirdPartyStop]')).toHaveCount(1);
  await page.getByTestId('call-caller-name').fill('张三');
  await page.getByTestId('call-caller-id').fill('CS-0451');
  await page.getByTestId('call-caller-org').fill('某某催收公司');
  await page.getByTestId('call-number').fill('02112345678');
  await expect(page.locator('[data-line=AskIdentity]')).toHaveCount(0);
  await page.clock.fastForward('01:00');
  await page.getByTestId('call-stop').click();
  await expect(page.getByTestId('call-stop-noted')).toBeVisible();
  await expect(page.getByTestId('call-moment')).toHaveCount(4);
  await page.clock.fastForward('00:30');
  await page.getByTestId('call-end').click();

  // The usual form, filled, for review; the usual validation on save.
  await expect(page.getByTestId('call-review')).toBeVisible();
  await expect(page.getByTestId('contact-time')).toHaveValue(/^22:05:0\d$/);
  await expect(page.getByTestId('contact-collector-name')).toHaveValue('张三');
  await expect(page.getByTestId('contact-duration')).toHaveValue(/^3:3\d$/);
  await expect(page.getByTestId('quick-exit')).toBeVisible();
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();

  expect(await contactKeys(page)).toEqual(['dek:c:1']);
  const c = await stored(page, 'dek:c:1');
  expect(c.data.at).toMatch(/^2026-03-10T22:05:0\d\+08:00$/);
  expect(c.data.duration_secs).toBeGreaterThanOrEqual(215);
  expect(c.data.duration_secs).toBeLessThanOrEqual(218);
  expect(c.data.debt_id).toBe('d1');
  expect(c.data.from_number).toBe('02112345678');
  expect(c.data.collector_id).toBe('CS-0451');
  expect(c.data.agency).toBe('某某催收公司');
  expect(c.data.ticks).toEqual(['threat_harm', 'insult', 'threatened_contacts', 'stop_requested']);
  // Each tap with the minute it happened.
  expect(c.data.notes).toMatch(/22:06 \(\+1:0\d\) /);
  expect(c.data.notes).toMatch(/22:08 \(\+3:0\d\) 我\/被联系人要求别再打/);
  expect(await stored(page, 'dek:call')).toBeNull();

  // The next evening the same lender calls again: the stop request's finding.
  await page.clock.setSystemTime(new Date('2026-03-11T19:00:00+08:00'));
  await open(page, '#/call');
  await expect(page.getByTestId('call-restored')).toHaveCount(0);
  await page.clock.fastForward('00:40');
  await page.getByTestId('call-end').click();
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  expect(await contactKeys(page)).toEqual(['dek:c:1', 'dek:c:2']);
  await page.getByTestId('nav-rules').click();
  const f = page.locator('[data-testid="finding"][data-rule-id="CN-AFTER-STOP-REQUEST"]');
  await expect(f).toHaveCount(1);
  await expect(f.getByTestId('finding-contact')).toHaveText(['#2']);
});

test('an interrupted call comes back, and becomes its entry on review', async ({ page }) => {
  await page.clock.install({ time: START });
  await seed(page);
  await open(page, '#/call');
  await page.clock.fastForward('00:20');
  await page.getByTestId('call-tap-insult').click();
  await page.getByTestId('call-caller-name').fill('李四');
  await page.clock.fastForward('00:15');
  // The tab goes away mid-call (closed, killed in the background).
  await page.reload();
  await expect(page.getByTestId('call-restored')).toBeVisible();
  await expect(page.getByTestId('call-started')).toContainText('22:05');
  await expect(page.getByTestId('call-caller-name')).toHaveValue('李四');
  await expect(page.getByTestId('call-moment')).toHaveCount(1);
  // The timer resumes from what was counted before, not from zero.
  await expect(page.getByTestId('call-timer')).not.toHaveText('0:00');
  await page.getByTestId('call-end').click();
  await expect(page.getByTestId('call-review')).toBeVisible();
  // Reviewing can be interrupted too: the call stays stored until saved.
  await page.reload();
  await expect(page.getByTestId('call-review')).toBeVisible();
  await expect(page.getByTestId('contact-collector-name')).toHaveValue('李四');
  await expect(page.locator('[data-testid=tick-insult] input')).toBeChecked();
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  expect(await stored(page, 'dek:call')).toBeNull();
  expect((await stored(page, 'dek:c:1')).data.ticks).toEqual(['insult']);
});

test('a call saved in one tab is not brought back by another tab that had it open', async ({ page }) => {
  await seed(page);
  await open(page, '#/call');
  await page.getByTestId('call-tap-insult').click();
  await page.getByTestId('call-caller-name').fill('王五');
  // A second tab opens the companion on the same call (restored from storage).
  const other = await page.context().newPage();
  await open(other, '#/call');
  await expect(other.getByTestId('call-caller-name')).toHaveValue('王五');
  // The first tab ends the call and saves its entry.
  await page.getByTestId('call-end').click();
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await expect.poll(() => stored(other, 'dek:call')).toBeNull();
  // The other tab keeps its timer and goes away: it must not write the call back.
  await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(other.getByTestId('call-saved-elsewhere')).toBeVisible();
  await other.close();
  expect(await stored(page, 'dek:call')).toBeNull();
  await open(page, '#/call');
  await expect(page.getByTestId('call-restored')).toHaveCount(0);
  await expect(page.getByTestId('call-caller-name')).toHaveValue('');
  expect(await contactKeys(page)).toEqual(['dek:c:1']);
});

test('two tabs reviewing the same call save it once', async ({ page }) => {
  await seed(page);
  await open(page, '#/call');
  await page.getByTestId('call-tap-insult').click();
  const other = await page.context().newPage();
  await open(other, '#/call');
  await expect(other.getByTestId('call-restored')).toBeVisible();
  await page.getByTestId('call-end').click();
  await other.getByTestId('call-end').click();
  await expect(other.getByTestId('call-review')).toBeVisible();
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  // The review banner goes with the saved call: the empty form is a new entry.
  await expect(page.getByTestId('call-review')).toHaveCount(0);
  await other.getByTestId('contact-save').click();
  await expect(other.getByTestId('contact-call-saved-before')).toBeVisible();
  await expect(other.getByTestId('contact-saved')).toHaveCount(0);
  expect(await contactKeys(page)).toEqual(['dek:c:1']);
  await other.close();
});

test('a review is kept across a reload and the call is saved once, from the quick log too', async ({ page }) => {
  await seed(page);
  await open(page, '#/call');
  await page.getByTestId('call-tap-threat_harm').click();
  await page.getByTestId('call-end').click();
  await page.getByTestId('contact-notes').fill('我的补充：他说要去我单位');
  await page.reload();
  await expect(page.getByTestId('call-review')).toBeVisible();
  await expect(page.getByTestId('contact-notes')).toHaveValue('我的补充：他说要去我单位');
  // Left for another page, the review comes back on the plain quick log.
  await open(page, '#/');
  await open(page, '#/contacts/new');
  await expect(page.getByTestId('draft-offered')).toBeVisible();
  // The quick log opens short: the notes are under "more details".
  await page.getByTestId('contact-more').click();
  await expect(page.getByTestId('contact-notes')).toHaveValue('我的补充：他说要去我单位');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  expect(await stored(page, 'dek:call')).toBeNull();
  await open(page, '#/call');
  await expect(page.getByTestId('call-restored')).toHaveCount(0);
  expect(await contactKeys(page)).toEqual(['dek:c:1']);
});

test('a damaged or impossible stored call is copied aside, never shown or written over', async ({ page }) => {
  const bad = '{"v":2,"d":{"started_at":"+262142-12-31T23:59:00Z","zone":"Asia/Shanghai","debt_id":"","moments":[],"from_number":"","caller_name":"","caller_id":"","caller_org":"","elapsed_secs":0,"ended":false}}';
  await page.addInitScript((v) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('dek:call', v);
  }, bad);
  await open(page, '#/call');
  await expect(page.getByTestId('call-companion')).toBeVisible();
  await expect(page.getByTestId('call-restored')).toHaveCount(0);
  await page.getByTestId('call-tap-insult').click();
  await expect(page.getByTestId('call-moment')).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('dek:quarantine:dek:call'))).toBe(bad);
  // The rest of the app still opens.
  await open(page, '#/contacts');
  await expect(page.getByTestId('page-title')).toBeVisible();
});

test('the hotline guide logs a call the user made and fills the checklist', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-10T10:00:00+08:00') });
  await seed(page);
  await open(page, '#/call');
  await page.getByTestId('call-hotline-link').click();
  await expect(page.getByTestId('hotline-guide')).toBeVisible();
  await expect(page.getByTestId('hotline-number')).toHaveValue('95000');
  await expect(page.getByTestId('hotline-dial')).toHaveAttribute('href', 'tel:95000');
  await page.getByTestId('hotline-start').click();
  await page.getByTestId('hotline-recorded-yes').click();
  await page.getByTestId('hotline-app-no').click();
  await page.getByTestId('hotline-where').fill('短信');
  await page.getByTestId('hotline-when').fill('3个工作日内');
  await page.getByTestId('hotline-agent-name').fill('赵');
  await page.getByTestId('hotline-agent-id').fill('K-88');
  await page.getByTestId('hotline-reference').fill('T-7');
  await page.clock.fastForward('04:00');
  await page.getByTestId('hotline-save').click();
  await expect(page.getByTestId('hotline-saved')).toContainText('#1');

  const c = await stored(page, 'dek:c:1');
  expect(c.data.direction).toBe('outgoing');
  expect(c.data.number_dialled).toBe('95000');
  expect(c.data.collector_id).toBe('K-88');
  expect(c.data.duration_secs).toBeGreaterThanOrEqual(240);

  await page.getByTestId('hotline-open-agreement').click();
  await expect(page.getByTestId('checklist-status-hotline_confirmed')).toHaveValue('done');
  await expect(page.getByTestId('checklist-status-app_shows_plan')).toHaveValue('todo');
  const a = (await stored(page, 'dek:agreements'))[0];
  expect(a.checklist.hotline_confirmed.date).toBe('2026-03-10');
  expect(a.checklist.hotline_confirmed.note).toContain('通话记录 #1');
  expect(a.checklist.hotline_confirmed.note).toContain('2026-03-10 10:0');
  expect(a.checklist.app_shows_plan.note).toContain('还没有显示新计划');
  expect(a.checklist.written_confirmation.note).toContain('3个工作日内');
  // The user's own call is never counted by the rules.
  await page.getByTestId('nav-rules').click();
  await expect(page.locator('[data-testid="finding-contact"][href="#/contacts/1"]')).toHaveCount(0);
});

for (const width of [320, 390, 1366]) {
  test(`fits ${width} px and shows large targets (screenshot)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 740 });
    await page.clock.install({ time: START });
    await seed(page);
    await open(page, '#/call');
    await page.getByTestId('call-tap-insult').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    for (const id of ['call-stop', 'call-end', 'call-tap-threat_harm', 'call-open']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box?.height ?? 0, id).toBeGreaterThanOrEqual(44);
    }
    // The header link sits beside the quick exit, never over it.
    const exit = await page.getByTestId('quick-exit').boundingBox();
    const link = await page.getByTestId('call-open').boundingBox();
    expect(exit && link && (link.x + link.width <= exit.x || exit.x + exit.width <= link.x || link.y + link.height <= exit.y || exit.y + exit.height <= link.y)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`call-${width}.png`), fullPage: true });
    await open(page, '#/call/hotline');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`hotline-${width}.png`), fullPage: true });
    // English labels are the longest: they wrap inside their buttons.
    await page.evaluate(() => localStorage.setItem('dek:prefs', JSON.stringify({ v: 2, d: { lang: 'en' } })));
    await open(page, '#/call');
    await page.reload();
    await expect(page.getByTestId('call-end')).toHaveText(/End call/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`call-en-${width}.png`), fullPage: true });
    await open(page, '#/');
    await page.screenshot({ path: testInfo.outputPath(`home-${width}.png`) });
  });
}

test('the companion comes in a chunk of its own: the first visit does not fetch it', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (/\/split_\w+-[0-9a-f]+\.wasm$/.test(p)) chunks.push(p.replace(/-[0-9a-f]+\.wasm$/, ''));
  });
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  expect(chunks).toEqual([]);
  await page.getByTestId('call-open').click();
  await expect(page.getByTestId('call-companion')).toBeVisible();
  expect(chunks).toEqual(['/split_call_page']);
});
