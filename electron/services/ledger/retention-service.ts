/**
 * Retention: scans and print-job files (slip bytes and previews, which carry
 * applicants' names) older than the setting are removed from the data
 * directory, and the purge is written to the audit trail. Files of print jobs
 * still waiting to be printed are kept whatever their age.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ResponseOf } from '../../../shared/contract';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import { recordEvent } from '../db/ledger';
import { waitingJobIds } from '../printing/repo';

export const PURGED_FOLDERS = ['scans', 'print-jobs'] as const;

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return e.isFile() ? [path] : [];
  });
}

export function purgeOldFiles(ctx: CoreContext, call: CallContext, olderThanDays?: number): ResponseOf<'retention.purge'> {
  const days = olderThanDays ?? ctx.settings.get().purgeScansAfterDays;
  const cutoffMs = ctx.clock.now().getTime() - days * 86_400_000;
  const waiting = new Set(waitingJobIds(ctx.db));
  let removed = 0;
  let bytes = 0;
  const failed: string[] = [];
  for (const folder of PURGED_FOLDERS) {
    for (const path of filesUnder(join(ctx.dataDir, folder))) {
      const jobId = /([0-9a-f-]{36})\.(bin|svg)(\.tmp)?$/i.exec(path)?.[1];
      if (folder === 'print-jobs' && jobId && waiting.has(jobId)) continue;
      const s = statSync(path, { throwIfNoEntry: false });
      if (!s || s.mtimeMs >= cutoffMs) continue;
      try {
        rmSync(path);
        removed++;
        bytes += s.size;
      } catch {
        failed.push(relative(ctx.dataDir, path));
      }
    }
  }
  const cutoff = new Date(cutoffMs).toISOString();
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), {
    action: 'retention.purge',
    entity: 'files',
    entityId: null,
    detail: { olderThanDays: days, cutoff, folders: [...PURGED_FOLDERS], removed, bytes, failed: failed.slice(0, 50) },
  });
  return { cutoff, removed, bytes, folders: [...PURGED_FOLDERS] };
}
