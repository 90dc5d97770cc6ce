/**
 * Ledger figures on a ledger of 1,000,000 contacts (a year of a busy window,
 * with cases and notification slips): the shift summary time, search by number and by name p95
 * through the API (ledger.query, validated and dispatched like any call), and
 * CSV export rows per second over every contact (ledger.export).
 */
import { performance } from 'node:perf_hooks';
import { shiftSummary } from '../electron/services/handover/handover-service';
import { newId } from '../electron/services/core/ids';
import { percentile, seededRandom } from './measure';
import { hallDate } from '../shared/domain/hall-time';
import { runAlone, withSupervisor } from './bench-core';

const CONTACTS = 1_000_000;
const QUERIES = 300;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣晨博文佳怡思雨子轩梓涵一诺浩然'.split('');


export async function ledgerBench(): Promise<string[]> {
  const lines: string[] = [];
  await withSupervisor('ledger', { hallName: '基准测试政务服务中心', windowNo: '3' }, async (core, supervisorId) => {
    const staffIds = [supervisorId];
    for (let i = 0; i < 5; i++) {
      const created = await core.call('staff.create', { staffNo: `10${i}1`, pin: '135790', name: `登记员${i + 1}`, title: '登记员', duties: '', partyMember: false, role: 'clerk' });
      if (!created.ok) throw new Error(created.error.message);
      staffIds.push(created.value.id);
    }

    // a year of contacts, in time order, with cases for a third and notification slips for a tenth
    const random = seededRandom(20260929);
    const db = core.db;
    const t0 = performance.now();
    const insertContact = db.prepare(
      `INSERT INTO contact (id, hall_id, window_no, contact_no, channel, item_code, item_name, applicant_name, applicant_phone,
         applicant_id_masked, owner_staff_id, status, received_at, closed_at, created_at, updated_at)
       VALUES (?, 'bench', '3', ?, 'walkIn', 'MAR-RECORD', '婚姻登记记录证明', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCase = db.prepare(
      `INSERT INTO service_case (id, hall_id, window_no, case_no, contact_id, item_code, item_name, accepted_by, accepted_at,
         time_limit_kind, working_days, due_date, status, completed_at, created_at, updated_at)
       VALUES (?, 'bench', '3', ?, ?, 'MAR-RECORD', '婚姻登记记录证明', ?, ?, 'workingDays', 20, '2026-12-31', ?, ?, ?, ?)`,
    );
    const insertNotification = db.prepare(
      `INSERT INTO notification (id, hall_id, window_no, slip_no, contact_id, received, missing, supplement_by, issued_by, issued_at, created_at, updated_at)
       VALUES (?, 'bench', '3', ?, ?, '[]', '[{"name":"居民身份证"}]', NULL, ?, ?, ?, ?)`,
    );
    const start = Date.parse('2025-09-29T00:30:00Z');
    const step = (365 * 86_400_000) / CONTACTS;
    const numbers: string[] = [];
    const names: string[] = [];
    const counters = new Map<string, number>();
    const next = (prefix: string, day: string): string => {
      const key = prefix + day;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return `${prefix}${day}-3-${String(n).padStart(3, '0')}`;
    };
    const BATCH = 50_000;
    for (let from = 0; from < CONTACTS; from += BATCH) {
      db.transaction(() => {
        for (let i = from; i < Math.min(CONTACTS, from + BATCH); i++) {
          const ms = start + i * step;
          const at = new Date(ms).toISOString();
          const day = hallDate(new Date(ms).toISOString()).replaceAll('-', '');
          const id = newId();
          const surname = SURNAMES[Math.floor(random() * SURNAMES.length)] ?? '王';
          const given = (GIVEN[Math.floor(random() * GIVEN.length)] ?? '') + (random() < 0.6 ? (GIVEN[Math.floor(random() * GIVEN.length)] ?? '') : '');
          const name = surname + given;
          const contactNo = next('JD', day);
          const staff = staffIds[Math.floor(random() * staffIds.length)] ?? staffIds[0];
          const r = random();
          const status = r < 0.33 ? 'accepted' : r < 0.43 ? 'notified' : r < 0.97 ? 'closed' : 'open';
          const phone = `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
          insertContact.run(id, contactNo, name, phone, `110105********${String(Math.floor(random() * 1e4)).padStart(4, '0')}`, staff, status, at, status === 'closed' ? at : null, at, at);
          if (status === 'accepted') insertCase.run(newId(), next('SL', day), id, staff, at, random() < 0.7 ? 'completed' : 'open', null, at, at);
          if (status === 'notified') insertNotification.run(newId(), next('GZ', day), id, staff, at, at, at);
          if (i % 997 === 0) {
            numbers.push(contactNo);
            names.push(random() < 0.5 ? name : surname + (GIVEN[Math.floor(random() * GIVEN.length)] ?? ''));
          }
        }
      })();
    }
    db.pragma('optimize');
    lines.push(`ledger of ${CONTACTS.toLocaleString('en')} contacts built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const measure = async (label: string, searches: string[]): Promise<void> => {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < QUERIES; i++) {
        const search = searches[i % searches.length] ?? '';
        const q0 = performance.now();
        const page = await core.call('ledger.query', { filter: { category: 'contacts', search }, limit: 50 });
        times.push(performance.now() - q0);
        if (!page.ok) throw new Error(page.error.message);
        hits += page.value.rows.length;
      }
      lines.push(`ledger search by ${label} (${QUERIES} queries, 1,000,000 contacts, first page of 50 with its count): p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms (${(hits / QUERIES).toFixed(1)} rows per answer)`);
    };
    // the shift summary the handover screen shows: one clerk's work over a shift, and the window's open work
    const summaryTimes = (from: string, to: string): number[] => {
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const s0 = performance.now();
        shiftSummary(core.ctx, staffIds[1] ?? '', from, to);
        times.push(performance.now() - s0);
      }
      return times;
    };
    const lastDay = summaryTimes('2026-09-28T00:30:00.000Z', '2026-09-28T09:30:00.000Z');
    lines.push(`shift summary (a 9-hour shift, 1,000,000 contacts in the ledger, 50 runs): p50 ${percentile(lastDay, 50).toFixed(1)} ms, p95 ${percentile(lastDay, 95).toFixed(1)} ms`);
    const wholeYear = summaryTimes('2025-09-29T00:00:00.000Z', '2026-09-29T00:00:00.000Z');
    lines.push(`shift summary over the whole year (worst case, 50 runs): p50 ${percentile(wholeYear, 50).toFixed(1)} ms, p95 ${percentile(wholeYear, 95).toFixed(1)} ms`);

    await measure('contact number (exact)', numbers);
    await measure('applicant name (exact or beginning)', names);

    const e0 = performance.now();
    const exported = await core.call('ledger.export', { filter: { category: 'contacts' }, format: 'csv', fullValues: false });
    const seconds = (performance.now() - e0) / 1000;
    if (!exported.ok) throw new Error(exported.error.message);
    lines.push(
      `CSV export of every contact: ${exported.value.rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${Math.round(exported.value.rows / seconds).toLocaleString('en')} rows/s (${(exported.value.bytes / 1e6).toFixed(0)} MB)`,
    );
  });
  return lines;
}

// `tsx bench/ledger.ts` runs it alone
if (process.argv[1]?.endsWith('ledger.ts')) runAlone(ledgerBench);
