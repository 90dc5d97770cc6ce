/**
 * The queue's supervisor settings on the console (one screen): the priority
 * policy, recall cap and hall-wide alert level, and each matter's prefix,
 * windows, issuing hours, daily cap, weight and alert level. Each save is one
 * transaction, serialised per setting, audited when it changes something.
 * The preview shows the policy's next 10 calls: for one window exactly as its
 * 叫号 would make them (queue-caller.ts preview), or hall-wide (every matter,
 * a fresh N : 1 count).
 */
import { CONSOLE_ROUTES, type ConsoleResponse, type ConsoleSession } from '../../shared/hall/console-contract';
import { parseWith } from '../../shared/hall/contract';
import { policySentence, previewCalls, type PriorityKind, type QueuePolicy } from '../../shared/domain/queue-policy';
import { ticketDay } from '../../shared/domain/queue-ticket';
import { CounterError } from '../../shared/result';
import { inTransaction, type Client, type Pool } from '../db/pool';
import { preview, toWaiting, type WaitingRow } from '../store/queue-caller';
import { queueMatters, queueSettings, saveQueueMatter, saveQueueSettings, type QueueMatter } from '../store/queue-config';
import { auditEdit, lockKey } from './reference-write';
import type { ConsoleContext } from './routes';

function policyOf(settings: Awaited<ReturnType<typeof queueSettings>>, matters: readonly QueueMatter[]): QueuePolicy {
  return { ...settings.policy, weights: Object.fromEntries(matters.map((m) => [m.matter, m.weight])) };
}

async function queueConfig(db: Pool | Client, hallId: string): Promise<ConsoleResponse<'queueConfig'>> {
  const [settings, matters] = await Promise.all([queueSettings(db, hallId), queueMatters(db, hallId)]);
  return {
    settings: { ...settings.policy, recallCap: settings.recallCap, waitingAlert: settings.waitingAlert },
    matters: matters.map((m) => ({ ...m, waitingAlert: m.waitingAlert ?? null })),
    sentence: policySentence(policyOf(settings, matters), Object.fromEntries(matters.map((m) => [m.matter, m.name]))),
  };
}

async function saveSettings(ctx: ConsoleContext, who: ConsoleSession, raw: unknown): Promise<ConsoleResponse<'queueSettingsSave'>> {
  const req = parseWith(CONSOLE_ROUTES.queueSettingsSave.request, raw);
  const hallId = ctx.hall.hallId;
  await inTransaction(ctx.pool, async (client) => {
    await lockKey(client, hallId, 'queue', 'settings');
    const before = (await queueConfig(client, hallId)).settings;
    if (JSON.stringify(before) === JSON.stringify({ ...before, ...req })) return;
    const { recallCap, waitingAlert, ...policy } = req;
    await saveQueueSettings(client, hallId, { policy, recallCap, waitingAlert });
    await auditEdit(client, hallId, who, 'queue.settings', 'queue', 'settings', req);
  });
  return queueConfig(ctx.pool, hallId);
}

async function saveMatter(ctx: ConsoleContext, who: ConsoleSession, raw: unknown): Promise<ConsoleResponse<'queueMatterSave'>> {
  const req = parseWith(CONSOLE_ROUTES.queueMatterSave.request, raw);
  const matter = { ...req, windowNos: [...new Set(req.windowNos)].sort((a, b) => a.length - b.length || a.localeCompare(b)) };
  const hallId = ctx.hall.hallId;
  await inTransaction(ctx.pool, async (client) => {
    await lockKey(client, hallId, 'queue', `matter:${matter.matter}`);
    const before = (await queueConfig(client, hallId)).matters.find((m) => m.matter === matter.matter);
    if (before !== undefined && JSON.stringify(before) === JSON.stringify({ ...before, ...matter })) return;
    await saveQueueMatter(client, hallId, matter);
    await auditEdit(client, hallId, who, 'queue.matter', 'queue', matter.matter, matter);
  });
  return queueConfig(ctx.pool, hallId);
}

