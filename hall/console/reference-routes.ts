/**
 * The console's editing of staff accounts, commitments, office settings,
 * calendar overrides and peak days: each write one transaction
 * (editReference), answered with the list as it now stands. Supervisor only:
 * every console session is a supervisor's (auth.ts), re-checked per request.
 */
import type { ConsoleResponse, ConsoleSession } from '../../shared/hall/console-contract';
import { CONSOLE_ROUTES } from '../../shared/hall/console-contract';
import { peakDayKey } from '../../shared/hall/console-reference';
import { parseWith } from '../../shared/hall/contract';
import type { StaffReference } from '../../shared/hall/reference-bodies';
import { CounterError } from '../../shared/result';
import { inTransaction, type Client, type Pool } from '../db/pool';
import { recordConsoleUnlock } from '../store/staff-lockout';
import { hashPin } from './pin';
import { bodiesOf, editReference, lockKey } from './reference-write';
import type { ConsoleContext } from './routes';

type Answer<N extends keyof typeof CONSOLE_ROUTES> = Promise<ConsoleResponse<N>>;

async function staffList(pool: Pool, hallId: string): Answer<'staffList'> {
  const rows = await bodiesOf(pool, hallId, 'staff');
  return { staff: rows.map(({ body: { pinHash: _hash, ...view } }) => view) };
}

/** What the audit keeps of a staff account: never its PIN hash. */
function staffDetail(s: StaffReference): Record<string, unknown> {
  return { name: s.name, title: s.title, duties: s.duties, partyMember: s.partyMember, role: s.role, active: s.active, lockedUntil: s.lockedUntil };
}

function notFound(staffNo: string): CounterError {
  return new CounterError('NOT_FOUND', `没有工号为 ${staffNo} 的工作人员`);
}

async function saveStaff(ctx: ConsoleContext, who: ConsoleSession, raw: unknown): Answer<'staffSave'> {
  const req = parseWith(CONSOLE_ROUTES.staffSave.request, raw);
  if (req.staffNo === who.staffNo && (!req.active || req.role !== 'supervisor')) {
    throw new CounterError('CONFLICT', '不能停用自己的账号或取消自己的主管角色，请由另一位主管操作', { active: '不能停用自己的账号' });
  }
  const pinHash = req.pin === undefined ? null : await hashPin(req.pin);
  const { pin: _pin, ...profile } = req;
  await inTransaction(ctx.pool, async (client) => {
    await editReference(client, ctx.hall.hallId, who, {
      kind: 'staff',
      key: req.staffNo,
      action: pinHash === null ? 'staff.save' : 'staff.save+pin',
      change: (current) => {
        if (current === null && pinHash === null) throw new CounterError('VALIDATION', '新建账号须设置 6 位数字 PIN', { pin: '请设置 PIN' });
        // a new PIN also lifts a lockout
        return { ...profile, pinHash: pinHash ?? current?.pinHash ?? '', lockedUntil: pinHash === null ? (current?.lockedUntil ?? null) : null };
      },
      describe: staffDetail,
    });
    if (pinHash !== null) {
      await client.query('DELETE FROM console_pin_failure WHERE hall_id = $1 AND staff_no = $2', [ctx.hall.hallId, req.staffNo]);
      // a lock a window decided before this arrives late and does not lock again
      await recordConsoleUnlock(client, ctx.hall.hallId, req.staffNo, ctx.now?.() ?? new Date());
    }
  });
  return staffList(ctx.pool, ctx.hall.hallId);
}

/** Resets a PIN (new scrypt hash in the windows' form) or lifts a lockout; both clear the wrong-PIN count. */
async function resetStaff(ctx: ConsoleContext, who: ConsoleSession, staffNo: string, pin: string | null): Answer<'staffPin'> {
  const pinHash = pin === null ? null : await hashPin(pin);
  await inTransaction(ctx.pool, async (client) => {
    await editReference(client, ctx.hall.hallId, who, {
      kind: 'staff',
      key: staffNo,
      action: pinHash === null ? 'staff.unlock' : 'staff.pin',
      change: (current) => {
        if (current === null) throw notFound(staffNo);
        return { ...current, pinHash: pinHash ?? current.pinHash, lockedUntil: null };
      },
      describe: (s) => ({ lockedUntil: s.lockedUntil, pinReset: pinHash !== null }),
    });
    await client.query('DELETE FROM console_pin_failure WHERE hall_id = $1 AND staff_no = $2', [ctx.hall.hallId, staffNo]);
    // sync13: a lock a window decided before this arrives late and does not lock again
    await recordConsoleUnlock(client, ctx.hall.hallId, staffNo, ctx.now?.() ?? new Date());
  });
  return staffList(ctx.pool, ctx.hall.hallId);
}

async function commitments(pool: Pool, hallId: string): Answer<'commitments'> {
  const rows = await bodiesOf(pool, hallId, 'commitment');
  return { items: rows.sort((a, b) => a.body.position - b.body.position).map(({ body: { text, timeLimit } }) => ({ text, timeLimit })) };
}

