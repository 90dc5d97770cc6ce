/**
 * 6: queue calling (排队叫号). Kiosks enrol like windows (device_kind), the
 * hall's priority policy, the matters tickets are taken for (prefix, the
 * windows serving them, issuing hours, daily cap, weight), per-day counters,
 * the tickets, each window's call state and the queue event log (statistics).
 * Keyed on (hall_id, …) like every hall table, for county replication.
 */
import { ddlMigration } from '../ddl-migration';

export const migration006 = ddlMigration(6, 'queue', `
      ALTER TABLE enrolment_code ADD COLUMN device_kind text NOT NULL DEFAULT 'window' CHECK (device_kind IN ('window', 'kiosk'));
      ALTER TABLE hall_window ADD COLUMN device_kind text NOT NULL DEFAULT 'window' CHECK (device_kind IN ('window', 'kiosk'));

      CREATE TABLE queue_setting (
        hall_id text PRIMARY KEY REFERENCES hall (hall_id),
        appointments_in_slot_first boolean NOT NULL DEFAULT true,
        green_first boolean NOT NULL DEFAULT true,
        normal_per_priority integer NOT NULL DEFAULT 3 CHECK (normal_per_priority BETWEEN 1 AND 20),
        recall_cap integer NOT NULL DEFAULT 3 CHECK (recall_cap BETWEEN 0 AND 10),
        -- the supervisor is alerted when a matter has more tickets waiting; null: no alert
        waiting_alert integer CHECK (waiting_alert > 0)
      );

      CREATE TABLE queue_matter (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        matter text NOT NULL,
        name text NOT NULL,
        -- matters of one group share a prefix and its numbering
        prefix text NOT NULL CHECK (prefix ~ '^[A-Z]{1,2}$'),
        -- window numbers calling this matter; empty: every window
        window_nos text[] NOT NULL DEFAULT '{}',
        -- hall clock 'HH:MM', end excluded; null: all day
        issue_from text CHECK (issue_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        issue_until text CHECK (issue_until ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        daily_cap integer CHECK (daily_cap > 0),
        weight numeric NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 10),
        PRIMARY KEY (hall_id, matter)
      );

      -- the last number of a prefix on a hall date (Beijing): numbering restarts at the hall's midnight
      CREATE TABLE queue_counter (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        prefix text NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (hall_id, day, prefix)
      );

      -- tickets issued per matter and hall date: the daily cap is checked on this row, under its lock
      CREATE TABLE queue_matter_day (
        hall_id text NOT NULL,
        day text NOT NULL,
        matter text NOT NULL,
        issued integer NOT NULL,
        PRIMARY KEY (hall_id, day, matter),
        FOREIGN KEY (hall_id, matter) REFERENCES queue_matter (hall_id, matter)
      );

      CREATE TABLE queue_ticket (
        hall_id text NOT NULL,
        id uuid NOT NULL,
        -- the kiosk's (or window's) id of the request that took it: a repeated request gets the same ticket
        request_id uuid NOT NULL,
        taken_by uuid NOT NULL,
        day text NOT NULL,
        prefix text NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        code text NOT NULL,
        matter text NOT NULL,
        priority text NOT NULL CHECK (priority IN ('normal', 'green', 'appointment')),
        appointment_code text,
        slot_start timestamptz,
        slot_end timestamptz,
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'called', 'serving', 'done', 'passed')),
        -- the window that called it last
        window_id uuid,
        window_no text,
        -- transferred to one window: only that window calls it
        target_window_no text,
        taken_at timestamptz NOT NULL,
        called_at timestamptz,
        started_at timestamptz,
        ended_at timestamptz,
        recall_count integer NOT NULL DEFAULT 0,
        PRIMARY KEY (hall_id, id),
        UNIQUE (hall_id, day, prefix, number),
        UNIQUE (hall_id, request_id),
        FOREIGN KEY (hall_id, matter) REFERENCES queue_matter (hall_id, matter),
        FOREIGN KEY (hall_id, taken_by) REFERENCES hall_window (hall_id, window_id),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id),
        CHECK ((priority = 'appointment') = (appointment_code IS NOT NULL)),
        CHECK (status = 'waiting' OR window_id IS NOT NULL)
      );
      -- one check-in per booking
      CREATE UNIQUE INDEX queue_ticket_appointment ON queue_ticket (hall_id, appointment_code) WHERE appointment_code IS NOT NULL;
      -- a window holds at most one ticket at a time
      CREATE UNIQUE INDEX queue_ticket_current ON queue_ticket (hall_id, window_id) WHERE status IN ('called', 'serving');
      CREATE INDEX queue_ticket_waiting ON queue_ticket (hall_id, day, matter, priority, taken_at) WHERE status = 'waiting' AND target_window_no IS NULL;
      CREATE INDEX queue_ticket_targeted ON queue_ticket (hall_id, day, target_window_no, taken_at) WHERE status = 'waiting' AND target_window_no IS NOT NULL;
      CREATE INDEX queue_ticket_slot ON queue_ticket (hall_id, day, slot_start) WHERE status = 'waiting' AND priority = 'appointment';
      CREATE INDEX queue_ticket_code ON queue_ticket (hall_id, day, code);

      -- a window's call state: locked by each of its caller actions, so one window's actions run one at a time
      CREATE TABLE queue_window (
        hall_id text NOT NULL,
        window_id uuid NOT NULL,
        -- normal tickets called since the last priority ticket (the N : 1 rule)
        normal_streak integer NOT NULL DEFAULT 0,
        PRIMARY KEY (hall_id, window_id),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );

      -- what happened to each ticket, for the statistics (waiting, walk-to-window, service and idle times)
      CREATE TABLE queue_event (
        hall_id text NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        ticket_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('taken', 'called', 'recalled', 'passed', 'called_back', 'transferred', 'started', 'finished')),
        window_id uuid,
        staff_no text,
        matter text NOT NULL,
        at timestamptz NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        PRIMARY KEY (hall_id, id),
        FOREIGN KEY (hall_id, ticket_id) REFERENCES queue_ticket (hall_id, id)
      );
      CREATE INDEX queue_event_at ON queue_event (hall_id, at);
    `);
