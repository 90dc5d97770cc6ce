/** A migration that is one DDL script, run as one query in the migrations' transaction. */
import type { Migration } from './migrate';

export function ddlMigration(version: number, name: string, ddl: string): Migration {
  return {
    version,
    name,
    async up(client) {
      await client.query(ddl);
    },
  };
}
