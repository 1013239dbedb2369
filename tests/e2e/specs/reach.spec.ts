import type { Locator, Page } from '@playwright/test';
import { test, expect, open } from '../fixtures';
import { seedCase, PAGES } from '../case';

// On a 390×844 phone the primary action of every form is on screen without
// scrolling past the form, and no floating element (the quick-log button, a
// sticky bar) ever covers a field in use or the quick-exit button.

/** The element is inside the viewport and is what a tap at its centre hits. */
async function reachable(el: Locator): Promise<string> {
  return el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    if (r.width === 0 || r.bottom > innerHeight || r.top < 0) return `off screen: top ${r.top}, bottom ${r.bottom}`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && (hit === node || node.contains(hit)) ? 'ok' : `covered by ${hit?.outerHTML.slice(0, 80)}`;
  });
}

/** Every visible field (and the quick-exit button), scrolled to the bottom and
 *  to the top edge of the view: names the ones something else covers. */
async function coveredFields(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const bad: string[] = [];
    const fields = [...document.querySelectorAll<HTMLElement>('input, select, textarea, [data-testid="quick-exit"]')]
      // Only fields a user can see: a closed <details> still gives its
      // contents a box (content-visibility: hidden), so ask the browser.
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width >= 10 && r.height >= 10 && el.checkVisibility({ visibilityProperty: true }); });
    const name = (el: HTMLElement) => el.dataset.testid || el.id || el.outerHTML.slice(0, 60);
    for (const el of fields) {
      for (const block of ['end', 'start'] as const) {
        el.scrollIntoView({ block });
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const r = el.getBoundingClientRect();
        const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.right - 6, r.top + r.height / 2], [r.left + 6, r.top + r.height / 2]];
        for (const [x, y] of points) {
          if (y < 0 || y > innerHeight) { bad.push(`${name(el)} (${block}): off screen`); break; }
          const hit = document.elementFromPoint(x, y);
          const label = hit?.closest('label');
          if (!hit || !(hit === el || el.contains(hit) || (label && label.contains(el)))) {
            bad.push(`${name(el)} (${block}) covered by ${hit?.className || hit?.tagName}`);
            break;
          }
        }
      }
    }
    return bad;
  });
}

test('the quick log saves without scrolling on a 390×844 phone', async ({ page }) => {
  await seedCase(page, 3);
  await open(page, '#/contacts/new');
  expect(await reachable(page.getByTestId('contact-save'))).toBe('ok');
  await page.getByTestId('contact-more').click();
  await page.getByTestId('contact-notes').fill('很长的经过');
  await page.getByTestId('contact-notes').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  expect(await reachable(page.getByTestId('contact-save'))).toBe('ok');
});

test('every form shows its primary action while its first field is on screen', async ({ page }) => {
  await seedCase(page, 3);
  await open(page, '#/agreement');
  const check = async (first: string, action: string) => {
    await page.getByTestId(first).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(`${action}: ${await reachable(page.getByTestId(action))}`).toBe(`${action}: ok`);
  };
  await page.getByTestId('debt-add').click();
  await check('debt-lender', 'debt-save');
  await page.getByTestId('debt-cancel').click();
  await page.getByTestId('agreement-add').click();
  await check('agreement-kind', 'agreement-save');
  await page.getByTestId('agreement-cancel').click();
  await check('payment-date', 'payment-save');
  await open(page, '#/data');
  await check('profile-name', 'profile-save');
});

for (const width of [320, 390]) {
  test(`no floating element covers a field or the quick exit (${width} px)`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 844 });
    await seedCase(page, 12);
    for (const hash of PAGES) {
      await open(page, hash);
      // A page's own chunk and styles may still be arriving (split build):
      // measure the layout the user ends up with, not one half styled.
      await page.waitForLoadState('networkidle');
      if (hash === '#/contacts/new') await page.getByTestId('contact-more').click();
      expect(await coveredFields(page), hash).toEqual([]);
    }
  });
}
