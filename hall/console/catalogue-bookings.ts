/**
 * The console's catalogue versions and the day's booking import. A catalogue
 * upload is checked with validateCatalogue (every problem listed) and must be
 * newer than the version in use (the same version again, unchanged, is a
 * harmless repeat). A booking file in the online system's export format
 * (shared/domain/booking-import.ts) becomes one reference row per booking,
 * pulled only by the window that calls its matter (the queue's matters), or
 * by every window when the matter is called at several or none; the import is
 * one transaction, serialised with other imports.
 */
import { compareCatalogueVersions, validateCatalogue } from '../../shared/catalogue/schema';
import { CONSOLE_ROUTES, type ConsoleResponse, type ConsoleSession } from '../../shared/hall/console-contract';
import { parseWith } from '../../shared/hall/contract';
import { bookingReferenceSchema } from '../../shared/hall/reference-bodies';
import { hallDate } from '../../shared/domain/hall-time';
import { parseBookingExport } from '../../shared/domain/booking-import';
import { CounterError } from '../../shared/result';
import { inTransaction, type Client, type Pool } from '../db/pool';
import { queueMatters } from '../store/queue-config';
import { auditEdit, bodiesOf, editReference, lockKey } from './reference-write';
import type { ConsoleContext } from './routes';

/** Problems shown in the message of a refused catalogue (all are in the field). */
const SHOWN_PROBLEMS = 5;

async function catalogues(db: Pool | Client, hallId: string): Promise<ConsoleResponse<'catalogue'>> {
  const rows = await bodiesOf(db, hallId, 'catalogueVersion');
  const versions = rows
    .map((r) => ({ version: r.body.catalogue.version, issuedAt: r.body.catalogue.issuedAt, items: r.body.catalogue.items.length, updatedAt: r.updatedAt.toISOString() }))
    .sort((a, b) => compareCatalogueVersions(b.version, a.version));
  return { current: versions[0] ?? null, versions };
}

async function uploadCatalogue(ctx: ConsoleContext, who: ConsoleSession, raw: unknown): Promise<ConsoleResponse<'catalogueUpload'>> {
  const req = parseWith(CONSOLE_ROUTES.catalogueUpload.request, raw);
  const check = validateCatalogue(req.catalogue);
  if (!check.ok) {
    const shown = check.problems.slice(0, SHOWN_PROBLEMS).join('；');
    throw new CounterError('VALIDATION', `事项目录有 ${check.problems.length} 处问题：${shown}${check.problems.length > SHOWN_PROBLEMS ? '……' : ''}`, { catalogue: check.problems.join('\n') });
  }
  const catalogue = check.catalogue;
  const hallId = ctx.hall.hallId;
  await inTransaction(ctx.pool, async (client) => {
    await lockKey(client, hallId, 'catalogueVersion', '*');
    const newest = (await catalogues(client, hallId)).current;
    if (newest !== null && compareCatalogueVersions(catalogue.version, newest.version) < 0) {
      throw new CounterError('CONFLICT', `上传的目录版本 ${catalogue.version} 比正在使用的 ${newest.version} 旧，请上传更新的版本`, { catalogue: '版本过旧' });
    }
    const { rows } = await client.query<{ same: boolean }>(
      "SELECT body = $3::jsonb AS same FROM reference_row WHERE hall_id = $1 AND kind = 'catalogueVersion' AND key = $2 AND NOT deleted",
      [hallId, catalogue.version, JSON.stringify({ catalogue })],
    );
    if (rows[0]?.same === false) throw new CounterError('CONFLICT', `版本 ${catalogue.version} 已发布过且内容不同，请提高版本号后再上传`, { catalogue: '版本号重复' });
    await editReference(client, hallId, who, {
      kind: 'catalogueVersion',
      key: catalogue.version,
      action: 'catalogueVersion.upload',
      change: () => ({ catalogue }),
      describe: (b) => ({ version: b.catalogue.version, issuedAt: b.catalogue.issuedAt, items: b.catalogue.items.length }),
    });
  });
  return catalogues(ctx.pool, hallId);
}

/** The window that pulls a matter's bookings: the only window calling it, else every window (null). */
function windowOfMatter(windowNos: readonly string[] | undefined): string | null {
  return windowNos !== undefined && windowNos.length === 1 ? (windowNos[0] ?? null) : null;
}

async function importBookings(ctx: ConsoleContext, who: ConsoleSession, raw: unknown): Promise<ConsoleResponse<'bookingImport'>> {
  const req = parseWith(CONSOLE_ROUTES.bookingImport.request, raw);
  const now = ctx.now?.() ?? new Date();
  const parsed = parseBookingExport(req.fileName, req.content, hallDate(now));
  const hallId = ctx.hall.hallId;
  const byWindow = new Map<string | null, number>();
  const imported = await inTransaction(ctx.pool, async (client) => {
    await lockKey(client, hallId, 'booking', '*');
    const matters = new Map((await queueMatters(client, hallId)).map((m) => [m.matter, m.windowNos]));
    let changed = 0;
    for (const { row: _row, ...booking } of parsed.rows) {
      const windowNo = windowOfMatter(matters.get(booking.itemCode));
      byWindow.set(windowNo, (byWindow.get(windowNo) ?? 0) + 1);
      if (await editReference(client, hallId, who, { kind: 'booking', key: booking.code, action: 'booking.import', windowNo, change: () => booking, quiet: true })) changed++;
    }
    if (parsed.rows.length > 0) await auditEdit(client, hallId, who, 'booking.import', 'booking', req.fileName, { records: parsed.records, imported: parsed.rows.length, changed, problems: parsed.problems.length });
    return parsed.rows.length;
  });
  return {
    records: parsed.records,
    imported,
    byWindow: [...byWindow].map(([windowNo, count]) => ({ windowNo, count })).sort((a, b) => (a.windowNo ?? '').localeCompare(b.windowNo ?? '')),
    problems: parsed.problems.map((p) => ({ row: p.row, field: p.field, message: p.message })),
  };
}

async function bookings(ctx: ConsoleContext, raw: unknown): Promise<ConsoleResponse<'bookings'>> {
  const { date } = parseWith(CONSOLE_ROUTES.bookings.request, raw);
  const { rows } = await ctx.pool.query<{ body: unknown; window_no: string | null }>(
    "SELECT body, window_no FROM reference_row WHERE hall_id = $1 AND kind = 'booking' AND NOT deleted AND body->>'date' = $2",
    [ctx.hall.hallId, date],
  );
  const list = rows.flatMap((r) => {
    const b = bookingReferenceSchema.safeParse(r.body);
    return b.success ? [{ code: b.data.code, slotStart: b.data.slotStart, slotEnd: b.data.slotEnd, itemCode: b.data.itemCode, name: b.data.applicant.name, windowNo: r.window_no }] : [];
  });
  return { date, bookings: list.sort((a, b) => a.slotStart.localeCompare(b.slotStart) || a.code.localeCompare(b.code)) };
}

export const CATALOGUE_BOOKING_HANDLERS = {
  catalogue: (ctx: ConsoleContext) => catalogues(ctx.pool, ctx.hall.hallId),
  catalogueUpload: uploadCatalogue,
  bookings: (ctx: ConsoleContext, _who: ConsoleSession, raw: unknown) => bookings(ctx, raw),
  bookingImport: importBookings,
};
