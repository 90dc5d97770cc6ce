/**
 * Statistics figures on a year of a hall of 20 windows (about 1,000,000
 * contacts, with cases, notification and referral slips, ratings for about
 * 60% of contacts and follow-ups for the bad ones): stats.report through the
 * API (validated and dispatched like any call) for one month grouped by clerk,
 * by window and by day, and for the whole year by month.
 */
import { performance } from 'node:perf_hooks';
import type { StatsGroupBy } from '../shared/domain/stats';
import { LEVEL_AT } from '../shared/domain/stats';
import { newId } from '../electron/services/core/ids';
import { percentile, seededRandom } from './measure';
import { hallDate } from '../shared/domain/hall-time';
import { runAlone, withSupervisor } from './bench-core';

const CONTACTS = 1_000_000;
const WINDOWS = 20;
const RUNS = 20;


export async function statsBench(): Promise<string[]> {
  const lines: string[] = [];
  await withSupervisor('stats', { hallName: '基准测试政务服务中心', windowNo: '1' }, async (core) => {
    // one clerk per window
    const clerks: string[] = [];
    for (let w = 1; w <= WINDOWS; w++) {
      const created = await core.call('staff.create', { staffNo: `1${String(w).padStart(3, '0')}`, pin: '135790', name: `登记员${w}`, title: '登记员', duties: '', partyMember: false, role: 'clerk' });
      if (!created.ok) throw new Error(created.error.message);
      clerks.push(created.value.id);
    }

    const random = seededRandom(20260930);
    const db = core.db;
    const t0 = performance.now();
    const insertContact = db.prepare(
      `INSERT INTO contact (id, hall_id, window_no, contact_no, channel, item_code, item_name, applicant_name, owner_staff_id, status, received_at, closed_at, created_at, updated_at)
       VALUES (?, 'bench', ?, ?, 'walkIn', 'MAR-RECORD', '婚姻登记记录证明', '张三', ?, ?, ?, ?, ?, ?)`,
    );
    const insertCase = db.prepare(
      `INSERT INTO service_case (id, hall_id, window_no, case_no, contact_id, item_code, item_name, accepted_by, accepted_at,
         time_limit_kind, working_days, due_date, status, created_at, updated_at)
       VALUES (?, 'bench', ?, ?, ?, 'MAR-RECORD', '婚姻登记记录证明', ?, ?, 'workingDays', 20, '2026-12-31', 'open', ?, ?)`,
    );
    const insertNotification = db.prepare(
      `INSERT INTO notification (id, hall_id, window_no, slip_no, contact_id, received, missing, issued_by, issued_at, created_at, updated_at)
       VALUES (?, 'bench', ?, ?, ?, '[]', '[]', ?, ?, ?, ?)`,
    );
    const insertReferral = db.prepare(
      `INSERT INTO referral (id, hall_id, window_no, slip_no, contact_id, target, issued_by, issued_at, created_at, updated_at)
       VALUES (?, 'bench', ?, ?, ?, '社会组织登记窗口', ?, ?, ?, ?)`,
    );
    const insertRating = db.prepare(
      `INSERT INTO rating (id, hall_id, window_no, contact_id, staff_id, status, level, requested_at, expires_at, answered_at, created_at, updated_at)
       VALUES (?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertFollowUp = db.prepare(
      `INSERT INTO follow_up (id, hall_id, window_no, rating_id, contact_id, staff_id, opened_at, contact_due, rectify_due, status, closed_at, created_at, updated_at)
       VALUES (?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const start = Date.parse('2025-09-30T16:00:00Z'); // 2025-10-01 00:00 in Beijing
    const step = (365 * 86_400_000) / CONTACTS;
    // weights of the five distribution positions (非常满意 … 非常不满意)
    const LEVEL_SHARE = [0.62, 0.25, 0.08, 0.03, 0.02];
    let seq = 0;
    const BATCH = 100_000;
    for (let from = 0; from < CONTACTS; from += BATCH) {
      db.transaction(() => {
        for (let i = from; i < Math.min(CONTACTS, from + BATCH); i++) {
          const ms = start + i * step;
          const at = new Date(ms).toISOString();
          const day = hallDate(new Date(ms).toISOString());
          const w = Math.floor(random() * WINDOWS);
          const windowNo = String(w + 1);
          const staff = clerks[w] ?? '';
          const id = newId();
          const n = ++seq;
          const r = random();
          const status = r < 0.33 ? 'accepted' : r < 0.43 ? 'notified' : r < 0.48 ? 'referred' : r < 0.98 ? 'closed' : 'open';
          insertContact.run(id, windowNo, `JD${day}-${n}`, staff, status, at, status === 'closed' ? at : null, at, at);
          const done = new Date(ms + (5 + Math.floor(random() * 55)) * 60_000).toISOString();
          if (status === 'accepted') insertCase.run(newId(), windowNo, `SL${day}-${n}`, id, staff, done, done, done);
          else if (status === 'notified') insertNotification.run(newId(), windowNo, `GZ${day}-${n}`, id, staff, done, done, done);
          else if (status === 'referred') insertReferral.run(newId(), windowNo, `YD${day}-${n}`, id, staff, done, done, done);
          if (random() < 0.6) {
            const ratingId = newId();
            const expires = new Date(ms + 65 * 60_000).toISOString();
            if (random() < 0.1) {
              insertRating.run(ratingId, windowNo, id, staff, 'notRated', null, done, expires, null, done, expires);
            } else {
              let x = random();
              let position = 0;
              while (position < 4 && x >= (LEVEL_SHARE[position] ?? 1)) x -= LEVEL_SHARE[position++] ?? 1;
              insertRating.run(ratingId, windowNo, id, staff, 'rated', LEVEL_AT[position] ?? null, done, expires, done, done, done);
              if (position >= 3) {
                const open = ms > start + 330 * 86_400_000 || random() < 0.05;
                const due = hallDate(new Date(ms + 10 * 86_400_000).toISOString());
                insertFollowUp.run(newId(), windowNo, ratingId, id, staff, done, hallDate(new Date(ms + 3 * 86_400_000).toISOString()), due, open ? 'open' : 'closed', open ? null : due, done, done);
              }
            }
          }
        }
      })();
    }
    db.pragma('optimize');
    const counts = db
      .prepare(`SELECT (SELECT COUNT(*) FROM contact) c, (SELECT COUNT(*) FROM service_case) s, (SELECT COUNT(*) FROM rating) r, (SELECT COUNT(*) FROM follow_up) f`)
      .get() as { c: number; s: number; r: number; f: number };
    lines.push(
      `statistics ledger: ${counts.c.toLocaleString('en')} contacts, ${counts.s.toLocaleString('en')} cases, ${counts.r.toLocaleString('en')} ratings, ${counts.f.toLocaleString('en')} follow-ups, ${WINDOWS} windows, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const measure = async (label: string, from: string, to: string, groupBy: StatsGroupBy, runs: number): Promise<void> => {
      const times: number[] = [];
      let rows = 0;
      let contacts = 0;
      for (let i = 0; i < runs; i++) {
        const q0 = performance.now();
        const report = await core.call('stats.report', { from, to, groupBy });
        times.push(performance.now() - q0);
        if (!report.ok) throw new Error(report.error.message);
        rows = report.value.rows.length;
        contacts = report.value.totals.contacts;
      }
      lines.push(
        `stats.report ${label} (${runs} runs, ${contacts.toLocaleString('en')} contacts → ${rows} rows): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
      );
    };
    await measure('monthly report by clerk, 2026-08', '2026-08-01', '2026-08-31', 'clerk', RUNS);
    await measure('monthly report by window, 2026-08', '2026-08-01', '2026-08-31', 'window', RUNS);
    await measure('monthly report by day, 2026-08', '2026-08-01', '2026-08-31', 'day', RUNS);
    await measure('whole year by month, 2025-10-01…2026-09-30', '2025-10-01', '2026-09-30', 'month', RUNS);
  });
  return lines;
}

// `tsx bench/stats.ts` runs it alone
if (process.argv[1]?.endsWith('stats.ts')) runAlone(statsBench);
