// @vitest-environment happy-dom
/** The marriage form's hooks against a real core: the form state, the live check and the shortcuts. */
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RendererApi } from '../../renderer/src/api';
import { BLANK_CHECKS, blankParty, type PartyForm } from '../../renderer/src/marriage/form';
import { useLiveCheck } from '../../renderer/src/marriage/useLiveCheck';
import { useMarriageForm } from '../../renderer/src/marriage/useMarriageForm';
import { useShortcuts, type ShortcutHandlers } from '../../renderer/src/marriage/useShortcuts';
import { cleanupAll, CLERK, createTestCore, login, setUpWithClerk } from '../support/core';
import { inProcessApi } from '../support/renderer-api';

afterEach(cleanup);
afterAll(cleanupAll);

const WAIT = { timeout: 60_000 };
const MAN = '110105199005150010';
const WOMAN = '110105199208080024';

function complete(documentNumber: string, name: string, sex: 'male' | 'female', birthDate: string): PartyForm {
  return { ...blankParty(), documentNumber, name, sex, birthDate, ethnicity: '汉族', education: 'bachelor', priorStatus: 'unmarried', phone: '13800138000', address: '北京市朝阳区' };
}

let api: RendererApi;
beforeEach(async () => {
  const t = createTestCore();
  await setUpWithClerk(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  api = inProcessApi(t.core);
});

describe('useMarriageForm', () => {
  it('takes the hall’s date from the core and fills birth date and sex from a typed resident ID number', async () => {
    const { result } = renderHook(() => useMarriageForm(api));
    // the test core's clock: 2026-03-02 09:00 in Beijing
    await waitFor(() => expect(result.current.today).toBe('2026-03-02'), WAIT);
    act(() => result.current.updateParty(1, { documentNumber: WOMAN }, 'documentNumber'));
    expect(result.current.parties[1]).toMatchObject({ documentNumber: WOMAN, birthDate: '1992-08-08', sex: 'female' });
    expect(result.current.touched.has('1.documentNumber')).toBe(true);
    // a name typed is not a touch that shows problems at once
    act(() => result.current.updateParty(1, { name: '林晓燕' }, 'name'));
    expect(result.current.touched.has('1.name')).toBe(false);
  });

  it('reset carries the applicants in, completed from their numbers; switching kind keeps two parties for marriage', async () => {
    const { result } = renderHook(() => useMarriageForm(api));
    await waitFor(() => expect(result.current.today).not.toBeNull(), WAIT);
    act(() => result.current.setShowAll(true));
    act(() => result.current.reset('reissue', [{ name: '林晓燕', documentType: 'residentId', documentNumber: WOMAN, phone: '' }], 'contact-1'));
    await waitFor(() => expect(result.current.parties).toMatchObject([{ name: '林晓燕', birthDate: '1992-08-08', sex: 'female' }]), WAIT);
    expect(result.current).toMatchObject({ kind: 'reissue', contactId: 'contact-1', showAll: false });
    act(() => result.current.switchKind('marriage'));
    expect(result.current.parties).toHaveLength(2);
    act(() => result.current.switchKind('reissue'));
    expect(result.current.parties).toHaveLength(2);
    act(() => result.current.removeSecondParty());
    expect(result.current.parties).toHaveLength(1);
  });

  it('a start carrying one number gives birth date and sex and the card they belong to, before and after the hall’s date is known', async () => {
    const alone = (documentNumber: string) => [{ name: '', documentType: 'residentId' as const, documentNumber, phone: '' }];
    const { result } = renderHook(() => useMarriageForm(api));
    // 开始办理 of a ticket whose applicant read her ID card at the kiosk, before the core told the hall's date
    expect(result.current.today).toBeNull();
    act(() => result.current.reset('marriage', alone(WOMAN), null));
    await waitFor(() => expect(result.current.today).not.toBeNull(), WAIT);
    await waitFor(() => expect(result.current.parties).toMatchObject([{ documentNumber: '', sex: '', birthDate: '' }, { documentNumber: WOMAN, sex: 'female', birthDate: '1992-08-08' }]), WAIT);
    // the next ticket, the date known: a man's number stays in the man's card
    act(() => result.current.reset('marriage', alone(MAN), null));
    await waitFor(() => expect(result.current.parties).toMatchObject([{ documentNumber: MAN, sex: 'male', birthDate: '1990-05-15' }, { documentNumber: '' }]), WAIT);
    // the clerk can still change them
    act(() => result.current.updateParty(0, { birthDate: '1990-05-16' }, 'birthDate'));
    expect(result.current.parties[0]).toMatchObject({ sex: 'male', birthDate: '1990-05-16' });
  });
});

describe('useLiveCheck', () => {
  it('asks the core only once every field passes the schema, and not while paused', async () => {
    const both = [complete(MAN, '陈志强', 'male', '1990-05-15'), complete(WOMAN, '林晓燕', 'female', '1992-08-08')];
    const { result, rerender } = renderHook(({ parties, paused }: { parties: PartyForm[]; paused: boolean }) => useLiveCheck(api, { kind: 'marriage', parties, checks: BLANK_CHECKS, paused }), {
      initialProps: { parties: [both[0]!, blankParty()], paused: false },
    });
    expect(result.current.complete).toBe(false);
    expect(result.current.check).toBeNull();

    rerender({ parties: both, paused: false });
    expect(result.current.complete).toBe(true);
    await waitFor(() => expect(result.current.check).not.toBeNull(), WAIT);
    // nothing ticked at the window: the check says what is missing
    expect(result.current.check?.problems.length).toBeGreaterThan(0);
    expect(result.current.checking).toBe(false);

    rerender({ parties: both, paused: true });
    expect(result.current.check).toBeNull();
  });
});

describe('useShortcuts', () => {
  function press(init: KeyboardEventInit): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    document.body.dispatchEvent(event);
    return event;
  }

  it('Ctrl+Enter, Alt+R, Alt+N and Escape call their handler when it is given, with the latest handlers', () => {
    const first = { primary: vi.fn(), refuse: vi.fn() };
    const { rerender } = renderHook((h: ShortcutHandlers) => useShortcuts(h), { initialProps: first as ShortcutHandlers });
    expect(press({ key: 'Enter', ctrlKey: true }).defaultPrevented).toBe(true);
    expect(press({ key: 'r', code: 'KeyR', altKey: true }).defaultPrevented).toBe(true);
    // no next or cancel handler: the keys are left alone
    expect(press({ key: 'n', code: 'KeyN', altKey: true }).defaultPrevented).toBe(false);
    expect(press({ key: 'Escape' }).defaultPrevented).toBe(false);
    expect(first.primary).toHaveBeenCalledTimes(1);
    expect(first.refuse).toHaveBeenCalledTimes(1);

    const second = { primary: vi.fn(), next: vi.fn(), cancel: vi.fn() };
    rerender(second);
    press({ key: 'Enter', metaKey: true });
    press({ key: 'n', code: 'KeyN', altKey: true });
    press({ key: 'Escape' });
    press({ key: 'r', code: 'KeyR', altKey: true });
    // plain Enter is the form's, not a shortcut
    press({ key: 'Enter' });
    expect(second.primary).toHaveBeenCalledTimes(1);
    expect(second.next).toHaveBeenCalledTimes(1);
    expect(second.cancel).toHaveBeenCalledTimes(1);
    expect(first.primary).toHaveBeenCalledTimes(1);
    expect(first.refuse).toHaveBeenCalledTimes(1);
  });
});
