/**
 * The hall this window has joined: one row, its secrets sealed with the
 * window's own key. A window that has not joined a hall works on its own.
 */
import type { Db } from '../db/connection';
import type { DocumentVault } from '../crypto/document-vault';
import { HallClient } from './hall-client';

export interface HallLink {
  hallUrl: string;
  hallId: string;
  hallName: string;
  windowId: string;
  windowNo: string;
  /** The window's credential: Authorization: Bearer on every call. */
  credential: string;
  /** The hall's document lookup key (hex), the same at every window of the hall. */
  lookupKey: string;
  enrolledAt: string;
  enrolledBy: string | null;
}

interface HallLinkRow {
  hall_url: string;
  hall_id: string;
  hall_name: string;
  window_id: string;
  window_no: string;
  credential_sealed: string;
  lookup_key_sealed: string;
  enrolled_at: string;
  enrolled_by: string | null;
}

export function readHallLink(db: Db, vault: DocumentVault): HallLink | null {
  const row = db.prepare('SELECT * FROM hall_link WHERE id = 1').get() as HallLinkRow | undefined;
  if (!row) return null;
  return {
    hallUrl: row.hall_url,
    hallId: row.hall_id,
    hallName: row.hall_name,
    windowId: row.window_id,
    windowNo: row.window_no,
    credential: vault.open(row.credential_sealed),
    lookupKey: vault.open(row.lookup_key_sealed),
    enrolledAt: row.enrolled_at,
    enrolledBy: row.enrolled_by,
  };
}

/** Records the hall joined (inside the caller's write transaction); joining again replaces the link. */
export function saveHallLink(db: Db, vault: DocumentVault, link: HallLink): void {
  db.prepare(
    `INSERT INTO hall_link (id, hall_url, hall_id, hall_name, window_id, window_no, credential_sealed, lookup_key_sealed, enrolled_at, enrolled_by)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET hall_url = excluded.hall_url, hall_id = excluded.hall_id, hall_name = excluded.hall_name,
       window_id = excluded.window_id, window_no = excluded.window_no, credential_sealed = excluded.credential_sealed,
       lookup_key_sealed = excluded.lookup_key_sealed, enrolled_at = excluded.enrolled_at, enrolled_by = excluded.enrolled_by`,
  ).run(
    link.hallUrl,
    link.hallId,
    link.hallName,
    link.windowId,
    link.windowNo,
    vault.seal(link.credential),
    vault.seal(link.lookupKey),
    link.enrolledAt,
    link.enrolledBy,
  );
}

/** A client for the joined hall, or null when the window works on its own. */
export function hallClientOf(ctx: { db: Db; vault: DocumentVault; hallTimeoutMs: number }): HallClient | null {
  const link = readHallLink(ctx.db, ctx.vault);
  return link === null ? null : new HallClient({ url: link.hallUrl, credential: link.credential, timeoutMs: ctx.hallTimeoutMs });
}
