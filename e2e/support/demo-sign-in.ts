// Signs a demo account in through the sign-in page, in a fresh browser context, as a user
// would; every demo account has the same password.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Outfall-Demo-2026!';

export async function signInAsDemoUser(browser: Browser, baseUrl: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('main button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return { context, page };
}
