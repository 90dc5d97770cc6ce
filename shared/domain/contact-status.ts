/** Where a contact stands, in the clerk's words: the window's contact cards and the hall console's ledger (and its CSV export). */
import type { Contact } from '../api/intake';

export const CONTACT_STATUS_LABELS: Record<Contact['status'], string> = {
  open: '接待中',
  notified: '已告知，待补材料',
  referred: '已引导',
  accepted: '已受理',
  closed: '已结束',
};
