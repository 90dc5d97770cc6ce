/**
 * `npm run hall`: the hall server. Without --database-url it runs its own
 * PostgreSQL in DATA_DIR/pg (the system's binaries) and stops it on exit.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startHall } from './app';
import { parseHallArgs } from './args';
import { DEMO_HALL_NAME, DEMO_KIOSK, DEMO_SUPERVISOR, seedDemoCodes, seedDemoQueue, seedDemoStaff } from './demo';
import { startPostgres, type RunningPostgres } from './postgres/server';
import { openPool } from './db/pool';
import { setKioskPrinter } from './print/ticket-print';

async function databaseUrl(dataDir: string): Promise<{ url: string; embedded: RunningPostgres }> {
  const embedded = await startPostgres({ dataDir: join(dataDir, 'pg') });
  const admin = openPool(embedded.url('postgres'), 1);
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'hall'");
    if (rowCount === 0) await admin.query('CREATE DATABASE hall');
  } finally {
    await admin.end();
  }
  return { url: embedded.url('hall'), embedded };
}

async function main(): Promise<void> {
  const args = parseHallArgs(process.argv.slice(2));
  const dataDir = args.dataDir ?? join(homedir(), '.counter-hall');
  let embedded: RunningPostgres | null = null;
  let url = args.databaseUrl;
  if (url === null) {
    const started = await databaseUrl(dataDir);
    embedded = started.embedded;
    url = started.url;
    console.log(`PostgreSQL started in ${embedded.dataDir} on 127.0.0.1:${embedded.port}`);
  }
  const hall = await startHall({ databaseUrl: url, port: args.port, host: '0.0.0.0', hallName: args.demo ? DEMO_HALL_NAME : '政务服务大厅', voiceClipsDir: join(dataDir, 'voice-clips'), log: (line) => console.error(line) }).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  console.log(`Hall server “${hall.hall.name}” listening on port ${hall.port} (hall ${hall.hall.hallId})`);
  console.log(`Hall console: ${hall.url}/console`);
  console.log(`Hall screen: ${hall.url}/hall-screen (voice clips from ${join(dataDir, 'voice-clips')} replace the shipped ones)`);
  for (const { kioskNo, uri } of args.kioskPrinters) {
    if (await setKioskPrinter(hall.pool, hall.hall.hallId, kioskNo, { uri, paperWidth: 80 })) console.log(`Kiosk ${kioskNo} prints its tickets on ${uri} (kiosk page: ${hall.url}/kiosk)`);
    else console.log(`Kiosk ${kioskNo}: --kiosk-printer ${uri} ignored, its printer was set on the hall console (取号机与打印机)`);
  }
  if (args.demo) {
    await seedDemoStaff(hall.pool, hall.hall);
    console.log(`Demo staff seeded (the windows' demo accounts); the console's supervisor: staff number ${DEMO_SUPERVISOR.staffNo}, PIN ${DEMO_SUPERVISOR.pin}`);
    for (const { windowNo, code } of await seedDemoCodes(hall.pool, hall.hall)) console.log(`Enrolment code for window ${windowNo}: ${code}`);
    console.log(`Enrolment code for kiosk ${DEMO_KIOSK}: ${await seedDemoQueue(hall.pool, hall.hall)}`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the hall server`);
    void (async () => {
      await hall.close();
      if (embedded !== null) await embedded.stop();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
