/**
 * WAL checkpoints off the request path. SQLite's automatic checkpoint runs
 * inside the commit that takes the WAL past 1000 pages: that commit (every
 * twenty-odd 受理, whose receipt waits for it) also copies the WAL into the
 * database file and syncs it, tens of milliseconds on a slow disk. The core
 * turns it off and checkpoints once the ledger has been quiet for `quietMs`
 * after a commit, or at the latest `maxDelayMs` after the first commit not yet
 * checkpointed, so a window that keeps writing still checkpoints. Durability
 * does not change: each commit is in the synced WAL (synchronous = FULL)
 * before it returns, checkpointed or not.
 */
import { onCommit, type Db } from './connection';

export interface CheckpointTiming {
  quietMs: number;
  maxDelayMs: number;
}

export const DEFAULT_CHECKPOINT_TIMING: CheckpointTiming = { quietMs: 250, maxDelayMs: 10_000 };

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
    this.timer = null;
    this.pendingSince = null;
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // the next quiet moment tries again; the WAL keeps every commit meanwhile
      console.error('[db] WAL checkpoint failed', error);
    }
  }
}
