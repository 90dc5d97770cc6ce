/**
 * A running hall: the database migrated, the hall row ensured, the HTTP API
 * listening, the kiosks' print worker and the sweep of ID card numbers kept
 * for tickets of days gone by running. Used by `npm run hall` (main.ts) and by the tests.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrate } from './db/migrate';
import { openPool, type Pool } from './db/pool';
import { createHallServer } from './http/server';
import { ensureHall, type Hall } from './store/windows';
import { DEFAULT_KIOSK_PRINT, KioskPrintWorker, type KioskPrintOptions } from './print/worker';
import { DEFAULT_DOCUMENT_SWEEP, DocumentSweep, type DocumentSweepOptions } from './document-sweep';

export interface HallOptions {
  databaseUrl: string;
  /** 0: any free port. */
  port: number;
  /** 127.0.0.1 for tests; 0.0.0.0 to serve the hall LAN. */
  host: string;
  /** The hall's name when the database holds no hall yet. */
  hallName: string;
  log?: (line: string) => void;
  /** The hall's clock for the queue (tickets' day and times); the system clock unless a test sets one. */
  clock?: () => Date;
  /** A folder of voice clips replacing the shipped default set by name (the hall screen). */
  voiceClipsDir?: string;
  /** The kiosks' ticket printing (retry and give-up times, printer timeouts). */
  kioskPrint?: Partial<KioskPrintOptions>;
  /** How often the ID card numbers of tickets never finished are swept once their day is over. */
  documentSweep?: Partial<DocumentSweepOptions>;
}

export interface RunningHall {
  pool: Pool;
  hall: Hall;
  server: Server;
  port: number;
  /** http://HOST:PORT */
  url: string;
  close(): Promise<void>;
}

export async function startHall(options: HallOptions): Promise<RunningHall> {
  const pool = openPool(options.databaseUrl);
  try {
    await migrate(pool);
    const hall = await ensureHall(pool, options.hallName);
    const printWorker = new KioskPrintWorker(pool, hall.hallId, { ...DEFAULT_KIOSK_PRINT, ...options.kioskPrint });
    const now = options.clock ?? (() => new Date());
    const server = createHallServer({ pool, hall, now, printWorker, voiceClipsDir: options.voiceClipsDir ?? null }, options.log);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    await printWorker.start();
    const documentSweep = new DocumentSweep(pool, hall.hallId, now, options.log ?? ((line) => console.error(line)), { ...DEFAULT_DOCUMENT_SWEEP, ...options.documentSweep });
    await documentSweep.start();
    const port = (server.address() as AddressInfo).port;
    const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
    return {
      pool,
      hall,
      server,
      port,
      url: `http://${shownHost}:${port}`,
      close: async () => {
        printWorker.close();
        documentSweep.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
