/** The kiosk ticket's pure pieces: the windows line and the QR text. */
import { describe, expect, it } from 'vitest';
import { ticketQrData, windowsText } from '../../shared/print/slips/queue-ticket';

describe('queue ticket slip', () => {
  it.each([
    [[], '各窗口'],
    [['3'], '3 号窗口'],
    [['1', '2', 'A-1'], '1、2、A-1 号窗口'],
  ])('windows %j → %s', (windows, text) => {
    expect(windowsText(windows)).toBe(text);
  });

  it.each([
    [{ ticketId: '00000000-0000-4000-8000-000000000001', code: 'A001', day: '2026-11-27' }, 'QT|2026-11-27|A001|00000000-0000-4000-8000-000000000001'],
    [{ ticketId: 'f5a0c1de-1111-4222-8333-444455556666', code: 'MA1000', day: '2027-01-01' }, 'QT|2027-01-01|MA1000|f5a0c1de-1111-4222-8333-444455556666'],
  ])('QR data of %j is ASCII: %s', (slip, data) => {
    expect(ticketQrData(slip)).toBe(data);
    expect(/^[\x20-\x7e]+$/.test(ticketQrData(slip))).toBe(true);
  });
});
