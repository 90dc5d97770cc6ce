/** Typing into the pages as a person does: labelled fields in turn, and the hall console's login. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Fills the fields named by their labels (label → value), in the order given, within `scope` (a page, a dialog, a card). */
export async function fillFields(scope: Page | Locator, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) await scope.getByLabel(label).fill(value);
}

/** Opens the hall console at `hallUrl` and logs in as the demo supervisor 王建国 (9001). */
export async function consoleLogin(page: Page, hallUrl: string): Promise<void> {
  await page.goto(`${hallUrl}/console`);
  await fillFields(page, { 工号: '9001', PIN: '246810' });
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('console-user')).toContainText('王建国');
}
