/**
 * The schema migrations, in order: migration N (MIGRATIONS[N - 1], file
 * NNN-*.ts) brings the schema to PRAGMA user_version = N. The runner is
 * migrate() in ../connection.ts. Never edit a shipped migration: add a new
 * file and list it at the end.
 */
import type { Db } from '../connection';
import { up as staffSessionsAudit } from './001-staff-sessions-audit';
import { up as printQueue } from './002-print-queue';
import { up as intakeReference } from './003-intake-reference';
import { up as calendarCoversYear } from './004-calendar-covers-year';
import { up as shiftsAuditChainArchive } from './005-shifts-audit-chain-archive';
import { up as ratingFollowUp } from './006-rating-follow-up';
import { up as statsIndexes } from './007-stats-indexes';
import { up as statsIndexesContinued } from './008-stats-indexes-continued';
import { up as marriageAppointmentsSealedIds } from './009-marriage-appointments-sealed-ids';
import { up as requestLog } from './010-request-log';
import { up as civilCaseNationalCheck } from './011-civil-case-national-check';
import { up as printJobUnconfirmed } from './012-print-job-unconfirmed';
import { up as auditChainBackfill } from './013-audit-chain-backfill';
import { up as sessionServing } from './014-session-serving';
import { up as hallLink } from './015-hall-link';
import { up as requestLogUnfinished } from './016-request-log-unfinished';
import { up as hallSync } from './017-hall-sync';
import { up as certificateLease } from './018-certificate-lease';
import { up as hallOwnedKinds } from './019-hall-owned-kinds';
import { up as serviceCaseIndexes } from './020-service-case-indexes';
import { up as queueCalled } from './021-queue-called';
import { up as serviceCaseCompleted } from './022-service-case-completed';

/** One migration: runs inside the runner's transaction, never opens its own. */
export type Migration = (db: Db) => void;

export const MIGRATIONS: readonly Migration[] = [
  staffSessionsAudit,
  printQueue,
  intakeReference,
  calendarCoversYear,
  shiftsAuditChainArchive,
  ratingFollowUp,
  statsIndexes,
  statsIndexesContinued,
  marriageAppointmentsSealedIds,
  requestLog,
  civilCaseNationalCheck,
  printJobUnconfirmed,
  auditChainBackfill,
  sessionServing,
  hallLink,
  requestLogUnfinished,
  hallSync,
  certificateLease,
  hallOwnedKinds,
  serviceCaseIndexes,
  queueCalled,
  serviceCaseCompleted,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
