/**
 * The embedded "no printer" default ('none'): each job's bytes and its
 * preview are kept in the data directory (print-jobs/<id>.bin and .svg), so a
 * fresh install works, and can be checked, before a printer is attached.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PRINT_JOBS_DIR = 'print-jobs';

export class JobStore {
  constructor(readonly dir: string) {}

  binPath(id: string): string {
    return join(this.dir, `${id}.bin`);
  }

  svgPath(id: string): string {
    return join(this.dir, `${id}.svg`);
  }

  /** At startup, before any job is saved: removes the temporary files a crash left behind; returns how many. */
  async removeTemporaryFiles(): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const stray = names.filter((name) => name.endsWith('.tmp'));
    for (const name of stray) await rm(join(this.dir, name), { force: true });
    return stray.length;
  }

  /** Writes both files (each to a temporary name first, so a crash never leaves half a file). */
  async save(id: string, bytes: Buffer, svg: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad job id');
    await mkdir(this.dir, { recursive: true });
    for (const [path, data] of [
      [this.binPath(id), bytes],
      [this.svgPath(id), svg],
    ] as const) {
      await writeFile(`${path}.tmp`, data);
      await rename(`${path}.tmp`, path);
    }
  }
}
