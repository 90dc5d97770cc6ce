/**
 * The hall as an external anchor of a window's audit chain. The hall keeps
 * the last head (seq, hash) it accepted; a window reports its new head and
 * its chain's hash at the held head's seq. A new head extends the held one
 * only when the chain still has the held hash at that seq; otherwise the
 * chain was cut short or rewritten since the hall saw it.
 */
import type { AuditHead } from './contract';

export type AnchorVerdict = { ok: true } | { ok: false; reason: 'shorter' | 'rewritten' | 'unlinked' };

/**
 * held: the head the hall holds (null before the first push); reported: the
 * window's head now; at: the window's chain at held.seq (null when it sent none).
 */
export function anchorVerdict(held: AuditHead | null, reported: AuditHead, at: AuditHead | null): AnchorVerdict {
  if (held === null) return { ok: true };
  if (reported.seq < held.seq) return { ok: false, reason: 'shorter' };
  if (reported.seq === held.seq) return reported.hash === held.hash ? { ok: true } : { ok: false, reason: 'rewritten' };
  if (at === null || at.seq !== held.seq) return { ok: false, reason: 'unlinked' };
  return at.hash === held.hash ? { ok: true } : { ok: false, reason: 'rewritten' };
}
