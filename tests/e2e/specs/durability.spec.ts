import { Page } from '@playwright/test';
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

test('two tabs interleaving 200 saves and 20 edits lose no confirmed save and no edit', async ({ page, context }) => {
  test.setTimeout(600_000);
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
    if (i % 10 === 5) {
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
  expect(edits).toHaveLength(20);
  // Let the last storage events settle, then count what is stored.
  await page.waitForTimeout(1000);
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
    const shown = await p.getByTestId('page').innerText();
    for (const e of edits) expect(shown).toContain(e);
  }
});
