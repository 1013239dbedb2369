import { BrowserContext, Page, chromium } from '@playwright/test';
import { test, expect, open } from '../fixtures';

type Stored = { seq: number; number: string; notes: string[] };

/** Every stored contact, read from localStorage as the app wrote it. */
const storedContacts = (page: Page): Promise<Stored[]> =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => /^dek:c:\d+$/.test(k))
      .map((k) => JSON.parse(localStorage.getItem(k)!).d)
      .map((c: any) => ({
        seq: c.seq,
        number: c.data.from_number ?? '',
        notes: [c.data.notes ?? '', ...(c.history ?? []).map((v: any) => v.data.notes ?? '')],
      })),
  );

/** Submit the open contact form now (both tabs at the same moment, no actionability wait). */
const submitNow = (page: Page) =>
  page.evaluate(() => (document.querySelector('[data-testid="contact-form"]') as HTMLFormElement).requestSubmit());

/** Wait for the quick log to confirm and return the number it confirmed. */
async function confirmedSeq(page: Page): Promise<number> {
  // The form empties only once the save is confirmed.
  await expect(page.getByTestId('contact-number')).toHaveValue('');
  const text = (await page.getByTestId('contact-saved').innerText()).match(/第 (\d+) 条/);
  expect(text).not.toBeNull();
  return Number(text![1]);
}

async function twoTabs(page: Page, context: BrowserContext, withEdits: boolean) {
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill('seed');
  await submitNow(page);
  expect(await confirmedSeq(page)).toBe(1);
  const other = await context.newPage();
  const tabs: [Page, string][] = [[page, 'A'], [other, 'B']];
  await open(other, '#/contacts/new');
  const confirmed: { number: string; seq: number }[] = [];
  const edits: string[] = [];
  for (let i = 0; i < 100; i++) {
    // Both tabs save at the same moment, each before it can hear of the other's entry.
    await Promise.all(tabs.map(([p, tab]) => p.getByTestId('contact-number').fill(`${tab}${i}`)));
    await Promise.all(tabs.map(([p]) => submitNow(p)));
    for (const [p, tab] of tabs) confirmed.push({ number: `${tab}${i}`, seq: await confirmedSeq(p) });
    if (withEdits && i % 10 === 5) {
      // Both open entry #1 for editing, then save different notes at the same moment.
      for (const [p] of tabs) {
        await open(p, '#/contacts/1');
        await p.getByTestId('contact-edit').click();
      }
      await Promise.all(tabs.map(([p, tab]) => p.getByTestId('contact-notes').fill(`edit-${tab}-${i}`)));
      await Promise.all(tabs.map(([p]) => submitNow(p)));
      for (const [p, tab] of tabs) {
        await expect(p.getByTestId('contact-edit')).toBeVisible();
        edits.push(`edit-${tab}-${i}`);
        await open(p, '#/contacts/new');
      }
    }
  }
  expect(confirmed).toHaveLength(200);
  expect(edits).toHaveLength(withEdits ? 20 : 0);
  // Let the tabs fold each other's last writes, then count what is stored.
  // Chromium hands localStorage writes between tab processes asynchronously,
  // so under heavy CPU load two tabs can still take one number; the clash is
  // repaired when the tabs fold each other's writes (README, issue 18): in
  // runs with two more browsers busy, 1-3 of 200 entries were still being
  // moved after 1 s, none after 8 s. This counts after 3 s.
  await page.waitForTimeout(3000);
  const stored = await storedContacts(page);
  const numbers = stored.map((c) => c.number);
  const lost = confirmed.filter((c) => !numbers.includes(c.number));
  console.log(`two tabs: ${confirmed.length} confirmed saves, ${lost.length} lost; ${stored.length} stored`);
  expect(lost).toEqual([]);
  expect(stored).toHaveLength(201);
  expect(new Set(stored.map((c) => c.seq)).size).toBe(201);
  // Every edit is either current or in the history of entry #1.
  const first = stored.find((c) => c.seq === 1)!;
  expect(first.number).toBe('seed');
  const missingEdits = edits.filter((e) => !first.notes.includes(e));
  console.log(`two tabs: ${edits.length} edits of one entry, ${missingEdits.length} lost`);
  expect(missingEdits).toEqual([]);
  // Visible in both tabs after a reload: the history holds every edit.
  for (const p of [page, other]) {
    await open(p, '#/contacts/1');
    await p.reload();
    // The reloaded page first says it is opening; wait for the entry itself.
    for (const e of edits) await expect(p.getByTestId('page')).toContainText(e);
  }
}