/** Heads of every waiting line of the day (by matter and kind) and the appointments by slot: all the next 10 calls can come from. */
const HALL_WAITING = `SELECT DISTINCT ON (id) * FROM (
    SELECT c.* FROM (SELECT DISTINCT matter, priority FROM queue_ticket WHERE hall_id = $1 AND day = $2 AND status = 'waiting') g
    CROSS JOIN LATERAL (SELECT t.id, t.code, t.matter, t.priority, t.taken_at, t.slot_start, t.slot_end FROM queue_ticket t
      WHERE t.hall_id = $1 AND t.day = $2 AND t.status = 'waiting' AND t.matter = g.matter AND t.priority = g.priority ORDER BY t.taken_at LIMIT 10) c
    UNION ALL
    (SELECT id, code, matter, priority, taken_at, slot_start, slot_end FROM queue_ticket
     WHERE hall_id = $1 AND day = $2 AND status = 'waiting' AND priority = 'appointment' ORDER BY slot_start LIMIT 10)
  ) AS heads`;

async function hallPreview(ctx: ConsoleContext, now: Date): Promise<{ sentence: string; calls: { code: string; matter: string; kind: PriorityKind }[] }> {
  return inTransaction(
    ctx.pool,
    async (client) => {
      const [settings, matters] = await Promise.all([queueSettings(client, ctx.hall.hallId), queueMatters(client, ctx.hall.hallId)]);
      const policy = policyOf(settings, matters);
      const { rows } = await client.query<WaitingRow>(HALL_WAITING, [ctx.hall.hallId, ticketDay(now)]);
      const calls = previewCalls(rows.map(toWaiting), policy, { normalStreak: 0 }, now.getTime());
      return { sentence: policySentence(policy, Object.fromEntries(matters.map((m) => [m.matter, m.name]))), calls: calls.map((c) => ({ code: c.code, matter: c.matter, kind: c.kind })) };
    },
    'REPEATABLE READ',
  );
}

async function windowPreview(ctx: ConsoleContext, windowNo: string, now: Date): Promise<{ sentence: string; calls: { code: string; matter: string; kind: PriorityKind }[] }> {
  const { rows } = await ctx.pool.query<{ window_id: string }>(
    "SELECT window_id FROM hall_window WHERE hall_id = $1 AND window_no = $2 AND device_kind = 'window' AND retired_at IS NULL",
    [ctx.hall.hallId, windowNo],
  );
  const windowId = rows[0]?.window_id;
  if (windowId === undefined) throw new CounterError('NOT_FOUND', `没有已登记的 ${windowNo} 号窗口`, { windowNo: '没有这个窗口' });
  return preview(ctx.pool, { hallId: ctx.hall.hallId, windowId, windowNo, deviceKind: 'window' }, now);
}

async function previewOf(ctx: ConsoleContext, raw: unknown): Promise<ConsoleResponse<'queuePreview'>> {
  const { windowNo } = parseWith(CONSOLE_ROUTES.queuePreview.request, raw);
  const now = ctx.now?.() ?? new Date();
  const shown = windowNo ? await windowPreview(ctx, windowNo, now) : await hallPreview(ctx, now);
  const names = new Map((await queueMatters(ctx.pool, ctx.hall.hallId)).map((m) => [m.matter, m.name]));
  return { sentence: shown.sentence, calls: shown.calls.map((c) => ({ code: c.code, matter: c.matter, matterName: names.get(c.matter) ?? c.matter, kind: c.kind })) };
}

async function consoleAudit(pool: Pool, hallId: string): Promise<ConsoleResponse<'consoleAudit'>> {
  const { rows } = await pool.query<{ at: Date; staff_no: string; staff_name: string; action: string; kind: string; key: string }>(
    'SELECT at, staff_no, staff_name, action, kind, key FROM console_audit WHERE hall_id = $1 ORDER BY id DESC LIMIT 100',
    [hallId],
  );
  return { entries: rows.map((r) => ({ at: r.at.toISOString(), staffNo: r.staff_no, staffName: r.staff_name, action: r.action, kind: r.kind, key: r.key })) };
}

export const QUEUE_SETTINGS_HANDLERS = {
  queueConfig: (ctx: ConsoleContext) => queueConfig(ctx.pool, ctx.hall.hallId),
  queueSettingsSave: saveSettings,
  queueMatterSave: saveMatter,
  queuePreview: (ctx: ConsoleContext, _who: ConsoleSession, raw: unknown) => previewOf(ctx, raw),
  consoleAudit: (ctx: ConsoleContext) => consoleAudit(ctx.pool, ctx.hall.hallId),
};
