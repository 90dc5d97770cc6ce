/**
 * The registry check across windows: the hall answers with a person's
 * marriage registered at any window of the hall and not followed there by a
 * registered divorce. This window's own ledger may know better, because its
 * newest registrations may not have reached the hall yet.
 */
import { currentMarriage, type RegistryEvent } from './marriage-rules';

/** A marriage the hall holds for a person: where and when it was registered. */
export interface HallMarriage {
  caseId: string;
  certificateNo: string;
  registeredAt: string;
  windowNo: string;
}

/**
 * The hall's marriage that gives the person a spouse beyond what this
 * ledger's own check reports, or null: none when the hall has none, when it
 * is a registration of this ledger (the ledger's check speaks for it), or
 * when this ledger holds a later registration of the person (a divorce
 * registered here since, or a marriage here that the ledger reports itself).
 */
export function hallSpouse(local: readonly (RegistryEvent & { caseId: string })[], hall: HallMarriage | null): HallMarriage | null {
  if (hall === null || local.some((e) => e.caseId === hall.caseId)) return null;
  const merged: (RegistryEvent & { hall: HallMarriage | null })[] = [
    ...local.map((e) => ({ kind: e.kind, registeredAt: e.registeredAt, hall: null })),
    { kind: 'marriage', registeredAt: hall.registeredAt, hall },
  ];
  return currentMarriage(merged)?.hall ?? null;
}
