/** The console's kiosk print jobs rule (what a stored status means, when retry and cancel cannot print twice) and the printer address check. */
import { describe, expect, it } from 'vitest';
import { JOB_STATUSES, printJobState, printerAddressSchema, printerUri, statusesOf, type JobStatus } from '../../shared/hall/console-printers';

describe('printJobState', () => {
  it.each<[JobStatus, string, boolean, boolean]>([
    ['queued', 'waiting', false, true],
    ['sending', 'printing', false, false],
    ['sent', 'printed', false, false],
    // bytes handed over without an answer: may be on paper, never sent again
    ['unconfirmed', 'failed', false, true],
    // given up while waiting: nothing reached a printer
    ['failed', 'failed', true, true],
    ['cancelled', 'cancelled', false, false],
  ])('%s → %s, retry %s, cancel %s', (status, state, canRetry, canCancel) => {
    expect(printJobState(status)).toEqual({ state, canRetry, canCancel });
  });

  it('every stored status belongs to exactly one state filter', () => {
    const gathered = (['waiting', 'printing', 'failed', 'printed', 'cancelled'] as const).flatMap(statusesOf);
    expect([...gathered].sort()).toEqual([...JOB_STATUSES].sort());
    expect(statusesOf('failed')).toEqual(['unconfirmed', 'failed']);
  });
});

describe('printerAddressSchema', () => {
  it.each([
    [{ host: '192.168.1.50', port: 9100, paperWidth: 80 }, null],
    [{ host: 'Kiosk-Printer.local', port: 9101, paperWidth: 58 }, null],
    [{ host: '192.168.1.300', port: 9100, paperWidth: 80 }, 'IP 地址 192.168.1.300 不正确，应为 4 段 0–255 的数字，如 192.168.1.20'],
    [{ host: '', port: 9100, paperWidth: 80 }, '请输入打印机的 IP 地址'],
    [{ host: 'a b', port: 9100, paperWidth: 80 }, '主机名 a b 不正确，只能包含字母、数字、短横线和点'],
    [{ host: '10.0.0.1', port: 0, paperWidth: 80 }, '端口应为 1–65535 的整数'],
    [{ host: '10.0.0.1', port: 9100.5, paperWidth: 80 }, '端口应为 1–65535 的整数'],
    [{ host: '10.0.0.1', port: 9100, paperWidth: 76 }, '纸宽只能是 58 或 80'],
  ])('%j → %s', (input, problem) => {
    const parsed = printerAddressSchema.safeParse(input);
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe(problem);
  });

  it('stores the address as tcp://host:port, the host in lower case', () => {
    expect(printerUri({ host: 'Kiosk-Printer.local', port: 9101 })).toBe('tcp://kiosk-printer.local:9101');
  });
});
