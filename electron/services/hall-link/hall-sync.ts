/**
 * The window's sync with its hall, in the background: push the change log
 * (one batch in flight, acknowledged rows only marked sent), then pull the
 * reference data the hall owns. A round runs after every committed write
 * (wake), on a heartbeat so the hall's board sees the window's status, and
 * on demand (syncNow). The hall being down only slows the rounds (backoff,
 * capped); the window keeps working and drains when the hall answers again.
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
  /** A round at least this often while joined (the board's heartbeat). */
  heartbeatMs: number;
  /** Longest wait between rounds while the hall cannot be reached. */
  maxBackoffMs: number;
}

export const DEFAULT_HALL_SYNC: HallSyncOptions = { heartbeatMs: 15_000, maxBackoffMs: 120_000 };

/** Batches and pages one round takes at most before it lets the next round start. */
const MAX_STEPS = 200;

export class HallSync {
  private readonly options: HallSyncOptions;
  /** The last round started or queued; rounds run one after another. */
  private chain: Promise<void> = Promise.resolve();
  /** A round queued and not started yet: it will see everything committed so far. */
  private pending: Promise<void> | null = null;
  private failures = 0;
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

  /** After a committed write: a round soon, unless the hall is unreachable and the backoff has not run out. */
  wake(): void {
    if (this.failures > 0 && Date.now() < this.retryAt) return;
    void this.syncNow();
  }

  /** A round that sees everything committed before the call; resolves when it has ended (it never rejects). */
  syncNow(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.pending !== null) return this.pending;
    const round = this.chain.then(async () => {
      this.pending = null;
      await this.round();
    });
    this.pending = round;
    this.chain = round;
    return round;
  }

  /** Waits for the rounds under way; tests call it before closing. */
  async idle(): Promise<void> {
    await this.chain;
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

  private async round(): Promise<void> {
    if (this.closed || !this.ctx.db.open) return;
    const link = readHallLink(this.ctx.db, this.ctx.vault);
    if (link === null) {
      this.schedule(this.options.heartbeatMs);
      return;
    }
    const client = new HallClient({ url: link.hallUrl, credential: link.credential, timeoutMs: this.ctx.hallTimeoutMs });
    try {
      await this.push(client, link);
      await this.pull(client);
      this.failures = 0;
      this.schedule(this.options.heartbeatMs);
    } catch (error) {
      if (this.closed || !this.ctx.db.open) return;
      this.failures++;
      const wait = Math.min(this.options.heartbeatMs * 2 ** Math.min(this.failures - 1, 10), this.options.maxBackoffMs);
      this.retryAt = Date.now() + wait;
      const message = error instanceof CounterError ? error.message : '与大厅同步时出错，稍后自动重试';
      if (!(error instanceof CounterError)) console.error('[hall-sync] round failed', error);
      writeTransaction(this.ctx.db, () => recordSyncError(this.ctx.db, message, this.ctx.clock.now().toISOString()));
      this.schedule(wait);
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
