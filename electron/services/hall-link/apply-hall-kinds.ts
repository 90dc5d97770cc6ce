/**
 * Applying the hall's office settings, peak days and bookings at a window
 * (apply-reference.ts applies the other kinds). Settings changes are gathered
 * into one patch for the page, written by the caller with the transaction;
 * bookings go into the window's appointments as the file import writes them
 * (booking-writer.ts), numbers sealed at once, under one import record per
 * page (imported by nobody at this window: the hall handed them down).
 */
import type { ReferenceRow } from '../../../shared/hall/contract';
import { withHallPeakDay } from '../../../shared/hall/hall-peak-days';
import { bookingReferenceSchema, officeSettingsReferenceSchema, peakDayReferenceSchema } from '../../../shared/hall/reference-bodies';
import { checkDocumentNumber } from '../../../shared/domain/identity-documents';
import type { Settings } from '../../../shared/settings';
import { hallDate } from '../../../shared/domain/hall-time';
import type { CoreContext } from '../core/context';
import { newId } from '../core/ids';
import { recordChange, SYSTEM_ACTOR } from '../db/ledger';
import { appointmentRow, appointmentByCode, finishImport, insertImport } from '../appointments/appointment-repo';
import { appointmentPayload, catalogueItems } from '../appointments/appointment-view';
import { bookingWriter, type BookingWrite } from '../appointments/booking-writer';

export const HALL_BOOKINGS_FILE = '大厅下发预约';

/** The settings the page's rows change, over the window's current ones. */
export class SettingsPatch {
  readonly patch: Partial<Settings> = {};
  constructor(private readonly ctx: CoreContext) {}

  private current<K extends keyof Settings>(key: K): Settings[K] {
    return this.patch[key] ?? this.ctx.settings.get()[key];
  }

  get changed(): boolean {
    return Object.keys(this.patch).length > 0;
  }

  officeSettings(row: ReferenceRow): void {
    // the office's identity is never taken back; a tombstone leaves it as it is
    if (row.deleted) return;
    const o = officeSettingsReferenceSchema.parse(row.body);
    Object.assign(this.patch, { hallName: o.hallName, department: o.department, complaintPhone: o.complaintPhone, supervisionPhone: o.supervisionPhone, leaderOnDuty: o.leaderOnDuty });
    // a row saved before the hall had 咨询电话 leaves the window's own
    if (o.officePhone !== undefined) this.patch.officePhone = o.officePhone;
  }

  peakDay(row: ReferenceRow): void {
    const fromHall = this.ctx.db.prepare('SELECT hall_peak_days FROM hall_sync WHERE id = 1').pluck().get() === 1;
    const rule = row.deleted ? null : peakDayReferenceSchema.parse(row.body);
    const next = withHallPeakDay(this.current('appointmentPeakDays'), fromHall, row.key, rule);
    if (next.length > 30) throw new Error('高峰日超过 30 个，未应用');
    this.patch.appointmentPeakDays = next;
    this.ctx.db.prepare('UPDATE hall_sync SET hall_peak_days = 1 WHERE id = 1').run();
  }
}

/** The page's bookings: one import record, opened with the first booking and closed with finish(). */
export class HallBookings {
  private importId: string | null = null;
  private write: BookingWrite | null = null;
  private readonly counts = { added: 0, updated: 0, rejected: 0, rows: 0 };

  constructor(
    private readonly ctx: CoreContext,
    private readonly at: string,
  ) {}

  /** Opens the page's import record when it has bookings (before any row's savepoint, so a skipped row cannot take it back). */
  open(rows: readonly ReferenceRow[]): void {
    if (this.write !== null || !rows.some((r) => r.kind === 'booking' && !r.deleted)) return;
    const importId = newId();
    insertImport(this.ctx.db, this.ctx.origin(), { id: importId, fileName: HALL_BOOKINGS_FILE, importedBy: null, totalRows: 0, at: this.at });
    this.importId = importId;
    this.write = bookingWriter(this.ctx, { importId, actor: SYSTEM_ACTOR, at: this.at, items: catalogueItems(this.ctx) });
  }

  /** Applies one booking row; throws (the row is skipped and reported) when the window cannot take it. */
  apply(row: ReferenceRow): void {
    this.counts.rows++;
    if (row.deleted) {
      this.cancel(row.key);
      return;
    }
    const b = bookingReferenceSchema.parse(row.body);
    const today = hallDate(this.at);
    const number = (type: typeof b.applicant.documentType, input: string): string => {
      const check = checkDocumentNumber(type, input, today);
      if (!check.ok) throw new Error(`预约号 ${b.code} 的证件号码有误：${check.problem}`);
      return check.normalized;
    };
    if (this.write === null) throw new Error('open() was not called for this page');
    const written = this.write({
      row: 0,
      code: b.code.toUpperCase(),
      date: b.date,
      slotStart: b.slotStart,
      slotEnd: b.slotEnd,
      itemCode: b.itemCode,
      applicant: { ...b.applicant, documentNumber: number(b.applicant.documentType, b.applicant.documentNumber) },
      phone: b.phone,
      partner: b.partner === null ? null : { ...b.partner, documentNumber: number(b.partner.documentType, b.partner.documentNumber) },
    });
    if (written.outcome === 'added') this.counts.added++;
    if (written.outcome === 'updated') this.counts.updated++;
    if (written.outcome === 'rejected') {
      this.counts.rejected++;
      throw new Error(written.problems[0]?.message ?? `预约号 ${b.code} 未能导入`);
    }
  }

  /** The hall took the booking back: a booking not yet checked in is cancelled. */
  private cancel(code: string): void {
    const row = appointmentByCode(this.ctx.db, code);
    if (row === undefined || row.status !== 'booked') return;
    this.ctx.db.prepare("UPDATE appointment SET status = 'cancelled', updated_at = ? WHERE id = ?").run(this.at, row.id);
    recordChange(this.ctx.db, this.ctx.origin(), SYSTEM_ACTOR, this.at, {
      action: 'appointments.update',
      entity: 'appointment',
      entityId: row.id,
      op: 'update',
      payload: appointmentPayload(appointmentRow(this.ctx.db, row.id)),
      detail: { code: row.code, cancelledAtHall: true },
    });
  }

  finish(): void {
    if (this.importId === null) return;
    finishImport(this.ctx.db, this.importId, { added: this.counts.added, updated: this.counts.updated, rejected: this.counts.rejected, problems: [] }, this.at);
    this.ctx.db.prepare('UPDATE appointment_import SET total_rows = ? WHERE id = ?').run(this.counts.rows, this.importId);
  }
}
