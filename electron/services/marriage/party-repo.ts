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
import type { CoreContext } from '../context';
import { newId } from '../ids';

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
  const rows = ctx.db
    .prepare(
      `SELECT DISTINCT c.id FROM civil_party p JOIN civil_case c ON c.id = p.case_id
       WHERE p.document_hash = ? ORDER BY c.received_at DESC LIMIT 50`,
    )
    .all(hash) as { id: string }[];
  return rows.map((r) => r.id);
}
