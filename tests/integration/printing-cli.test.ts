/** `npm run print:test`: the test page straight to a (fake) printer, and its Chinese answers. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePrintTestArgs, runPrintTest, UsageError } from '../../electron/services/printing/cli';
import { cleanupAll, makeTempDir } from '../support/core';
import { printedColumns, readJobs } from '../support/escpos-reader';
import { FakePrinter, PAPER_OUT } from '../support/fake-printer';

afterAll(cleanupAll);

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runPrintTest(argv, (line) => lines.push(line), new Date('2026-03-02T01:00:00.000Z'));
  return { code, out: lines.join('\n') };
}

describe('print:test', () => {
  it('prints hall, window, Chinese, an aligned mixed table and a QR code to tcp://127.0.0.1:PORT', async () => {
    const printer = await FakePrinter.start();
    try {
      const { code, out } = await run(['--printer', printer.uri, '--width', '58', '--hall', '测试大厅', '--window', '7']);
      expect(code).toBe(0);
      expect(out).toMatch(/打印前状态：就绪/);
      expect(out).toMatch(/已发送 \d+ 字节/);
      const [job] = printer.jobs();
      const text = job?.lines.map((l) => l.text).join('\n') ?? '';
      expect(text).toContain('测试大厅');
      expect(text).toContain('7 号窗口');
      for (const line of job?.lines ?? []) expect(printedColumns(line)).toBeLessThanOrEqual(32);
      expect(job?.qrs[0]?.declaredLength).toBe(Buffer.byteLength(job?.qrs[0]?.data ?? '', 'utf8'));
    } finally {
      await printer.stop();
    }
  });

  it('says why nothing was printed: printer off, paper out, bad width, bad address', async () => {
    const printer = await FakePrinter.start();
    printer.status = { ...PAPER_OUT };
    const paperOut = await run([`--printer=${printer.uri}`]);
    expect(paperOut.code).toBe(1);
    expect(paperOut.out).toMatch(/未打印：缺纸/);
    expect(printer.data.length).toBe(0);
    await printer.stop();
    const off = await run(['--printer', printer.uri]);
    expect(off.code).toBe(1);
    expect(off.out).toMatch(/连接被拒绝/);
    expect((await run(['--printer', printer.uri, '--width', '60'])).out).toMatch(/纸宽只能是 58 或 80/);
    expect((await run(['--printer', 'tcp://10.0.0.256'])).out).toMatch(/IP 地址 10\.0\.0\.256 不正确/);
    expect((await run([])).code).toBe(2);
    expect(() => parsePrintTestArgs(['--colour', 'red'])).toThrow(UsageError);
  });

  it('with --printer none writes the bytes and the preview to files', async () => {
    const dir = makeTempDir('counter-print-cli-');
    const { code, out } = await run(['--printer', 'none', '--out', dir]);
    expect(code).toBe(0);
    expect(out).toContain('print-test-80mm.bin');
    expect(readJobs(readFileSync(join(dir, 'print-test-80mm.bin')))).toHaveLength(1);
    expect(existsSync(join(dir, 'print-test-80mm.svg'))).toBe(true);
  });
});
