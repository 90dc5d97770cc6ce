/**
 * 首问负责 (first-contact responsibility): the clerk who received the applicant
 * keeps the contact. Who else may change it, and how the change is recorded.
 * Pure: no I/O.
 */

/** A contact's states, as stored (open → notified / referred / accepted / closed). */
export type ContactState = 'open' | 'notified' | 'referred' | 'accepted' | 'closed';

/**
 * Why a change to a contact is allowed, or null when it is refused:
 * - 'owner': the clerk who received the applicant;
 * - 'resume': the applicant came back with the notification slip, so any
 *   clerk continues a contact awaiting materials (accept it, or notify again);
 * - 'supervisor': a supervisor acting on another clerk's contact (logged as such).
 */
export type ContactChangeRight = 'owner' | 'resume' | 'supervisor' | null;

export function contactChangeRight(change: { isOwner: boolean; role: 'clerk' | 'supervisor'; from: ContactState; to: ContactState }): ContactChangeRight {
  if (change.isOwner) return 'owner';
  if (change.from === 'notified' && (change.to === 'accepted' || change.to === 'notified')) return 'resume';
  return change.role === 'supervisor' ? 'supervisor' : null;
}
