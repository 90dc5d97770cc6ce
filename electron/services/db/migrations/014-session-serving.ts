/**
 * Migration 14: whether a session opened the window to the public. A
 * supervisor's login opens it only when they start serving (a configuration
 * login leaves the display at 窗口未开放); existing sessions keep serving.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`ALTER TABLE clerk_session ADD COLUMN serving INTEGER NOT NULL DEFAULT 1 CHECK (serving IN (0, 1));`);
}
