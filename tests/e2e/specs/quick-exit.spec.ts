import { test, expect, open } from '../fixtures';

// Quick exit leaves nothing of the case behind Back or Forward, and stays in
// reach on a long page of a small touch screen.

const NUMBER = '13912345678';

test('after quick exit, Back and Forward reach nothing of the case', async ({ page }) => {
  await open(page, '#/contacts/new');
  await page.getByTestId('contact-number').fill(NUMBER);
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  // Move around the app the way a user does: tabs and in-page links.
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('page')).toContainText(NUMBER);
  await page.getByTestId('nav-rules').click();
  await page.getByTestId('nav-data').click();
  await expect(page).toHaveURL(/#\/data$/);
  await page.getByTestId('quick-exit').click();
  await expect(page).toHaveURL('about:blank');

  for (let i = 0; i < 4; i++) {
    await page.goBack().catch(() => null);
    expect(page.url(), `Back ${i + 1}`).not.toContain('127.0.0.1');
    expect(await page.content()).not.toContain(NUMBER);
  }
  for (let i = 0; i < 4; i++) {
    await page.goForward().catch(() => null);
    expect(page.url(), `Forward ${i + 1}`).not.toContain('127.0.0.1');
    expect(await page.content()).not.toContain(NUMBER);
  }
});

for (const width of [320, 390]) {
  test.describe(`on a ${width}-px touch phone`, () => {
    test.use({ isMobile: true, hasTouch: true, viewport: { width, height: 640 } });
    test('quick exit stays on screen on a long page and covers nothing', async ({ page }) => {
      await open(page, '#/data');
      await expect(page.getByTestId('loading')).toHaveCount(0);
      for (const y of [0, 800, 3000, 100000]) {
        await page.evaluate((to) => window.scrollTo(0, to), y);
        const exit = page.getByTestId('quick-exit');
        await expect(exit).toBeInViewport({ ratio: 1 });
        const box = (await exit.boundingBox())!;
        expect(box.height, 'a finger-sized target').toBeGreaterThanOrEqual(36);
        // Nothing of the page sits under the button: what is hit at its centre is the button.
        const hit = await page.evaluate(({ x, y }) => {
          const el = document.elementFromPoint(x, y);
          return el?.closest('[data-testid="quick-exit"]') !== null;
        }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
        expect(hit, `at scroll ${y}`).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.getByTestId('quick-exit').tap();
      await expect(page).toHaveURL('about:blank');
    });
  });
}
