/**
 * The hall screen (综合屏) in Chromium against a real hall on a real
 * PostgreSQL: calls made through the hall API (a call, a recall, a call after
 * a pass) appear on /hall-screen, newest first and highlighted, with the
 * waiting counts; the page's announcement queue holds them in call order
 * (the call already on screen when it opened is not announced) and the voice
 * says each one to its end (with the shipped clips where Chromium has no
 * zh-CN voice). The supervisor sets the screen's names and repeats on the console.
 * Screenshots at 1920×1080 (the screen) and 1366×768 (the console).
 */
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { CHROMIUM_PATH } from '../../playwright.config';
import { seedDemoStaff } from '../../hall/demo';
import { SCREEN_ROUTES, hallScreenResponseSchema } from '../../shared/hall/screen-contract';
import { enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';
import { ARTIFACTS_DIR } from './host';

const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z')); // Friday 10:00 in Beijing
let t: TestHall;
let w1: EnrolledWindow;
let w2: EnrolledWindow;

test.beforeAll(async () => {
  t = await startTestHall({ clock: clock.now });
  const kiosk = await enrolKiosk(t.hall, 'K1');
  [w1, w2] = await Promise.all([enrolWindow(t.hall, '1'), enrolWindow(t.hall, '2')]);
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  await configureQueue(t.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'] }), matter('DIV-REG', '离婚登记', 'B', { windowNos: ['2'] }), matter('CERT', '婚姻登记记录证明', 'C')]);
  // one a minute, so arrival order is plain
  for (const [i, m] of ['MAR-REG', 'MAR-REG', 'MAR-REG', 'MAR-REG', 'DIV-REG', 'DIV-REG', 'CERT'].entries()) {
    clock.set(`2026-11-27T01:${String(10 + i)}:00.000Z`);
    await take(t.hall, kiosk, m);
  }
  clock.set('2026-11-27T02:00:00.000Z');
  await value(t.hall, 'queueCallNext', {}, w1.credential); // A001 at window 1, before the screen opens
});

test.afterAll(async () => {
  await t?.stop();
});

// the hall screen's PC lets the page sound without a touch
test.use({
  viewport: { width: 1920, height: 1080 },
  launchOptions: { executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--autoplay-policy=no-user-gesture-required'] },
});

const announcements = (page: Page) => page.getByTestId('announcement-queue').locator('li');

test('calls made at the windows appear on the hall screen and are announced in call order', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
  await page.goto(`${t.hall.url}/hall-screen`);
  await expect(page.getByTestId('screen-newest')).toContainText('请 A001 号到 1 号窗口办理');
  await expect(page.getByTestId('screen-clock')).toContainText('2026年11月27日 星期五');
  await expect(page.getByTestId('screen-waiting').locator('li')).toHaveText([/A\s*结婚登记\s*3 人/, /B\s*离婚登记\s*2 人/, /C\s*婚姻登记记录证明\s*1 人/]);
  await expect(announcements(page)).toHaveCount(0);

  const a002 = (await value(t.hall, 'queueCallNext', {}, w2.credential)).ticket;
  const a001 = (await value(t.hall, 'queueWaiting', {}, w1.credential)).current;
  await value(t.hall, 'queueRecall', { ticketId: a001?.id ?? '', recall: 1 }, w1.credential);
  await value(t.hall, 'queuePass', { ticketId: a002?.id ?? '' }, w2.credential);
  await value(t.hall, 'queueCallTicket', { code: 'B002' }, w2.credential);

  await expect(announcements(page)).toHaveCount(3);
  const heard = await announcements(page).evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-code')}→${li.getAttribute('data-window')}`));
  expect(heard).toEqual(['A002→2', 'A001→1', 'B002→2']);
  const ids = await announcements(page).evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-id'))));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));

  await expect(page.getByTestId('screen-newest')).toContainText('请 B002 号到 2 号窗口办理');
  const rows = page.getByTestId('screen-calls').locator('tbody tr');
  await expect(rows).toHaveText([/B002\s*2 号窗口\s*离婚登记/, /A001\s*重呼\s*1 号窗口/, /A002\s*2 号窗口/, /A001\s*1 号窗口/]);
  await expect(page.getByTestId('screen-waiting').locator('li')).toHaveText([/结婚登记\s*2 人/, /离婚登记\s*1 人/, /婚姻登记记录证明\s*1 人/]);
  // each is said to its end, one after another: by the shipped clips, or by a zh-CN system voice where this Chromium has one
  await expect(announcements(page).and(page.locator('[data-state="done"]'))).toHaveCount(3, { timeout: 60_000 });
  const systemVoice = await page.evaluate(() => speechSynthesis.getVoices().some((v) => /^(zh|cmn)([-_]|$)/i.test(v.lang)));
  await expect(page.locator('.screen')).toHaveAttribute('data-engine', systemVoice ? 'speech' : 'clips');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'hall-screen-1920x1080.png') });
  expect(problems).toEqual([]);
});

test('the supervisor chooses masked names and two announcements per call on the console', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${t.hall.url}/console`);
  await page.getByLabel('工号').fill('9001');
  await page.getByLabel('PIN').fill('246810');
  await page.getByRole('button', { name: '登录' }).click();
  const card = page.getByRole('region', { name: '综合屏与语音播报' });
  await expect(card.getByLabel('叫号时显示姓名')).toHaveValue('none');
  await card.getByLabel('叫号时显示姓名').selectOption('masked');
  await card.getByLabel('每次叫号播报遍数').selectOption('2');
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card).toContainText('已保存');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'console-screen-setting-1366x768.png') });
  const res = await fetch(`${t.hall.url}${SCREEN_ROUTES.hallScreen.path}`);
  const screen = hallScreenResponseSchema.parse(((await res.json()) as { value: unknown }).value);
  expect(screen.announceTimes).toBe(2);
});
