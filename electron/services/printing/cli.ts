/**
 * `npm run print:test -- --printer tcp://127.0.0.1:9100 --width 80`: prints
 * the test page straight to a printer, without the app or its database, and
 * says in Chinese what happened (status before and after, bytes sent).
 * With --printer none the bytes and the preview are written to files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PaperWidth } from '../../../shared/print/document';
import { PAPER_COLUMNS } from '../../../shared/print/document';
import { describePrinter, parsePrinterUri, type PrinterTarget } from '../../../shared/print/printer-uri';
import { buildTestPage } from '../../../shared/print/test-page';
import { CounterError } from '../../../shared/result';
import { DeviceTransport } from './device';
import { renderPreviewSvg } from './preview';
import { renderJob } from './render';
import { TcpTransport } from '../../../escpos/tcp';
import { DEFAULT_TIMEOUTS, type Transport } from '../../../escpos/transport';

export interface PrintTestArgs {
  printer: string;
  width: PaperWidth;
  hall: string;
  window: string;
  out: string;
}

export const USAGE = `用法：npm run print:test -- --printer <地址> [--width 80|58] [--hall 大厅名称] [--window 窗口号] [--out 目录]
  --printer  tcp://IP[:端口]（默认端口 9100）、设备路径（/dev/usb/lp0、COM3）或 none（只生成文件）
  --width    纸宽（毫米），58 或 80，默认 80
  --out      --printer none 时保存 .bin 和 .svg 的目录，默认当前目录`;

export class UsageError extends Error {}

/** Parses `--name value` and `--name=value`; throws UsageError with a Chinese message. */
export function parsePrintTestArgs(argv: readonly string[]): PrintTestArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`无法识别的参数：${arg}`);
    const name = match[1] ?? '';
    if (!['printer', 'width', 'hall', 'window', 'out'].includes(name)) throw new UsageError(`未知的选项：--${name}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`选项 --${name} 缺少取值`);
    values.set(name, value);
  }
  const printer = values.get('printer');
  if (!printer) throw new UsageError('请用 --printer 指定打印机地址');
  const width = values.get('width') ?? '80';
  if (width !== '58' && width !== '80') throw new UsageError(`纸宽只能是 58 或 80（毫米），收到的是“${width}”`);
  return {
    printer,
    width: width === '58' ? 58 : 80,
    hall: values.get('hall') ?? '窗口工作台',
    window: values.get('window') ?? '1',
    out: values.get('out') ?? '.',
  };
}

function transportFor(target: Exclude<PrinterTarget, { kind: 'none' }>): Transport {
  return target.kind === 'tcp' ? new TcpTransport(target.host, target.port, DEFAULT_TIMEOUTS) : new DeviceTransport(target.path, DEFAULT_TIMEOUTS);
}

/** Runs the test page; returns the process exit code (0 printed, 1 not printed, 2 bad arguments, 3 maybe half printed). */
export async function runPrintTest(argv: readonly string[], log: (line: string) => void, now: Date = new Date()): Promise<number> {
  let args: PrintTestArgs;
  try {
    args = parsePrintTestArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`参数有误：${error.message}`);
    log(USAGE);
    return 2;
  }
  const parsed = parsePrinterUri(args.printer);
  if (!parsed.ok) {
    log(`打印机地址有误：${parsed.message}`);
    return 2;
  }
  const document = buildTestPage({
    hallName: args.hall,
    department: '',
    windowNo: args.window,
    printer: describePrinter(parsed.target),
    paperWidth: args.width,
    printedAt: now.toISOString(),
  });
  let rendered;
  try {
    rendered = renderJob(document, args.width);
  } catch (error) {
    if (error instanceof CounterError) {
      log(`无法打印：${error.message}`);
      return 2;
    }
    throw error;
  }
  log(`打印测试页 → ${describePrinter(parsed.target)}（${args.width} 毫米，每行 ${PAPER_COLUMNS[args.width]} 列，${rendered.bytes.length} 字节）`);

  if (parsed.target.kind === 'none') {
    const dir = resolve(args.out);
    mkdirSync(dir, { recursive: true });
    const stem = join(dir, `print-test-${args.width}mm`);
    writeFileSync(`${stem}.bin`, rendered.bytes);
    writeFileSync(`${stem}.svg`, renderPreviewSvg(rendered.laid));
    log(`未接打印机：已写入 ${stem}.bin（打印机字节）和 ${stem}.svg（预览）`);
    return 0;
  }

  const transport = transportFor(parsed.target);
  const before = await transport.probe();
  log(`打印前状态：${before.message}`);
  if (before.state === 'unreachable') return 1;
  const outcome = await transport.send(rendered.bytes, { beforeWrite: () => undefined, requireAnswer: false });
  switch (outcome.kind) {
    case 'waiting':
      log(`未打印：${outcome.message}`);
      return 1;
    case 'uncertain':
      log(`打印中断：${outcome.message}`);
      return 3;
    case 'unconfirmed':
      log(`发送未确认：${outcome.message}`);
      return 3;
    case 'sent':
      log(`已发送 ${rendered.bytes.length} 字节。打印后状态：${outcome.after?.message ?? '打印机没有回应状态查询'}`);
      log('请核对：大厅名称、窗口号、中文行、表格各列是否对齐、整行刻度是否恰好一行、扫码内容是否与下方文字一致。');
      return 0;
  }
}
