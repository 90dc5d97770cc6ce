// @vitest-environment happy-dom
/** Whole screens on a real core: a failed load is shown to the clerk; the ID card reader fills the focused party. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CasesPanel } from '../../renderer/src/intake/CasesPanel';
import { DivorceCasesPanel } from '../../renderer/src/marriage/DivorceCasesPanel';
import { MarriagePanel } from '../../renderer/src/marriage/MarriagePanel';
import { BOTH_NUMBERS_FILLED } from '../../renderer/src/marriage/useCardReaderFill';
import { CHINESE, cleanupAll, CLERK, createTestCore, login, setUpWithClerk } from '../support/core';
import { inProcessApi } from '../support/renderer-api';

afterEach(cleanup);
afterAll(cleanupAll);

const WAIT = { timeout: 60_000 };

/** A keyboard-wedge reader's burst: the number and Enter, 4 ms apart by the keys' own timestamps. */
function readCard(number: string): void {
  const target = document.activeElement ?? document.body;
  const start = performance.now() - 1000;
  [...number, 'Enter'].forEach((key, i) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: start + i * 4 });
    target.dispatchEvent(event);
  });
}

async function loggedInApi(loggedIn: boolean) {
  const t = createTestCore();
  await setUpWithClerk(t.core);
  if (loggedIn) await login(t.core, CLERK.staffNo, CLERK.pin);
  return { t, api: inProcessApi(t.core) };
}

describe('a failed load is shown, not hidden', () => {
  it.each([
    ['限时办结', CasesPanel],
    ['离婚冷静期', DivorceCasesPanel],
  ])('%s shows the core’s Chinese error and 重试', async (_, Panel) => {
    // the session is gone (logged out elsewhere): every read is refused
    const { t, api } = await loggedInApi(false);
    render(<Panel api={api} />);
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert.textContent).toMatch(CHINESE);
    expect(alert.textContent).toContain('请先登录');
    await login(t.core, CLERK.staffNo, CLERK.pin);
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), WAIT);
  });
});

describe('MarriagePanel', () => {
  it('the reader fills the focused party card, then the name has the cursor; with both numbers filled it says where to put the cursor', async () => {
    const { api } = await loggedInApi(true);
    render(<MarriagePanel api={api} start={null} />);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('男方 证件号码')), WAIT);
    expect(screen.getByTestId('id-reader-status').textContent).toBe('读卡器已就绪');

    screen.getByLabelText('女方 证件类型').focus();
    readCard('110105199208080024');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('女方 证件号码').value).toBe('110105199208080024'), WAIT);
    // birth date and sex come from the number once the hall's date is known
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('女方 出生日期').value).toBe('1992-08-08'), WAIT);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('女方 姓名')), WAIT);

    // the cursor outside the cards: the first party without a number
    document.body.focus();
    (document.activeElement as HTMLElement | null)?.blur();
    readCard('110105199005150010');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('男方 证件号码').value).toBe('110105199005150010'), WAIT);

    (document.activeElement as HTMLElement | null)?.blur();
    readCard('110105199303031239');
    expect((await screen.findByText(BOTH_NUMBERS_FILLED, {}, WAIT)).className).toContain('banner-warn');
  });

  it('Ctrl+Enter on an empty form shows every problem and puts the cursor on the first; Alt+R opens the refusal, Escape closes it', async () => {
    const { api } = await loggedInApi(true);
    render(<MarriagePanel api={api} start={null} />);
    await waitFor(() => expect(screen.getByTestId('id-reader-status')).toBeTruthy(), WAIT);
    // submit needs the hall's date to check the fields
    await waitFor(() => {
      fireEvent.keyDown(document.body, { key: 'Enter', ctrlKey: true });
      expect(document.activeElement).toBe(screen.getByLabelText('男方 证件号码'));
      expect(screen.getByLabelText('男方 姓名').getAttribute('aria-invalid')).toBe('true');
    }, WAIT);

    fireEvent.keyDown(document.body, { key: 'r', code: 'KeyR', altKey: true });
    expect(await screen.findByRole('group', { name: '不予登记' }, WAIT)).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('group', { name: '不予登记' })).toBeNull(), WAIT);
    expect(screen.getByRole('button', { name: '不予登记（Alt+R）' })).toBeTruthy();
  });
});
