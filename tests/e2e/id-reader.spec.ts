/**
 * The keyboard-wedge ID card reader is told from a person by the timestamps
 * of the key events, not by when the page gets round to handling them: a
 * reader's burst that a busy renderer receives late (each key 60 ms after the
 * previous one) is still a reading; a person typing a number (120 ms between
 * keys) is typing, whatever the machine's speed.
 */
import { expect, test } from './fixtures';
import { login, startHostProcess, type HostProcess } from './host';
import { readIdCard, typeKeys } from './keyboard-wedge';

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
});

test('a reader burst delivered late is a reading; a person typing a number is not', async ({ browser }) => {
  host = await startHostProcess({ demo: true, clockStart: '2026-09-01T09:00:00+08:00' });
  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '1001', '135790');
  await page.getByRole('button', { name: '婚姻登记', exact: true }).click();
  const groom = (name: string) => page.getByLabel(`男方 ${name}`, { exact: true });
  const bride = (name: string) => page.getByLabel(`女方 ${name}`, { exact: true });

  // the reader stamped its keys 4 ms apart; the renderer receives them 60 ms apart
  await groom('证件类型').focus();
  await readIdCard(page, '110105199005150010', { gapMs: 4, deliveredApartMs: 60 });
  await expect(groom('证件号码')).toHaveValue('110105199005150010');
  await expect(groom('出生日期')).toHaveValue('1990-05-15');
  await expect(groom('姓名')).toBeFocused();
  await expect(groom('姓名')).toHaveValue('');

  // a person types a number into 姓名 and presses Enter: it stays typed there, no card is read
  await bride('姓名').focus();
  await typeKeys(page, '110105199208080024\n', { gapMs: 120 });
  await expect(bride('姓名')).toHaveValue('110105199208080024');
  await expect(bride('证件号码')).toHaveValue('');
  await expect(bride('出生日期')).toHaveValue('');
});
