import type { Page } from '@playwright/test';
import { test, expect, open } from '../fixtures';
import { seedCase, PAGES } from '../case';

// Chinese users see Chinese: on every page in zh-CN and zh-TW (with a
// realistic case) no time-zone database name and no storage key shows; the
// zone reads as a place and an offset, "北京时间 (UTC+8)".

const TECHNICAL = /\b(?:Asia|Europe|America|Australia|Pacific|Etc)\/[A-Za-z_]+|\bdek:[a-z]/g;

async function visibleText(page: Page): Promise<string> {
  // Closed <details> hide text; open them all so everything is read.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  return page.evaluate(() => document.body.innerText);
}

for (const [lang, zone] of [['zh-CN', '北京时间 (UTC+8)'], ['zh-TW', '北京時間 (UTC+8)']]) {
  test(`no zone database names or storage keys on any page (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((l) => localStorage.setItem('dek:prefs', JSON.stringify({ v: 2, d: { lang: l } })), lang);
    await seedCase(page, 12);
    const found: Record<string, string[]> = {};
    for (const hash of PAGES) {
      await open(page, hash);
      if (hash === '#/contacts/new') await page.getByTestId('contact-more').click();
      const words = (await visibleText(page)).match(TECHNICAL) ?? [];
      if (words.length) found[hash] = [...new Set(words)];
    }
    expect(found).toEqual({});
    await open(page, '#/data');
    await expect(page.getByTestId('settings-zone').locator('option:checked')).toHaveText(zone);
  });
}
