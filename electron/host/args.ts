/** Command-line options of host mode. */
export interface HostArgs {
  port: number;
  dataDir: string | null;
  demo: boolean;
  /** Start the core's clock at this instant (tests, training); the real clock otherwise. */
  clockStart: Date | null;
  /** How long a call to the joined hall may take (ms); the core's default when null. A slow network, or a test machine under load. */
  hallTimeoutMs: number | null;
}

export const HOST_USAGE = 'usage: npm run start:host -- [--port 5780] [--data-dir DIR] [--demo] [--clock-start ISO-TIME] [--hall-timeout-ms 5000]';

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { port: 5780, dataDir: null, demo: false, clockStart: null, hallTimeoutMs: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${HOST_USAGE}`);
      return v;
    };
    if (arg === '--port') {
      const raw = next();
      const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN; // Number('') is 0, Number('0x50') is 80
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535\n${HOST_USAGE}`);
      args.port = port;
    } else if (arg === '--data-dir') args.dataDir = next();
    else if (arg === '--demo') args.demo = true;
    else if (arg === '--clock-start') {
      const at = new Date(next());
      if (Number.isNaN(at.getTime())) throw new Error(`--clock-start must be an ISO time such as 2026-09-25T10:00:00+08:00\n${HOST_USAGE}`);
      args.clockStart = at;
    } else if (arg === '--hall-timeout-ms') {
      const raw = next();
      const ms = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
      if (!(ms >= 500 && ms <= 120_000)) throw new Error(`--hall-timeout-ms must be 500-120000\n${HOST_USAGE}`);
      args.hallTimeoutMs = ms;
    } else throw new Error(`unknown option ${arg}\n${HOST_USAGE}`);
  }
  return args;
}
