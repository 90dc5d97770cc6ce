/**
 * The window's sync with its hall, in the background, in two lanes: pushes
 * of the change log (one batch in flight, acknowledged rows only marked
 * sent) and pulls of the reference data the hall owns. A push runs after
 * every committed write (wake), followed by a pull; on a heartbeat, so the
 * hall's board sees the window's status; and on demand (syncNow). The lanes
 * run side by side, each one run at a time: a write's push waits only for a
 * push in flight, never for a pull (a pull after a push sees what the push
 * changed at the hall). A write that finds a push in flight queues one more,
 * which takes every row committed by the time it starts. The hall being down
 * only slows the runs (backoff, capped; a write still tries again once
 * retryOnWriteMs has passed since the last failure); the window keeps
 * working and drains when the hall answers again.
 */
import { MAX_PUSH_ROWS, type ReferenceRow } from '../../../shared/hall/contract';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import { writeTransaction } from '../db/connection';
import { recordEvent, SYSTEM_ACTOR } from '../db/ledger';
import { refreshDivorceDates } from '../marriage/civil-case-repo';
import { forgetWorkCalendar, loadWorkCalendar } from '../reference/calendar-service';
import { applyReferenceRows, type Applied } from './apply-reference';
import { HallClient } from './hall-client';
import { readHallLink, type HallLink } from './link-repo';
import { auditAt, auditHead, backlogOf, readSyncState, recordAck, recordPulled, recordSyncError, unsentRows } from './sync-repo';
import { windowStatus } from './window-status';

export interface HallSyncOptions {
  /** A push and pull at least this often while joined (the board's heartbeat). */
  heartbeatMs: number;
  /** Longest wait between tries while the hall cannot be reached. */
  maxBackoffMs: number;
  /** While backing off, a committed write tries again once this long has passed since the last failure. */
  retryOnWriteMs: number;
}

export const DEFAULT_HALL_SYNC: HallSyncOptions = { heartbeatMs: 15_000, maxBackoffMs: 120_000, retryOnWriteMs: 5_000 };

/** Batches and pages one run takes at most before it lets the next run start. */
const MAX_STEPS = 200;

/** One kind of run (push or pull), one at a time, with at most one more queued. */
class Lane {
  /** The last run started or queued. */
  private last: Promise<boolean> = Promise.resolve(true);
  /** A run queued and not started yet: it will see everything committed so far. */
  private queued: Promise<boolean> | null = null;

  constructor(private readonly run: () => Promise<boolean>) {}

  /** A run that starts after the call (or the queued one, not started yet); true when it reached the hall. */
  request(): Promise<boolean> {
    if (this.queued !== null) return this.queued;
    const start = (): Promise<boolean> => {
      this.queued = null;
      return this.run();
    };
    const next = this.last.then(start, start);
    this.queued = next;
    this.last = next;
    return next;
  }

  idle(): Promise<boolean> {
    return this.last;
  }
}

export class HallSync {
  private readonly options: HallSyncOptions;
  private readonly pushes = new Lane(() => this.attempt((client, link) => this.push(client, link)));
  private readonly pulls = new Lane(() => this.attempt((client) => this.pull(client)));
  private failures = 0;
  private failedAt = 0;
  private retryAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  /**
   * onApplied: after a pulled page changed what the public display shows
   * (staff, commitments, office settings), so the core pushes the display's
   * state at once.
   */
  constructor(
    private readonly ctx: CoreContext,
    options: Partial<HallSyncOptions> = {},
    private readonly onApplied: () => void = () => undefined,
  ) {
    this.options = { ...DEFAULT_HALL_SYNC, ...options };
    this.schedule(0);
  }

  /** After a committed write: a push (then a pull) soon, unless the hall is unreachable and neither the backoff nor retryOnWriteMs has run out. */
  wake(): void {
    const now = Date.now();
    if (this.failures > 0 && now < this.retryAt && now - this.failedAt < this.options.retryOnWriteMs) return;
    void this.syncNow();
  }

  /** A push that sees everything committed before the call, then a pull; resolves when both have ended (it never rejects). */
  async syncNow(): Promise<void> {
    if (this.closed) return;
    if (await this.pushes.request()) await this.pulls.request();
  }

  /** A pull now (a clerk needs what the hall may have just handed down), unless the hall was unreachable and its backoff has not run out; resolves when it has ended, never rejects. */
  async pullNow(): Promise<void> {
    if (this.closed || (this.failures > 0 && Date.now() < this.retryAt)) return;
    await this.pulls.request();
  }

