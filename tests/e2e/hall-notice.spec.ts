/**
 * A window joined to a hall that cannot be reached: the live check of the
 * 结婚登记 form says the other windows' registrations could not be checked
 * and asks for the national check (联网核查).
 */
import { expect, test } from './fixtures';
import { join } from 'node:path';
import { DocumentVault } from '../../electron/services/crypto/document-vault';
import { KeyFileStore } from '../../electron/services/crypto/key-file-store';
import { openDatabase, writeTransaction } from '../../electron/services/db/connection';
import { saveHallLink } from '../../electron/services/hall-link/link-repo';
import { login, startHostProcess, type HostProcess } from './host';
import { counterScreenshot, fillParty, type E2eParty } from './marriage-form';

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
});

const GROOM: E2eParty = { side: '男方', id: '110105199005150010', name: '陈志强', birthDate: '1990-05-15', ethnicity: '汉族', education: '大学本科', priorStatus: '未婚' };
const BRIDE: E2eParty = { side: '女方', id: '110105199208080024', name: '林晓燕', birthDate: '1992-08-08', ethnicity: '壮族', education: '研究生', priorStatus: '未婚' };

/** The host's database and key file in its data directory (electron/services/core.ts, which the spec cannot load: it imports JSON). */
const DATABASE_FILE = 'counter.sqlite3';
const KEY_FILE = join('keys', 'document.key');

/** Records the window as joined to a hall at an address where nothing listens (the host is stopped meanwhile). */
function joinUnreachableHall(dataDir: string): void {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const vault = DocumentVault.open(new KeyFileStore(join(dataDir, KEY_FILE)));
    writeTransaction(db, () =>
      saveHallLink(db, vault, {
        hallUrl: 'http://127.0.0.1:9',
        hallId: 'e2e-hall',
        hallName: '测试大厅',
        windowId: '0190a5d0-0000-7000-8000-000000000001',
        windowNo: '1',
        credential: 'e2e-credential',
        lookupKey: 'ab'.repeat(32),
        enrolledAt: '2026-05-20T01:00:00.000Z',
        enrolledBy: null,
      }),
    );
  } finally {
    db.close();
  }
}

test('the hall out of reach: the live check says so and asks for the national check', async ({ browser }) => {
  const first = await startHostProcess({ demo: true, clockStart: '2026-05-20T09:05:00+08:00' });
  await first.stop({ keepData: true });
  joinUnreachableHall(first.dataDir);
  host = await startHostProcess({ dataDir: first.dataDir, clockStart: '2026-05-20T09:05:00+08:00' });

  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '1001', '135790');
  await page.getByRole('button', { name: '婚姻登记', exact: true }).click();
  await page.getByRole('radio', { name: '结婚登记' }).check();
  for (const party of [GROOM, BRIDE]) await fillParty(page, party);
  for (const check of ['男女双方亲自到场', '双方已签署无配偶及无禁止结婚亲属关系的声明', '已收取双方合影照片']) await page.getByRole('checkbox', { name: check }).check();
  // never 可以登记 while the hall could not be asked: the window's own records only
  await expect(page.getByTestId('hall-pending')).toHaveText('本窗口的记录中未发现问题；其他窗口的登记未能核对，确认联网核查后方可登记。');
  await expect(page.getByText('未发现问题，可以登记。')).toHaveCount(0);
  const notice = page.getByTestId('hall-notice');
  await expect(notice).toHaveText('未能连接大厅，无法核对其他窗口的登记；请确认已在全国婚姻登记信息系统联网核查');
  await counterScreenshot(page, 'hall-notice', page.locator('.mar-eligibility'));
});
