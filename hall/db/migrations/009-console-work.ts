/**
 * 9: the console's open cases and statistics across windows. ledger_entry
 * also holds the latest state of accepted cases, callbacks, bad-rating
 * follow-ups, complaints, ratings, 告知单 / 引导单 and the windows' staff rows
 * (hall/store/ledger-projection.ts, WORK_ENTITIES); the open-cases screen
 * looks them up by entity and status. Rows pushed before this migration are
 * projected here, in arrival order. The queue's statistics need no new
 * column: queue_event (migration 6) records every pass and transfer.
 */
import type { Migration } from '../migrate';
import { backfillWorkEntities } from '../../store/ledger-projection';

export const migration009: Migration = {
  version: 9,
  name: 'console-work',
  async up(client) {
    await client.query('CREATE INDEX ledger_entry_work ON ledger_entry (hall_id, entity, status, window_no)');
    await backfillWorkEntities(client);
  },
};
