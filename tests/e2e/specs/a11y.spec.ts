import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, open } from '../fixtures';
import { seedCase, PAGES } from '../case';

// axe-core on every page, in all three languages, with a realistic case:
// no critical and no serious violation. The app's CSP blocks injected
// scripts, so this file (only) runs with bypassCSP.

test.use({ bypassCSP: true });

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    // @ts-expect-error injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  });
  return found
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['zh-CN', 'zh-TW', 'en']) {
  test(`axe: no critical or serious violation on any page (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((l) => localStorage.setItem('dek:prefs', JSON.stringify({ v: 2, d: { lang: l } })), lang);
    await seedCase(page, 12);
    for (const hash of PAGES) {
      await open(page, hash);
      if (hash === '#/contacts/new') await page.getByTestId('contact-more').click();
      if (hash === '#/agreement') await page.getByTestId('agreement-add').click();
      expect(await violations(page), `${hash} ${lang}`).toEqual([]);
    }
  });
}

test('axe: the lock screen', async ({ page }) => {
  await seedCase(page, 3);
  await open(page, '#/data');
  await page.getByTestId('passcode-new').fill('246813');
  await page.getByTestId('passcode-repeat').fill('246813');
  await page.getByTestId('passcode-ack').check();
  await page.getByTestId('passcode-set').click();
  await expect(page.getByTestId('passcode-done')).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // Every landmark rule: the lock screen has its main landmark.
  await expect(page.getByRole('main')).toHaveCount(1);
});
