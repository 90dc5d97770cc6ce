/**
 * Lookup by document number on 1,000,000 sealed numbers: a real core's
 * database with 500,000 marriage/divorce cases of two parties each in
 * civil_party, every number sealed (AES-256-GCM) with its keyed hash, as the
 * app stores them. Each lookup is what the app does: normalize → keyed hash →
 * the indexed hash column joined to the case → open the hits' sealed numbers.
 */
import { performance } from 'node:perf_hooks';
import { newId } from '../electron/services/core/ids';
import { residentIdCheckCharacter } from '../shared/domain/id-number';
import { normalizeDocumentNumber } from '../shared/domain/identity-documents';
import { maskIdNumber } from '../shared/domain/masking';
import { percentile, seededRandom } from './measure';
import { withSupervisor } from './bench-core';

const PARTIES = 1_000_000;
const LOOKUPS = 2000;
const BATCH = 20_000;
const REGIONS = ['110105', '110108', '310104', '320102', '330106', '370202', '420106', '440305', '510107', '610113'];
const DAY_MS = 86_400_000;
const FIRST_BIRTH = Date.UTC(1950, 0, 1);

/** The i-th party's resident ID: a real region, a birth date and sequence from i (unique for i < 18M), the GB 11643 check character. */
export function residentId(i: number): string {
  const region = REGIONS[i % REGIONS.length] ?? '110105';
  const birth = new Date(FIRST_BIRTH + (Math.floor(i / 1000) % 18_000) * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${region}${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** How a clerk might type it: as printed, with a lower-case x, with spaces, or in full-width digits. */
function typed(number: string, style: number): string {
  switch (style % 4) {
    case 1:
      return number.toLowerCase();
    case 2:
      return `${number.slice(0, 6)} ${number.slice(6, 14)} ${number.slice(14)}`;
    case 3:
      return number.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    default:
      return number;
  }
}

export async function lookupBench(): Promise<string[]> {
  const lines: string[] = [];
  await withSupervisor('lookup', { hallName: '基准测试政务服务中心', windowNo: '3' }, async (core, staffId) => {
    const { db } = core;
    const vault = core.ctx.vault;
    const insertCase = db.prepare(
      `INSERT INTO civil_case (id, hall_id, window_no, case_no, kind, status, received_by, received_at, registered_at, created_at, updated_at)
       VALUES (?, 'bench', '3', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // civil_party rows are final (update/delete triggers): insert only
    const insertParty = db.prepare(
      `INSERT INTO civil_party (id, case_id, position, document_type, document_sealed, document_hash, document_masked, name, sex, birth_date,
         nationality, education, prior_status, created_at)
       VALUES (?, ?, ?, 'residentId', ?, ?, ?, ?, ?, ?, 'CHN', 'bachelor', 'unmarried', ?)`,
    );
    const random = seededRandom(20261001);
    const t0 = performance.now();
    const seedBatch = db.transaction((from: number, to: number) => {
      for (let c = from; c < to; c++) {
        const caseId = newId();
        const at = new Date(Date.UTC(2025, 0, 1) + Math.floor((c / (PARTIES / 2)) * 365 * DAY_MS)).toISOString();
        const kind = random() < 0.8 ? 'marriage' : 'divorce';
        const status = kind === 'marriage' ? 'registered' : 'accepted';
        insertCase.run(caseId, `${kind === 'marriage' ? 'J' : 'L'}${String(c).padStart(8, '0')}`, kind, status, staffId, at, status === 'registered' ? at : null, at, at);
        for (let position = 0; position < 2; position++) {
          const i = c * 2 + position;
          const number = residentId(i);
          insertParty.run(
            newId(),
            caseId,
            position,
            vault.seal(number),
            vault.lookupHash(number),
            maskIdNumber(number),
            `当事人${i}`,
            Number(number[16]) % 2 === 1 ? 'male' : 'female',
            `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`,
            at,
          );
        }
      }
    });
    for (let c = 0; c < PARTIES / 2; c += BATCH / 2) seedBatch(c, Math.min(PARTIES / 2, c + BATCH / 2));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const seeded = (performance.now() - t0) / 1000;
    const count = (db.prepare('SELECT COUNT(*) AS n FROM civil_party').get() as { n: number }).n;
    lines.push(`lookup by ID number: seeded ${count.toLocaleString('en')} sealed civil_party rows (+ ${(count / 2).toLocaleString('en')} civil_case) in ${seeded.toFixed(1)} s`);

    const find = db.prepare(
      `SELECT p.document_sealed, p.name, p.position, c.case_no, c.kind, c.status, c.received_at
       FROM civil_party p JOIN civil_case c ON c.id = p.case_id
       WHERE p.document_hash = ?`,
    );
    const times: number[] = [];
    let found = 0;
    let misses = 0;
    for (let n = 0; n < LOOKUPS; n++) {
      // nine in ten look up a stored number (as typed at the counter), one in ten a number never registered
      const stored = random() < 0.9;
      const number = stored ? residentId(Math.floor(random() * PARTIES)) : residentId(PARTIES + Math.floor(random() * PARTIES));
      const input = typed(number, n);
      const start = performance.now();
      const rows = find.all(vault.lookupHash(normalizeDocumentNumber(input))) as { document_sealed: string; case_no: string }[];
      const opened = rows.map((r) => ({ ...r, number: vault.open(r.document_sealed) }));
      times.push(performance.now() - start);
      if (stored && !opened.some((r) => r.number === number)) throw new Error(`lookup of ${maskIdNumber(number)} missed a stored party`);
      if (!stored && opened.length > 0) throw new Error('a number never stored was found');
      if (stored) found++;
      else misses++;
    }
    lines.push(
      `lookup by ID number (${LOOKUPS} lookups over ${count.toLocaleString('en')} parties, ${found} hits / ${misses} misses; normalize → hash → indexed join → open): ` +
        `p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms`,
    );
  });
  return lines;
}
