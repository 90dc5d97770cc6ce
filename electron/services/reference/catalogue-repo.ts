/**
 * The catalogue_version table (imported service catalogues). Every statement
 * on it lives here; a row read from SQLite gets its type here, once.
 */
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

/** An imported version with the name of the supervisor who imported it. */
export interface VersionRow {
  id: string;
  version: string;
  content: string;
  imported_by: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  imported_by_name: string | null;
  imported_by_no: string | null;
}

const SELECT_VERSION = `SELECT v.*, s.name AS imported_by_name, s.staff_no AS imported_by_no
  FROM catalogue_version v LEFT JOIN staff s ON s.id = v.imported_by`;

/** Every imported version, newest first. */
export function versionRows(db: Db): VersionRow[] {
  return db.prepare(`${SELECT_VERSION} ORDER BY v.created_at DESC, v.rowid DESC`).all() as VersionRow[];
}

/** The versions marked active (one, normally), newest first. */
export function activeVersionRows(db: Db): VersionRow[] {
  return db.prepare(`${SELECT_VERSION} WHERE v.active = 1 ORDER BY v.created_at DESC, v.rowid DESC`).all() as VersionRow[];
}

export function versionById(db: Db, id: string): VersionRow | undefined {
  return db.prepare(`${SELECT_VERSION} WHERE v.id = ?`).get(id) as VersionRow | undefined;
}

export function deactivateVersion(db: Db, id: string, at: string): void {
  db.prepare('UPDATE catalogue_version SET active = 0, updated_at = ? WHERE id = ?').run(at, id);
}

/** Stores an imported catalogue as the active version. */
export function insertActiveVersion(db: Db, origin: Origin, v: { id: string; version: string; content: string; importedBy: string | null; at: string }): void {
  db.prepare(
    `INSERT INTO catalogue_version (id, hall_id, window_no, version, content, imported_by, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(v.id, origin.hallId, origin.windowNo, v.version, v.content, v.importedBy, v.at, v.at);
}
