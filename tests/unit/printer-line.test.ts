/** The printer in one line (shared/print/status.ts printerLine): no printer is said once, not twice. */
import { describe, expect, it } from 'vitest';
import { printerLine, STATE_MESSAGES } from '../../shared/print/status';

describe('printerLine', () => {
  it.each([
    [{ label: '未接打印机（打印内容存入数据目录）', state: 'none', message: STATE_MESSAGES.none }, '未接打印机，打印内容存入数据目录'],
    [{ label: '网络打印机 192.168.1.20:9100', state: 'paperOut', message: STATE_MESSAGES.paperOut }, '网络打印机 192.168.1.20:9100：缺纸，请装纸（待打印的单据会在装纸后自动打印）'],
    [{ label: '本机打印机 /dev/usb/lp0', state: 'ready', message: STATE_MESSAGES.ready }, '本机打印机 /dev/usb/lp0：就绪'],
  ] as const)('%j', (printer, line) => {
    expect(printerLine(printer)).toBe(line);
    expect(printerLine(printer).match(/未接打印机/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
