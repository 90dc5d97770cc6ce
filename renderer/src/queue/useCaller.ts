/**
 * The caller bar's state and actions: the hall's view of this window's queue
 * (read again every few seconds, after each action and when the window joins
 * a hall), one action at a time (a second press while one runs does nothing:
 * the hall would answer the same ticket anyway), and 开始办理 opening the
 * applicant's form.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskTicket, MethodName, QueueState, RequestOf, ResponseOf } from '../../../shared/contract';
import { marriageFormKind } from '../../../shared/domain/marriage-rules';
import { maskIdNumber } from '../../../shared/domain/masking';
import type { RendererApi } from '../api';
import type { ServiceStart } from '../marriage/form';
import { useAction } from '../ui';
import { useQuery } from '../useQuery';

/** How often the bar reads the waiting count again. */
export const CALLER_REFRESH_MS = 5000;

export type CallerDialog = 'callBack' | 'transfer' | 'callTicket' | 'pause' | 'green' | null;

export function useCaller(api: RendererApi, onServe: (start: ServiceStart) => void) {
  const query = useQuery(api, 'queue.state', {});
  const { reload } = query;
  useEffect(() => {
    const timer = setInterval(() => void reload(), CALLER_REFRESH_MS);
    // joining a hall turns the caller on at once, not at the next refresh
    const offHall = api.on('hall.changed', () => void reload());
    return () => {
      clearInterval(timer);
      offHall();
    };
  }, [api, reload]);
  const { run, error, busy, setError, clear } = useAction(api);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<CallerDialog>(null);
  const running = useRef(false);
  const state: QueueState | undefined = query.data;
  const current: DeskTicket | null = state?.joined === true ? state.current : null;

  /**
   * One caller action; ignored while another runs; the bar is read again after it. followUp (开始办理's check-in)
   * runs after the hall's answer and before the bar is read again: the bar shows the new status, and offers the
   * next key, only once the action has ended, so a quick next press cannot overtake it.
   */
  const act = useCallback(
    async <M extends MethodName>(method: M, request: RequestOf<M>, followUp?: (answer: ResponseOf<M>) => Promise<void>): Promise<ResponseOf<M> | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setNotice(null);
      try {
        const answer = await run(method, request);
        if (answer !== undefined) {
          setDialog(null);
          await followUp?.(answer);
        }
        await reload();
        return answer;
      } finally {
        running.current = false;
      }
    },
    [run, reload],
  );

  const callNext = async () => {
    const answer = await act('queue.callNext', {});
    if (answer && answer.ticket === null) setNotice('本窗口的事项当前没有人排队');
  };

  /**
   * 开始办理: a booked ticket checks its booking in and opens the form with what was booked; otherwise the form of its
   * matter, with the ID card read at the kiosk (a card reading, as at the counter) or to fill from the ID card.
   */
  const start = async (ticket: DeskTicket) => {
    await act('queue.start', { ticketId: ticket.id }, (started) => serve(ticket, started));
  };

  const serve = async (ticket: DeskTicket, started: ResponseOf<'queue.start'>) => {
    if (ticket.appointmentCode !== null) {
      const checked = await api.call('appointments.checkIn', { code: ticket.appointmentCode });
      if (checked.ok) {
        const contactId = checked.value.contact.id;
        const prefill = marriageFormKind(ticket.matter) === null ? null : await api.call('marriage.prefill', { contactId });
        onServe({ contactId, itemCode: ticket.matter, parties: prefill?.ok ? prefill.value.parties : [] });
        return;
      }
      setNotice(`本窗口没有找到预约 ${ticket.appointmentCode}（${checked.error.message}），请读取申请人身份证`);
    } else if (started.documentNumber !== null) {
      setNotice(`已带入申请人在取号机刷的身份证 ${maskIdNumber(started.documentNumber)}，请与证件原件核对`);
      onServe({ contactId: null, itemCode: ticket.matter, parties: [{ name: '', documentType: 'residentId', documentNumber: started.documentNumber, phone: '' }] });
      return;
    } else {
      setNotice('请读取申请人身份证');
    }
    onServe({ contactId: null, itemCode: ticket.matter, parties: [] });
  };

  const finish = async (ticket: DeskTicket) => {
    const answer = await act('queue.finish', { ticketId: ticket.id });
    if (answer) setNotice(`${answer.ticket.code} 号已办结。${answer.rating.note}`);
  };

  return { query, state, current, error, busy, setError, clear, notice, setNotice, dialog, setDialog, act, callNext, start, finish };
}

export type Caller = ReturnType<typeof useCaller>;
