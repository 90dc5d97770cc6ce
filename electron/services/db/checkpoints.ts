/**
 * WAL checkpoints off the request path. SQLite's automatic checkpoint runs
 * inside the commit that takes the WAL past 1000 pages: that commit (every
 * twenty-odd 受理, whose receipt waits for it) also copies the WAL into the
 * database file and syncs it, tens of milliseconds on a slow disk. The core
 * turns it off and checkpoints when the print queue has sent what a write
 * asked for (now(): the clerk's action is complete, the next click is
 * seconds away), else once the ledger has been quiet for `quietMs` after a
 * commit, and at the latest `maxDelayMs` after the first commit not yet
 * checkpointed, so a window that keeps writing still checkpoints. Durability
 * does not change: each commit is in the synced WAL (synchronous = FULL)
 * before it returns, checkpointed or not.
 */
import { onCommit, type Db } from './connection';

export interface CheckpointTiming {
  quietMs: number;
  maxDelayMs: number;
}

export const DEFAULT_CHECKPOINT_TIMING: CheckpointTiming = { quietMs: 2000, maxDelayMs: 10_000 };

export class QuietCheckpoints {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest commit not yet checkpointed returned (Date.now). */
  private pendingSince: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly timing: CheckpointTiming = DEFAULT_CHECKPOINT_TIMING,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    onCommit(db, () => this.committed());
  }

  /** Checkpoints now what was committed since the last checkpoint, if anything. */
  now(): void {
    if (this.pendingSince !== null) this.checkpoint();
  }

  /** Stops the timer; closing the database checkpoints what is left. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pendingSince = null;
  }

  private committed(): void {
    const now = Date.now();
    this.pendingSince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(this.timing.quietMs, this.pendingSince + this.timing.maxDelayMs - now));
    this.timer = setTimeout(() => this.checkpoint(), delay);
    this.timer.unref();
  }

  private checkpoint(): void {
    this.stop();
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // tried again after the next commit; the WAL keeps every commit meanwhile
      console.error('[db] WAL checkpoint failed', error);
    }
  }
}
