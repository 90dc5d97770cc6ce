/**
 * The specs' `test`: Playwright's, with the pages a test opened with
 * browser.newPage() closed when it passes. The browser lives for the whole
 * worker, so pages left open would pile up from file to file (clerk screens
 * of stopped hosts reconnecting, hall screens retrying their feeds) and load
 * the machine the later tests run on. A failed test leaves them open for its
 * screenshots; the worker then starts a new browser anyway.
 */
import { test as base } from '@playwright/test';

export * from '@playwright/test';

export const test = base.extend<{ closeOpenedPages: undefined }>({
  closeOpenedPages: [
    async ({ browser }, use, testInfo) => {
      const before = new Set(browser.contexts());
      await use(undefined);
      if (testInfo.status !== testInfo.expectedStatus) return;
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});
