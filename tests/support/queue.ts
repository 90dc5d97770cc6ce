/**
 * The queue on a test hall: a kiosk enrolled like a window, the matters of a
 * small marriage registry, a hall clock the test sets, and a ticket taken in
 * one call.
 */
import { randomUUID } from 'node:crypto';
import type { RunningHall } from '../../hall/app';
import { saveQueueMatter, saveQueueSettings, DEFAULT_QUEUE_SETTINGS, type QueueMatter, type QueueSettings } from '../../hall/store/queue-config';
import { putReference } from '../../hall/store/reference';
import { createEnrolmentCode } from '../../hall/store/windows';
import { inTransaction } from '../../hall/db/pool';
import type { QueueTicket } from '../../shared/hall/queue-contract';
import { value, type EnrolledWindow } from './hall';

/** A hall clock a test sets: every queue action reads it. */
export class TestClock {
  constructor(private at: Date) {}
  readonly now = (): Date => new Date(this.at.getTime());
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

export async function enrolKiosk(hall: RunningHall, kioskNo: string): Promise<EnrolledWindow> {
  const code = await createEnrolmentCode(hall.pool, hall.hall.hallId, kioskNo, 60, 'kiosk');
  const enrolled = await value(hall, 'enrol', { code, windowNo: kioskNo }, null);
  return { windowNo: kioskNo, windowId: enrolled.windowId, credential: enrolled.credential, lookupKey: enrolled.lookupKey };
}

export function matter(code: string, name: string, prefix: string, overrides: Partial<QueueMatter> = {}): QueueMatter {
  return { matter: code, name, prefix, windowNos: [], issueFrom: null, issueUntil: null, dailyCap: null, weight: 1, ...overrides };
}

export async function configureQueue(hall: RunningHall, matters: QueueMatter[], settings: Partial<QueueSettings> = {}): Promise<void> {
  await saveQueueSettings(hall.pool, hall.hall.hallId, { ...DEFAULT_QUEUE_SETTINGS, ...settings });
  for (const m of matters) await saveQueueMatter(hall.pool, hall.hall.hallId, m);
}

/** A booking as the hall holds it (a reference row), for checking in at the kiosk. */
export async function putBooking(hall: RunningHall, code: string, body: { date: string; slotStart: string; slotEnd: string; itemCode: string }): Promise<void> {
  await inTransaction(hall.pool, (client) => putReference(client, hall.hall.hallId, { kind: 'booking', key: code, body }));
}

export async function take(hall: RunningHall, kiosk: EnrolledWindow, matterCode: string, priority: 'normal' | 'green' = 'normal'): Promise<QueueTicket> {
  return (await value(hall, 'queueTake', { requestId: randomUUID(), matter: matterCode, priority }, kiosk.credential)).ticket;
}
