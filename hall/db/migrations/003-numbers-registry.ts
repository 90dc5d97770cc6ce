/** 3: hall-wide certificate numbers (counters, leased blocks, numbers used) and the marriage registry index. */
import { ddlMigration } from '../ddl-migration';

export const migration003 = ddlMigration(3, 'numbers-registry', `
      CREATE TABLE certificate_counter (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        kind text NOT NULL,
        year integer NOT NULL,
        last_seq integer NOT NULL,
        PRIMARY KEY (hall_id, kind, year)
      );

      -- a block of numbers handed to a window in advance, for registering while the hall is out of reach
      CREATE TABLE certificate_lease (
        hall_id text NOT NULL,
        lease_id uuid NOT NULL DEFAULT gen_random_uuid(),
        window_id uuid NOT NULL,
        kind text NOT NULL,
        year integer NOT NULL,
        first_seq integer NOT NULL,
        last_seq integer NOT NULL CHECK (last_seq >= first_seq),
        leased_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (hall_id, lease_id),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );
      CREATE INDEX certificate_lease_range ON certificate_lease (hall_id, kind, year, first_seq);

      -- numbers given out (online) or reported used (from a lease); allocated numbers missing here are gaps
      CREATE TABLE certificate_number (
        hall_id text NOT NULL,
        kind text NOT NULL,
        year integer NOT NULL,
        seq integer NOT NULL,
        window_id uuid NOT NULL,
        lease_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (hall_id, kind, year, seq),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );

      -- registered marriages and divorces of every window, by the keyed lookup hashes of both parties
      CREATE TABLE marriage_registry (
        hall_id text NOT NULL,
        case_id text NOT NULL,
        window_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('marriage', 'divorce')),
        registered_at text NOT NULL,
        certificate_no text NOT NULL,
        party_a_hash text NOT NULL,
        party_b_hash text NOT NULL,
        change_id uuid NOT NULL,
        PRIMARY KEY (hall_id, case_id),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );
      CREATE INDEX marriage_registry_party_a ON marriage_registry (hall_id, party_a_hash);
      CREATE INDEX marriage_registry_party_b ON marriage_registry (hall_id, party_b_hash);
    `);