/** Replaces the ordered list: position i is row key i; positions past the new end are deleted. */
async function saveCommitments(ctx: ConsoleContext, who: ConsoleSession, raw: unknown): Answer<'commitmentsSave'> {
  const req = parseWith(CONSOLE_ROUTES.commitmentsSave.request, raw);
  const hallId = ctx.hall.hallId;
  await inTransaction(ctx.pool, async (client) => {
    await lockKey(client, hallId, 'commitment', '*');
    const existing = await bodiesOf(client, hallId, 'commitment');
    for (const [position, item] of req.items.entries()) {
      await editReference(client, hallId, who, { kind: 'commitment', key: String(position), action: 'commitment.save', change: () => ({ ...item, position }) });
    }
    for (const row of existing) {
      if (row.body.position >= req.items.length) await editReference(client, hallId, who, { kind: 'commitment', key: row.key, action: 'commitment.delete', change: () => null });
    }
  });
  return commitments(ctx.pool, hallId);
}

async function office(pool: Pool, hallId: string): Answer<'office'> {
  const rows = await bodiesOf(pool, hallId, 'officeSettings');
  return { office: rows.find((r) => r.key === 'office')?.body ?? null };
}

async function calendar(pool: Pool, hallId: string): Answer<'calendar'> {
  const [overrides, peakDays] = await Promise.all([bodiesOf(pool, hallId, 'calendarOverride'), bodiesOf(pool, hallId, 'peakDay')]);
  return {
    overrides: overrides.map((r) => r.body),
    peakDays: peakDays.map((r) => r.body).sort((a, b) => a.kind.localeCompare(b.kind) || a.month - b.month || a.day - b.day),
  };
}

/** One calendar edit in its own transaction, then the calendar as it stands. */
async function thenCalendar(ctx: ConsoleContext, work: (client: Client) => Promise<boolean>): Answer<'calendar'> {
  await inTransaction(ctx.pool, work);
  return calendar(ctx.pool, ctx.hall.hallId);
}

type Handler<N extends keyof typeof CONSOLE_ROUTES> = (ctx: ConsoleContext, who: ConsoleSession, raw: unknown) => Answer<N>;

export const STAFF_CALENDAR_HANDLERS: {
  [N in 'staffList' | 'staffSave' | 'staffPin' | 'staffUnlock' | 'commitments' | 'commitmentsSave' | 'office' | 'officeSave' | 'calendar' | 'calendarOverrideSave' | 'calendarOverrideDelete' | 'peakDaySave' | 'peakDayDelete']: Handler<N>;
} = {
  staffList: (ctx) => staffList(ctx.pool, ctx.hall.hallId),
  staffSave: saveStaff,
  staffPin: (ctx, who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.staffPin.request, raw);
    return resetStaff(ctx, who, req.staffNo, req.pin);
  },
  staffUnlock: (ctx, who, raw) => resetStaff(ctx, who, parseWith(CONSOLE_ROUTES.staffUnlock.request, raw).staffNo, null),
  commitments: (ctx) => commitments(ctx.pool, ctx.hall.hallId),
  commitmentsSave: saveCommitments,
  office: (ctx) => office(ctx.pool, ctx.hall.hallId),
  officeSave: async (ctx, who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.officeSave.request, raw);
    await inTransaction(ctx.pool, (client) => editReference(client, ctx.hall.hallId, who, { kind: 'officeSettings', key: 'office', action: 'officeSettings.save', change: () => req }));
    return office(ctx.pool, ctx.hall.hallId);
  },
  calendar: (ctx) => calendar(ctx.pool, ctx.hall.hallId),
  calendarOverrideSave: (ctx, who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.calendarOverrideSave.request, raw);
    return thenCalendar(ctx, (client) => editReference(client, ctx.hall.hallId, who, { kind: 'calendarOverride', key: req.date, action: 'calendarOverride.save', change: () => req }));
  },
  calendarOverrideDelete: (ctx, who, raw) => {
    const { date } = parseWith(CONSOLE_ROUTES.calendarOverrideDelete.request, raw);
    return thenCalendar(ctx, (client) => editReference(client, ctx.hall.hallId, who, { kind: 'calendarOverride', key: date, action: 'calendarOverride.delete', change: () => null }));
  },
  peakDaySave: (ctx, who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.peakDaySave.request, raw);
    return thenCalendar(ctx, (client) => editReference(client, ctx.hall.hallId, who, { kind: 'peakDay', key: peakDayKey(req), action: 'peakDay.save', change: () => req }));
  },
  peakDayDelete: (ctx, who, raw) => {
    const key = peakDayKey(parseWith(CONSOLE_ROUTES.peakDayDelete.request, raw));
    return thenCalendar(ctx, (client) => editReference(client, ctx.hall.hallId, who, { kind: 'peakDay', key, action: 'peakDay.delete', change: () => null }));
  },
};
