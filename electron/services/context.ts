/** What every core handler is given: the ledger, settings, clock and the event channel. */
import type { CallerKind, EventName, EventPayload } from '../../shared/contract';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { Actor, Origin } from './db/ledger';
import type { PhotoStore } from './photos';
import type { SettingsStore } from './settings-store';

export interface CoreContext {
  readonly db: Db;
  readonly settings: SettingsStore;
  readonly clock: Clock;
  readonly photos: PhotoStore;
  readonly mode: 'electron' | 'host';
  readonly version: string;
  origin(): Origin;
  publish<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** The clerk session a call runs under, if any. */
export interface ActiveSession {
  id: string;
  staffId: string;
  staffNo: string;
  role: 'clerk' | 'supervisor';
  locked: boolean;
  startedAt: string;
}

export interface CallContext {
  caller: CallerKind;
  session: ActiveSession | null;
}

export function actorOf(call: CallContext): Actor {
  return call.session ? { id: call.session.staffId, staffNo: call.session.staffNo } : { id: null, staffNo: null };
}
