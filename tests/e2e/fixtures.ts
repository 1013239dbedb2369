// Shared fixture: every test fails on a request leaving 127.0.0.1, a console
// error, a page error or a CSP violation.
import { test as base, expect, Page } from '@playwright/test';

export const LOCAL = /^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:|about:)/;

type Guard = { external: string[]; errors: string[] };

export async function guard(page: Page): Promise<Guard> {
  const g: Guard = { external: [], errors: [] };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    g.external.push(url);
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') g.errors.push(m.text()); });
  page.on('pageerror', (e) => g.errors.push(String(e)));
  return g;
}

export const test = base.extend<{ guarded: Guard }>({
  guarded: [async ({ page }, use) => {
    const g = await guard(page);
    await use(g);
    expect(g.external, 'requests outside 127.0.0.1').toEqual([]);
    expect(g.errors, 'console errors / CSP violations').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** Open a route and wait for the app to render its page. */
export async function open(page: Page, hash = '#/') {
  await page.goto(`./${hash}`);
  await expect(page.getByTestId('page')).toBeVisible();
}