  /** Waits for the runs under way; tests call it before closing. */
  async idle(): Promise<void> {
    await Promise.all([this.pushes.idle(), this.pulls.idle()]);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), ms);
    this.timer.unref();
  }

  /** One run against the hall the window has joined; false when not joined or the hall could not be reached (backoff). */
  private async attempt(work: (client: HallClient, link: HallLink) => Promise<void>): Promise<boolean> {
    if (this.closed || !this.ctx.db.open) return false;
    const link = readHallLink(this.ctx.db, this.ctx.vault);
    if (link === null) {
      this.schedule(this.options.heartbeatMs);
      return false;
    }
    const client = new HallClient({ url: link.hallUrl, credential: link.credential, timeoutMs: this.ctx.hallTimeoutMs });
    try {
      await work(client, link);
      this.failures = 0;
      this.schedule(this.options.heartbeatMs);
      return true;
    } catch (error) {
      if (this.closed || !this.ctx.db.open) return false;
      this.failures++;
      const wait = Math.min(this.options.heartbeatMs * 2 ** Math.min(this.failures - 1, 10), this.options.maxBackoffMs);
      this.failedAt = Date.now();
      this.retryAt = this.failedAt + wait;
      const message = error instanceof CounterError ? error.message : '与大厅同步时出错，稍后自动重试';
      if (!(error instanceof CounterError)) console.error('[hall-sync] run failed', error);
      writeTransaction(this.ctx.db, () => recordSyncError(this.ctx.db, message, this.ctx.clock.now().toISOString()));
      this.schedule(wait);
      return false;
    }
  }

  /** Batches until nothing is waiting (an empty batch still carries the status and audit head). */
  private async push(client: HallClient, link: HallLink): Promise<void> {
    const db = this.ctx.db;
    for (let step = 0; step < MAX_STEPS; step++) {
      const rows = unsentRows(db, MAX_PUSH_ROWS);
      const anchorSeq = readSyncState(db).anchorSeq;
      const lastSeq = rows.at(-1)?.seq ?? 0;
      const answer = await client.call('push', {
        windowNo: link.windowNo,
        rows,
        auditHead: auditHead(db),
        auditAt: anchorSeq === null ? null : auditAt(db, anchorSeq),
        status: windowStatus(this.ctx),
        backlog: rows.length === 0 ? { rows: 0, oldestAt: null } : backlogOf(db, lastSeq),
      });
      if (this.closed || !db.open) return;
      const resent = writeTransaction(db, () => recordAck(db, answer.ackedSeq, answer.auditAnchor?.seq ?? null, this.ctx.clock.now().toISOString()));
      const progressed = rows.length > 0 && answer.ackedSeq >= (rows[0]?.seq ?? 0);
      if (!(resent > 0 || (progressed && backlogOf(db).rows > 0))) return;
    }
  }

  private async pull(client: HallClient): Promise<void> {
    const db = this.ctx.db;
    for (let step = 0; step < MAX_STEPS; step++) {
      const cursor = readSyncState(db).pullCursor;
      const page = await client.call('pull', cursor === null ? {} : { cursor });
      if (this.closed || !db.open) return;
      const at = this.ctx.clock.now().toISOString();
      const before = this.ctx.settings.get();
      let result: Applied;
      try {
        result = writeTransaction(db, () => this.applyPage(page.rows, page.cursor, at));
      } catch (error) {
        // the page's settings go back with its rows; the next pull brings the page again
        this.ctx.settings.update(before);
        throw error;
      }
      if (result.calendarChanged) forgetWorkCalendar(db);
      if (result.displayChanged || result.settings !== null) this.onApplied();
      if (!page.more) return;
    }
  }

  /** One pulled page, inside its write transaction: the rows applied, the settings they change written, the cursor moved on. */
  private applyPage(rows: readonly ReferenceRow[], cursor: string, at: string): Applied {
    const db = this.ctx.db;
    const applied = applyReferenceRows(this.ctx, rows, at);
    if (applied.settings !== null) this.ctx.settings.update(applied.settings);
    if (applied.applied > 0 || applied.skipped.length > 0) {
      recordEvent(db, this.ctx.origin(), SYSTEM_ACTOR, at, {
        action: 'hall.pull',
        entity: 'hall_link',
        entityId: null,
        detail: { applied: applied.applied, settings: applied.settings === null ? [] : Object.keys(applied.settings), skipped: applied.skipped.slice(0, 20) },
      });
    }
    if (applied.calendarChanged) {
      forgetWorkCalendar(db);
      refreshDivorceDates(db, loadWorkCalendar(this.ctx));
    }
    recordPulled(db, cursor, at);
    if (applied.skipped.length > 0) recordSyncError(db, `大厅下发的 ${applied.skipped.length} 条基础数据未能应用：${applied.skipped[0] ?? ''}`, at);
    return applied;
  }
}
