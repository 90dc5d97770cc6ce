/**
 * The kiosk's state: the screen shown, the matters and waiting counts, and
 * taking a ticket. One request id per ticket screen (made when the start
 * screen leaves for a choice, renewed when a ticket is shown or the kiosk
 * returns to the start), so a double tap or a retry takes one ticket. A
 * failed take keeps its request to retry; a revoked credential pairs again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HallResponse } from '../../../shared/hall/contract';
import { maskIdNumber } from '../../../shared/domain/masking';
import type { ApiError } from '../../../shared/result';
import { newRequestId } from '../../../renderer/src/kit/request-id';
import { hallCall, storePairing, type KioskPairing } from './kiosk-client';

/** matters.documentNumber: the ID card read without a booking today; the ticket chosen next carries it to the window. */
export type Screen =
  | { kind: 'start' }
  | { kind: 'matters'; green: boolean; notice: string | null; documentNumber: string | null }
  | { kind: 'code' }
  | { kind: 'ticket'; answer: HallResponse<'queueTake'> };

type Matters = HallResponse<'queueWaiting'>['matters'];
type TakeInput = { matter: string; priority: 'normal' | 'green'; documentNumber?: string } | { appointmentCode: string } | { documentNumber: string };

/** How often the waiting counts are read again while a choice is shown. */
const REFRESH_MS = 10_000;

export interface KioskState {
  screen: Screen;
  matters: Matters;
  busy: boolean;
  problem: { error: ApiError; retry: (() => void) | null } | null;
  show: (screen: Screen) => void;
  take: (input: TakeInput) => void;
  dismiss: () => void;
}

export function useKiosk(pairing: KioskPairing, onUnpaired: () => void): KioskState {
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const [matters, setMatters] = useState<Matters>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<KioskState['problem']>(null);
  const requestId = useRef(newRequestId());

  const failed = useCallback(
    (error: ApiError, retry: (() => void) | null): void => {
      if (error.code === 'AUTH_REQUIRED') {
        storePairing(null);
        onUnpaired();
      } else setProblem({ error, retry });
    },
    [onUnpaired],
  );

  const refresh = useCallback(async (): Promise<void> => {
    const result = await hallCall('queueWaiting', {}, pairing.credential);
    if (result.ok) setMatters(result.value.matters);
    else if (result.error.code === 'AUTH_REQUIRED') failed(result.error, null);
  }, [pairing.credential, failed]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const show = useCallback((next: Screen): void => {
    if (next.kind === 'start') requestId.current = newRequestId();
    setProblem(null);
    setScreen(next);
  }, []);

  const take = useCallback(
    (input: TakeInput): void => {
      const run = async (): Promise<void> => {
        setBusy(true);
        setProblem(null);
        const result = await hallCall('queueTake', { requestId: requestId.current, ...input }, pairing.credential);
        setBusy(false);
        if (result.ok) {
          requestId.current = newRequestId();
          setScreen({ kind: 'ticket', answer: result.value });
          void refresh();
        } else if ('documentNumber' in input && !('matter' in input) && result.error.code === 'NOT_FOUND') {
          const notice = `${result.error.message}（已读取身份证 ${maskIdNumber(input.documentNumber)}，到窗口办理时自动带入）`;
          setScreen({ kind: 'matters', green: false, notice, documentNumber: input.documentNumber });
        } else failed(result.error, result.error.code === 'DISCONNECTED' || result.error.code === 'INTERNAL' ? () => void run() : null);
      };
      void run();
    },
    [pairing.credential, refresh, failed],
  );

  return { screen, matters, busy, problem, show, take, dismiss: () => setProblem(null) };
}
