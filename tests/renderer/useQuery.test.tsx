// @vitest-environment happy-dom
/** useQuery and its error component against a real core: a failed load shows its Chinese error, 重试 loads again. */
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { QueryError } from '../../renderer/src/QueryError';
import { useQuery } from '../../renderer/src/useQuery';
import type { RendererApi } from '../../renderer/src/api';
import { CHINESE, cleanupAll, CLERK, createTestCore, login, logout, setUpWithClerk } from '../support/core';
import { inProcessApi } from '../support/renderer-api';

afterEach(cleanup);
afterAll(cleanupAll);

const WAIT = { timeout: 60_000 };

function CasesCount({ api }: { api: RendererApi }) {
  const query = useQuery(api, 'cases.mine', {});
  return (
    <div>
      <QueryError query={query} what="受理件" />
      {query.data ? <p data-testid="count">{query.data.overdue.length + query.data.later.length} 件</p> : null}
      {query.loading ? <p>读取中</p> : null}
    </div>
  );
}

describe('useQuery', () => {
  it('shows a failed load’s Chinese error, and 重试 loads again once the cause is gone', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    // nobody is logged in: the core refuses the read
    render(<CasesCount api={inProcessApi(t.core)} />);
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert.textContent).toMatch(/^受理件读取失败：/);
    expect(alert.textContent).toMatch(CHINESE);
    expect(alert.dataset.code).toBe('AUTH_REQUIRED');
    expect(screen.queryByTestId('count')).toBeNull();

    await login(t.core, CLERK.staffNo, CLERK.pin);
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect((await screen.findByTestId('count', {}, WAIT)).textContent).toBe('0 件');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the data after a failed reload and shows the error beside it', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const api = inProcessApi(t.core);
    const { result } = renderHook(() => useQuery(api, 'intake.mine', {}));
    await waitFor(() => expect(result.current.data).toEqual([]), WAIT);
    await logout(t.core);
    await act(() => result.current.reload());
    await waitFor(() => expect(result.current.error?.code).toBe('AUTH_REQUIRED'), WAIT);
    expect(result.current.data).toEqual([]);
    expect(result.current.loading).toBe(false);
  });

  it('loads again when the request changes by value, not for a new object with the same value', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const calls: string[] = [];
    const real = inProcessApi(t.core);
    const api: RendererApi = { ...real, call: (method, request, requestId) => (calls.push(JSON.stringify(request)), real.call(method, request, requestId)) };
    const { result, rerender } = renderHook(({ status }: { status: 'open' | 'resolved' }) => useQuery(api, 'complaints.list', { status }), { initialProps: { status: 'open' } });
    await waitFor(() => expect(result.current.data).toEqual([]), WAIT);
    rerender({ status: 'open' });
    rerender({ status: 'resolved' });
    await waitFor(() => expect(calls).toEqual(['{"status":"open"}', '{"status":"resolved"}']), WAIT);
    await waitFor(() => expect(result.current.loading).toBe(false), WAIT);
  });

  it('is not loaded while disabled', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    const api = inProcessApi(t.core);
    const { result } = renderHook(() => useQuery(api, 'staff.list', {}, { enabled: false }));
    expect(result.current.loading).toBe(false);
    expect(result.current.data).toBeUndefined();
    expect(result.current.error).toBeNull();
  });
});
