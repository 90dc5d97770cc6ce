/**
 * The parties of a marriage or divorce application. Document numbers are
 * stored sealed with the keyed lookup hash and the masked form beside them;
 * rows are final once written (migration 9's triggers).
 */
import type { PartyInput, PartyView } from '../../../shared/api/marriage';
import type { EducationLevel, PriorStatus } from '../../../shared/domain/civil-party';
import type { DocumentType, Sex } from '../../../shared/domain/identity-documents';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import { maskIdNumber } from '../../../shared/domain/masking';
import { fullYears } from '../../../shared/domain/marriage-rules';
import type { CoreContext } from '../core/context';
import type { Db } from '../db/connection';
import { newId } from '../core/ids';

interface PartyRow {
  position: 0 | 1;
  document_type: DocumentType;
  document_masked: string;
  name: string;
  sex: Sex;
  birth_date: string;
  nationality: string;
  ethnicity: string;
  occupation: string;
  education: EducationLevel;
  prior_status: PriorStatus;
  phone: string;
  address: string;
}

/** Writes the parties of a new case; call inside the case's transaction. */
export function insertParties(ctx: CoreContext, caseId: string, parties: readonly PartyInput[], at: string): void {
  const insert = ctx.db.prepare(
    `INSERT INTO civil_party (id, case_id, position, document_type, document_sealed, document_hash, document_masked, name, sex, birth_date,
       nationality, ethnicity, occupation, education, prior_status, phone, address, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  parties.forEach((p, position) => {
    const normalized = normalizeDocumentNumber(p.documentNumber);
    insert.run(
      newId(),
      caseId,
      position,
      p.documentType,
      ctx.vault.seal(normalized),
      ctx.vault.lookupHash(normalized),
      maskIdNumber(normalized),
      p.name,
      p.sex,
      p.birthDate,
      p.nationality,
      p.ethnicity,
      p.occupation,
      p.education,
      p.priorStatus,
      p.phone,
      p.address,
      at,
    );
  });
}

/** The parties as screens see them: masked number, age on the day received. */
export function partiesOf(ctx: CoreContext, caseId: string, receivedDay: string): PartyView[] {
  const rows = ctx.db.prepare('SELECT * FROM civil_party WHERE case_id = ? ORDER BY position').all(caseId) as PartyRow[];
  return rows.map((r) => ({
    documentType: r.document_type,
    documentNumberMasked: r.document_masked,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    nationality: r.nationality,
    ethnicity: r.ethnicity,
    occupation: r.occupation,
    education: r.education,
    priorStatus: r.prior_status,
    phone: r.phone,
    address: r.address,
    age: fullYears(r.birth_date, receivedDay),
  }));
}

/** Ids of the cases in which a party holds this document number (any type). */
export function casesWithDocument(ctx: CoreContext, documentNumber: string): string[] {
  const hash = ctx.vault.lookupHash(normalizeDocumentNumber(documentNumber));
  return ctx.db
    .prepare(
      `SELECT DISTINCT c.id FROM civil_party p JOIN civil_case c ON c.id = p.case_id
       WHERE p.document_hash = ? ORDER BY c.received_at DESC LIMIT 50`,
    )
    .pluck()
    .all(hash) as string[];
}

/** The lookup hashes of a case's parties, 男方/申请人 first. */
export function partyHashesOf(db: Db, caseId: string): string[] {
  return db.prepare('SELECT document_hash FROM civil_party WHERE case_id = ? ORDER BY position').pluck().all(caseId) as string[];
}

/** The position (0 男方/申请人, 1 女方) of the party of a case holding the document with this lookup hash. */
export function partyPositionOf(db: Db, caseId: string, hash: string): 0 | 1 | undefined {
  return db.prepare('SELECT position FROM civil_party WHERE case_id = ? AND document_hash = ?').pluck().get(caseId, hash) as 0 | 1 | undefined;
}

/** The number of a divorce application in progress in which this document's holder is a party, if any. */
export function openDivorceOf(db: Db, hash: string): string | undefined {
  return db
    .prepare(
      `SELECT c.case_no FROM civil_party p JOIN civil_case c ON c.id = p.case_id
       WHERE p.document_hash = ? AND c.kind = 'divorce' AND c.status = 'accepted' LIMIT 1`,
    )
    .pluck()
    .get(hash) as string | undefined;
}

/** A registered marriage or divorce of this ledger with the person as a party, and the other party of it. */
export interface RegistrationRow {
  caseId: string;
  kind: 'marriage' | 'divorce';
  registeredAt: string;
  certificateNo: string;
  partnerHash: string | null;
  partnerName: string | null;
  partnerMasked: string | null;
}

/** Every registered marriage and divorce of this ledger in which the holder of the document with this lookup hash is a party. */
export function registrationsOf(db: Db, hash: string): RegistrationRow[] {
  return db
    .prepare(
      `SELECT c.id AS caseId, c.kind, c.registered_at AS registeredAt, c.certificate_no AS certificateNo,
              o.document_hash AS partnerHash, o.name AS partnerName, o.document_masked AS partnerMasked
       FROM civil_party p
       JOIN civil_case c ON c.id = p.case_id
       LEFT JOIN civil_party o ON o.case_id = c.id AND o.position <> p.position
       WHERE p.document_hash = ? AND c.status = 'registered' AND c.kind IN ('marriage', 'divorce')`,
    )
    .all(hash) as RegistrationRow[];
}
