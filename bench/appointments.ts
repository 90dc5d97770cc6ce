/**
 * Importing the online booking system's export: a 10,000-row CSV (both
 * parties with valid resident ID numbers, spread over 110 days and 16 slots a
 * day) through a real core's `appointments.import` — parse, check every
 * number, seal and hash both parties' numbers, capacity per slot, one
 * transaction with an audit and a change-log row per appointment — then the
 * same file again (the refresh case: every row compared, nothing written).
 *
 * `tsx bench/appointments.ts` prints the figures; bench/run.ts calls appointmentsBench().
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { hallDate } from '../shared/domain/hall-time';
import { residentIdCheckCharacter } from '../shared/domain/id-number';
import { withSupervisor } from './bench-core';

export const BOOKING_ROWS = 10_000;
const DAYS = 110;
const SLOTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00', '17:30', '18:00'];
const REGIONS = ['110105', '310104', '320102', '330106', '440305', '510107'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英';
const DAY_MS = 86_400_000;

function residentId(i: number): string {
  const region = REGIONS[i % REGIONS.length] ?? '110105';
  const birth = new Date(Date.UTC(1975, 0, 1) + (Math.floor(i / 1000) % 9000) * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${region}${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

function name(i: number): string {
  return `${SURNAMES[i % SURNAMES.length] ?? '王'}${GIVEN[(i * 7) % GIVEN.length] ?? '伟'}${GIVEN[(i * 13 + 5) % GIVEN.length] ?? ''}`;
}

function slotEnd(start: string): string {
  const [h, m] = start.split(':').map(Number);
  const minutes = (h ?? 0) * 60 + (m ?? 0) + 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The export as the booking system writes it: BOM, Chinese header, CRLF. */
export function bookingCsv(rows: number, firstDay: string): string {
  const lines = ['预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码'];
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  for (let i = 0; i < rows; i++) {
    const day = new Date(first + (i % DAYS) * DAY_MS).toISOString().slice(0, 10);
    const start = SLOTS[Math.floor(i / DAYS) % SLOTS.length] ?? '09:00';
    const item = i % 4 === 3 ? 'MAR-RECORD' : 'DIV-REG';
    lines.push(
      [`YY${String(i + 1).padStart(6, '0')}`, day, `${start}-${slotEnd(start)}`, item, name(2 * i), '居民身份证', residentId(2 * i), `138${String(i).padStart(8, '0')}`, name(2 * i + 1), '居民身份证', residentId(2 * i + 1)].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function appointmentsBench(): Promise<string[]> {
  const lines: string[] = [];
  await withSupervisor('appointments', { hallName: '基准测试婚姻登记处', windowNo: '3' }, async (core) => {

    const today = hallDate(Date.now());
    const content = bookingCsv(BOOKING_ROWS, today);
    const sizeMb = Buffer.byteLength(content) / 1024 / 1024;
    const started = performance.now();
    const first = await core.call('appointments.import', { fileName: 'bench-export.csv', content });
    const ms = performance.now() - started;
    if (!first.ok) throw new Error(first.error.message);
    const r = first.value;
    if (r.added !== BOOKING_ROWS || r.rejected !== 0) throw new Error(`import: added ${r.added}, rejected ${r.rejected}: ${r.problems[0]?.message ?? ''}`);
    lines.push(
      `appointments.import of a ${BOOKING_ROWS.toLocaleString('en')}-row booking CSV (${sizeMb.toFixed(1)} MB, two parties each): ${ms.toFixed(0)} ms, ${Math.round(BOOKING_ROWS / (ms / 1000)).toLocaleString('en')} rows/s (${r.overCapacity} over capacity)`,
    );

    const again = performance.now();
    const second = await core.call('appointments.import', { fileName: 'bench-export.csv', content });
    const ms2 = performance.now() - again;
    if (!second.ok) throw new Error(second.error.message);
    lines.push(`re-import of the same file (${second.value.unchanged} unchanged): ${ms2.toFixed(0)} ms, ${Math.round(BOOKING_ROWS / (ms2 / 1000)).toLocaleString('en')} rows/s`);
  });
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await appointmentsBench()) console.log(line);
}
