/**
 * 14: certificate numbers typed at a window (pre-printed certificates) are
 * claimed hall-wide, so two windows never register under the same typed
 * number; and the registry is searchable by certificate number. The claims
 * are published to the county like the other numbers (migration 8).
 */
import { ddlMigration } from '../ddl-migration';
import { COUNTY_PUBLICATION } from './008-county-publication';

export const migration014 = ddlMigration(
  14,
  'certificate-claim',
  `
      CREATE TABLE certificate_claim (
        hall_id text NOT NULL,
        certificate_no text NOT NULL,
        window_id uuid NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (hall_id, certificate_no),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );
      CREATE INDEX marriage_registry_certificate ON marriage_registry (hall_id, certificate_no);
      ALTER PUBLICATION ${COUNTY_PUBLICATION} ADD TABLE certificate_claim;
    `,
);
