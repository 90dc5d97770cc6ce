/**
 * The hall server as a child process (`node --import tsx hall/main.ts --database-url … --port …`),
 * so a test can SIGKILL it mid-push and start it again on the same port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface HallChild {
  url: string;
  port: number;
  /** kill -9; resolves once the process has exited. */
  kill9(): Promise<void>;
  /** A new hall process on the same port and database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the hall keeps it across restarts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function launch(databaseUrl: string, port: number): Promise<ChildProcess> {
  // node --import tsx: one process, so SIGKILL reaches the server itself (the tsx CLI would leave its child running)
  const child = spawn(process.execPath, ['--import', 'tsx', 'hall/main.ts', '--database-url', databaseUrl, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('listening on port')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`hall exited (${String(code)}) before listening:\n${output}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startHallChild(databaseUrl: string): Promise<HallChild> {
  const port = await freePort();
  let child = await launch(databaseUrl, port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    kill9: async () => {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
    restart: async () => {
      child = await launch(databaseUrl, port);
    },
    stop: async () => {
      const done = exited(child);
      child.kill('SIGTERM');
      await done;
    },
  };
}