test('two tabs saving at the same moments 200 times lose no confirmed save', async ({ page, context }) => {
  test.setTimeout(600_000);
  await twoTabs(page, context, false);
});

test('two tabs interleaving 200 saves and 20 edits lose no confirmed save and no edit', async ({ page, context }) => {
  test.setTimeout(600_000);
  await twoTabs(page, context, true);
});

/** Contacts as the storage test seeds them: seq, a number tagged old/new. */
function seed(count: number, tag: string) {
  const out: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const at = new Date(Date.parse('2026-03-01T00:00:00Z') + i * 60_000).toISOString();
    out[`dek:c:${i}`] = JSON.stringify({
      v: 2,
      d: { seq: i, created_at: at, hash: '', data: { at: at.replace('Z', '+00:00'), from_number: `${tag}${i}` } },
    });
  }
  return out;
}

/** Put `entries` into the origin's localStorage before the app first starts. */
async function seedOrigin(page: Page, entries: Record<string, string>) {
  // Any file of the origin will do; the app must not start before the seed is in.
  await page.goto('./icon.svg');
  await page.evaluate((e) => { for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
}

test('a replace killed at any point leaves the old case (and says so) or the new one, never a mix', async ({ page }, testInfo) => {
  test.setTimeout(900_000);
  const OLD = 1000;
  const NEW = 3000;
  // The backup to restore, exported by the app itself.
  await seedOrigin(page, seed(NEW, 'new'));
  await open(page, '#/data');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-backup').click();
  const backup = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of backup) chunks.push(c as Buffer);
  const file = Buffer.concat(chunks);

  /** A browser of its own (a killed renderer must not take the next try's tabs
   *  with it), a tab holding OLD contacts with the backup previewed, another tab open. */
  const prepare = async () => {
    const browser = await chromium.launch(testInfo.project.use.launchOptions);
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', serviceWorkers: 'block' });
    const tab = await context.newPage();
    await seedOrigin(tab, seed(OLD, 'old'));
    // A second page of the origin stays open, as another tab would.
    const keeper = await context.newPage();
    await open(keeper, '#/');
    await open(tab, '#/data');
    await tab.getByTestId('import-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: file });
    await expect(tab.getByTestId('import-preview')).toBeVisible();
    return { browser, context, tab };
  };
  /** Confirm "replace" from inside the page, so nothing here waits for it to finish. */
  const replaceNow = (tab: Page) =>
    tab.evaluate(() => {
      window.confirm = () => true;
      setTimeout(() => (document.querySelector('[data-testid="import-replace"]') as HTMLElement).click(), 0);
    });

  // How long an uninterrupted replace takes here: the sweep spans it.
  const calibrate = await prepare();
  const t0 = Date.now();
  await replaceNow(calibrate.tab);
  await expect(calibrate.tab.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
  const took = Date.now() - t0;
  await calibrate.browser.close();

  const outcomes: Record<string, number> = {};
  const points = 12;
  for (let k = 0; k <= points; k++) {
    const delay = Math.round((took * 1.2 * k) / points);
    const { browser, context, tab } = await prepare();
    const cdp = await context.newCDPSession(tab);
    const crashed = new Promise((r) => tab.once('crash', r));
    await replaceNow(tab);
    await new Promise((r) => setTimeout(r, delay));
    cdp.send('Page.crash').catch(() => {});
    await Promise.race([crashed, new Promise((r) => setTimeout(r, 5000))]);
    // Reopen: what does the log hold, and what does the app say?
    const after = await context.newPage();
    await open(after, '#/contacts');
    await expect(after.getByTestId('contact-row').first()).toBeVisible();
    const stored = await storedContacts(after);
    const tags = new Set(stored.map((c) => c.number.replace(/\d+$/, '')));
    const told = await after.getByTestId('banner-interrupted').isVisible();
    let state: string;
    if (tags.size === 1 && tags.has('new') && stored.length === NEW) state = 'new';
    else if (tags.size === 1 && tags.has('old') && stored.length === OLD) state = told ? 'old, restore undone and reported' : 'old, untouched';
    else state = `MIXED ${stored.length}`;
    outcomes[state] = (outcomes[state] ?? 0) + 1;
    expect(state, `kill ${delay} ms after confirming (replace takes ${took} ms)`).not.toContain('MIXED');
    if (state === 'new') expect(told).toBe(false);
    expect(await after.evaluate(() => localStorage.getItem('dek:journal'))).toBeNull();
    await browser.close();
  }
  console.log(`replace kill sweep: ${JSON.stringify(outcomes)}`);
  expect(outcomes['new'] ?? 0).toBeGreaterThan(0);
});
