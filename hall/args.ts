/** Command-line options of `npm run hall`. */
import { parsePrinterUri } from '../shared/print/printer-uri';

export interface HallArgs {
  port: number;
  dataDir: string | null;
  databaseUrl: string | null;
  demo: boolean;
  /** --kiosk-printer K1=tcp://HOST:PORT (repeatable): a kiosk's ticket printer (80 mm), stored in its kiosk_printer row. */
  kioskPrinters: { kioskNo: string; uri: string }[];
}

export const HALL_USAGE = 'usage: npm run hall -- [--port 5790] [--data-dir DIR] [--database-url postgres://…] [--demo] [--kiosk-printer K1=tcp://HOST:PORT …]';

export function parseHallArgs(argv: readonly string[]): HallArgs {
  const args: HallArgs = { port: 5790, dataDir: null, databaseUrl: null, demo: false, kioskPrinters: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${HALL_USAGE}`);
      return v;
    };
    if (arg === '--port') {
      const raw = next();
      const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(port) || port > 65535) throw new Error(`--port must be 0-65535\n${HALL_USAGE}`);
      args.port = port;
    } else if (arg === '--data-dir') args.dataDir = next();
    else if (arg === '--database-url') {
      const url = next();
      if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`--database-url must be a postgres:// URL\n${HALL_USAGE}`);
      args.databaseUrl = url;
    } else if (arg === '--demo') args.demo = true;
    else if (arg === '--kiosk-printer') {
      const [kioskNo = '', uri = ''] = next().split(/=(.*)/s);
      const printer = parsePrinterUri(uri);
      if (!/^[A-Za-z0-9-]{1,8}$/.test(kioskNo) || !printer.ok || printer.target.kind !== 'tcp') throw new Error(`--kiosk-printer must be KIOSK=tcp://HOST:PORT, e.g. K1=tcp://192.168.1.50:9100\n${HALL_USAGE}`);
      args.kioskPrinters.push({ kioskNo, uri: printer.uri });
    }
    else throw new Error(`unknown option ${arg}\n${HALL_USAGE}`);
  }
  return args;
}
