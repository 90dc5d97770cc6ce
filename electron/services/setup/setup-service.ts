/** First run: hall identity, window number and the first supervisor account. */
import { isDeepStrictEqual } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { AppInfo, ParsedRequestOf, SettingsView } from '../../../shared/contract';
import { DEFAULT_COMMITMENTS } from '../../../shared/domain/commitments';
import { CounterError } from '../../../shared/result';
import type { Settings, SettingsUpdate } from '../../../shared/settings';
import { recordChange } from '../db/ledger';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import { refuseHallOwnedSettings } from '../hall-link/hall-owned';
import { replaceCommitments } from '../window/commitments-service';
import { newId } from '../core/ids';
import { hashPin } from '../staff/pin-hash';
import { assertStrongPin, insertStaff } from '../staff/staff-service';

export function appInfo(ctx: CoreContext): AppInfo {
  const s = ctx.settings.get();
  return {
    version: ctx.version,
    mode: ctx.mode,
    setupComplete: s.setupComplete,
    hallName: s.hallName,
    windowNo: s.windowNo,
    idleLockMinutes: s.idleLockMinutes,
  };
}

export function newPairingToken(): string {
  return randomBytes(18).toString('base64url');
}

/** setup.complete, step one: the supervisor's PIN hash. */
export async function prepareSetup(req: ParsedRequestOf<'setup.complete'>): Promise<string> {
  assertStrongPin(req.supervisor.pin, 'supervisor.pin');
  return hashPin(req.supervisor.pin);
}

/**
 * setup.complete, step two: the hall identity and the first supervisor. The
 * ledger rows carry the hall identity (ctx.origin), so the settings are
 * written first and put back if the write does not commit.
 */
export function completeSetup(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'setup.complete'>, pinHash: string): AppInfo {
  const before = ctx.settings.get();
  if (before.setupComplete) throw new CounterError('SETUP_DONE', '首次设置已经完成，不能重复设置');
  const hallId = before.hallId || newId();
  ctx.settings.update({ ...req.hall, hallId, pairingToken: newPairingToken() });
  ctx.afterWrite({ rolledBack: () => ctx.settings.update(before) });
  const supervisor = insertStaff(ctx, call, {
    staffNo: req.supervisor.staffNo,
    name: req.supervisor.name,
    title: req.supervisor.title,
    duties: '窗口管理与监督',
    partyMember: false,
    role: 'supervisor',
    pinHash,
  });
  replaceCommitments(ctx, { ...call, session: null }, DEFAULT_COMMITMENTS);
  recordChange(ctx.db, ctx.origin(), { id: supervisor.id, staffNo: supervisor.staff_no }, ctx.clock.now().toISOString(), {
    action: 'setup.complete',
    entity: 'settings',
    entityId: hallId,
    op: 'update',
    payload: { ...req.hall, hallId },
  });
  ctx.settings.update({ setupComplete: true });
  return appInfo(ctx);
}

export function settingsView(settings: Settings): SettingsView {
  return {
    hallName: settings.hallName,
    department: settings.department,
    windowNo: settings.windowNo,
    complaintPhone: settings.complaintPhone,
    supervisionPhone: settings.supervisionPhone,
    leaderOnDuty: settings.leaderOnDuty,
    officePhone: settings.officePhone,
    idleLockMinutes: settings.idleLockMinutes,
    archiveAfterMonths: settings.archiveAfterMonths,
    purgeScansAfterDays: settings.purgeScansAfterDays,
    ratingTimeoutSeconds: settings.ratingTimeoutSeconds,
    followUpContactDays: settings.followUpContactDays,
    followUpRectifyDays: settings.followUpRectifyDays,
    marriageAgeMale: settings.marriageAgeMale,
    marriageAgeFemale: settings.marriageAgeFemale,
    marriagePhotosRequired: settings.marriagePhotosRequired,
    registrationOfficeCode: settings.registrationOfficeCode,
    certificateNumberFormat: settings.certificateNumberFormat,
    appointmentSlotCapacity: settings.appointmentSlotCapacity,
    appointmentPeakCapacity: settings.appointmentPeakCapacity,
    appointmentPeakDays: settings.appointmentPeakDays,
    allowLan: settings.allowLan,
    pairingToken: settings.pairingToken,
    allowLanClerk: settings.allowLanClerk,
    clerkPairingToken: settings.clerkPairingToken,
  };
}

export function updateSettings(ctx: CoreContext, call: CallContext, patch: SettingsUpdate): SettingsView {
  const before = ctx.settings.get();
  // compared by value: the peak-day list arrives as a new array on every save
  const changed = (Object.keys(patch) as (keyof SettingsUpdate)[]).filter((k) => patch[k] !== undefined && !isDeepStrictEqual(patch[k], before[k]));
  if (changed.length === 0) return settingsView(before);
  refuseHallOwnedSettings(ctx, changed);
  const tokens = {
    ...(patch.allowLan && !before.pairingToken ? { pairingToken: newPairingToken() } : {}),
    ...(patch.allowLanClerk && !before.clerkPairingToken ? { clerkPairingToken: newPairingToken() } : {}),
  };
  const after = ctx.settings.update({ ...patch, ...tokens });
  ctx.afterWrite({ rolledBack: () => ctx.settings.update(before) });
  recordChange(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), {
    action: 'settings.update',
    entity: 'settings',
    entityId: before.hallId,
    op: 'update',
    payload: Object.fromEntries(changed.map((k) => [k, after[k]])),
    detail: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])) },
  });
  return settingsView(after);
}
