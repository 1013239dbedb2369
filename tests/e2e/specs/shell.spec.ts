import { test, expect, open } from '../fixtures';

const pages = [
  ['nav-home', 'home'],
  ['nav-agreement', 'page-title'],
  ['nav-contacts', 'page-title'],
  ['nav-rules', 'page-title'],
  ['nav-evidence', 'page-title'],
  ['nav-data', 'page-title'],
] as const;

test('starts without errors and explains itself', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('privacy-note')).toBeVisible();
  for (let i = 1; i <= 5; i++) await expect(page.getByTestId(`home-step-${i}`)).toBeVisible();
});

test('navigates to every page and a deep link survives reload', async ({ page }) => {
  await open(page);
  for (const [nav, marker] of pages) {
    await page.getByTestId(nav).click();
    await expect(page.getByTestId(marker).first()).toBeVisible();
    await expect(page.getByTestId(nav)).toHaveAttribute('aria-current', 'page');
  }
  await open(page, '#/rules');
  await page.reload();
  await expect(page.getByTestId('nav-rules')).toHaveAttribute('aria-current', 'page');
});

test('language switch applies everywhere and persists', async ({ page }) => {
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const zhTitle = await page.getByTestId('brand').textContent();
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('brand')).not.toHaveText(zhTitle ?? '');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('lang-switch')).toHaveValue('en');
  await page.getByTestId('lang-switch').selectOption('zh-TW');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
});

test('the CSP meta tag allows only the app itself', async ({ page }) => {
  await open(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/https?:/);
  expect(csp).not.toContain('TRUNK-LOADER');
});

test('with data, home becomes a dashboard of the case', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('dashboard')).toHaveCount(0);
  await page.getByTestId('quick-log-fab').click();
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('dash-week')).toHaveText('1');
  await expect(page.getByTestId('dash-findings')).toHaveText(/\d+/);
  await expect(page.getByTestId('dash-last-backup')).toBeVisible();
});

test.describe('on a 390-px touch phone (mobile date inputs are wider)', () => {
  test.use({ isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  test('no page is wider than the screen', async ({ page }) => {
    for (const hash of ['#/', '#/agreement', '#/contacts', '#/contacts/new', '#/rules', '#/evidence', '#/data']) {
      await open(page, hash);
      await expect(page.getByTestId('loading')).toHaveCount(0);
      // Wide tables scroll inside their own section, never the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), hash).toBeLessThanOrEqual(390);
    }
  });
});

test('the header fits every language on a narrow phone, nothing cut off', async ({ page }) => {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 700 });
    await open(page);
    for (const lang of ['zh-CN', 'zh-TW', 'en']) {
      await page.getByTestId('lang-switch').selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const fit = await page.evaluate(() => {
        // Width each control would take with room to spare, against its width in the header.
        const natural = (el: Element) => {
          const copy = el.cloneNode(true) as HTMLElement;
          Object.assign(copy.style, { position: 'absolute', visibility: 'hidden', width: 'max-content', maxWidth: 'none' });
          el.parentElement!.append(copy);
          const w = copy.getBoundingClientRect().width;
          copy.remove();
          return w;
        };
        const select = document.querySelector('[data-testid="lang-switch"]')!;
        const exit = document.querySelector('[data-testid="quick-exit"]')!;
        return {
          select: select.getBoundingClientRect().width - natural(select),
          exit: exit.getBoundingClientRect().width - natural(exit),
          page: document.documentElement.scrollWidth,
        };
      });
      const where = `${lang} at ${width} px`;
      expect(fit.select, `language switch squeezed, ${where}`).toBeGreaterThanOrEqual(-0.5);
      expect(fit.exit, `quick exit squeezed, ${where}`).toBeGreaterThanOrEqual(-0.5);
      expect(fit.page, `page wider than the screen, ${where}`).toBeLessThanOrEqual(width);
    }
  }
});
