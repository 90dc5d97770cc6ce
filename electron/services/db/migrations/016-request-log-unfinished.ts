/**
 * Migration 16: a kept request has no status any more. From migration 10
 * until the dispatcher wrote the answer in the write's own commit, the app
 * claimed a request before running it with status 'running' and no answer,
 * and set 'done' together with the sealed answer; so a row without an answer
 * is exactly a claim whose version stopped mid-request, and the request log
 * refuses its retry as unfinished (never runs it twice) by the missing answer
 * alone.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec('ALTER TABLE request_log DROP COLUMN status;');
}
