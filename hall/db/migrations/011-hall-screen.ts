/**
 * 11: the hall screen (综合屏). Two queue settings: whether the screen shows
 * the applicant's masked name next to a call (no names by default: the screen
 * is public) and how many times the voice says each announcement. Columns of
 * queue_setting, which the county publication already carries whole.
 */
import { ddlMigration } from '../ddl-migration';

export const migration011 = ddlMigration(11, 'hall-screen', `
      ALTER TABLE queue_setting
        ADD COLUMN screen_names text NOT NULL DEFAULT 'none' CHECK (screen_names IN ('none', 'masked')),
        ADD COLUMN announce_times integer NOT NULL DEFAULT 1 CHECK (announce_times BETWEEN 1 AND 3);
    `);
