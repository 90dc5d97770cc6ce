/**
 * Marriage registration (结婚登记), divorce registration with the cooling-off
 * period (离婚登记、离婚冷静期) and certificate replacement (补领婚姻登记证):
 * the forms, the outcome of each application and the clerk's divorce list.
 * The legal rules live in shared/domain (marriage-rules, divorce-periods,
 * civil-party, identity-documents); the core applies them to every request.
 */
import { z } from 'zod';
import { idField, optionalText, text } from '../fields';
import { EDUCATION_LEVELS, PRIOR_STATUSES } from '../domain/civil-party';
import { DOCUMENT_TYPES } from '../domain/identity-documents';
import { REFUSAL_REASONS } from '../domain/marriage-rules';
import { empty, method } from './method';

export const documentTypeSchema = z.enum(DOCUMENT_TYPES, '请选择证件类型');
export const sexSchema = z.enum(['male', 'female'], '请选择性别');
export const civilKindSchema = z.enum(['marriage', 'divorce', 'reissue'], '请选择登记类别');
export type CivilKind = z.infer<typeof civilKindSchema>;
export const civilStatusSchema = z.enum(['registered', 'refused', 'accepted', 'withdrawn', 'deemedWithdrawn']);
export type CivilStatus = z.infer<typeof civilStatusSchema>;
export const refusalReasonSchema = z.enum(REFUSAL_REASONS, '不予登记的理由不在列表中');

/** One party as the clerk types (or the ID reader fills) it. */
export const partyInputSchema = z
  .object({
    documentType: documentTypeSchema,
    documentNumber: z.string().trim().min(1, '请填写证件号码').max(40, '证件号码不能超过 40 位'),
    name: text(1, 40, 'name'),
    sex: sexSchema,
    birthDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, '出生日期格式应为 年-月-日，例如 1990-05-01'),
    nationality: text(1, 30),
    ethnicity: optionalText(12),
    occupation: optionalText(30),
    education: z.enum(EDUCATION_LEVELS, '请选择文化程度'),
    priorStatus: z.enum(PRIOR_STATUSES, '请选择婚姻状况'),
    phone: z.union([z.literal(''), z.string().trim().regex(/^[0-9+\-() ]{3,20}$/, '电话号码只能包含数字和 + - ( )')]),
    address: optionalText(100),
  })
  .strict();
export type PartyInput = z.infer<typeof partyInputSchema>;

/** A stored party: the document number only masked. */
export const partyViewSchema = partyInputSchema.omit({ documentNumber: true }).extend({
  documentNumberMasked: z.string(),
  /** Full years on the day the application was received. */
  age: z.number(),
});
export type PartyView = z.infer<typeof partyViewSchema>;

/** What the clerk confirms at the window (ticked boxes); each kind uses its own. */
export const civilChecksSchema = z
  .object({
    bothPresent: z.boolean().default(false),
    declarationsSigned: z.boolean().default(false),
    photosProvided: z.boolean().default(false),
    agreementSubmitted: z.boolean().default(false),
    certificatesPresented: z.boolean().default(false),
  })
  .strict();
export type CivilChecks = z.infer<typeof civilChecksSchema>;

export const reissueDetailsSchema = z
  .object({
    originalKind: z.enum(['marriage', 'divorce'], '请选择补领结婚证还是离婚证'),
    originalDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, '原登记日期格式应为 年-月-日'),
    originalCertificateNo: optionalText(40),
    reason: text(1, 60),
  })
  .strict();
export type ReissueDetails = z.infer<typeof reissueDetailsSchema>;

export const eligibilityProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  party: z.union([z.literal(0), z.literal(1), z.null()]),
});
export type EligibilityProblemView = z.infer<typeof eligibilityProblemSchema>;

export const divorceStageSchema = z.enum(['coolingOff', 'awaitingRegistration', 'expired', 'unknown']);

const person = z.object({ name: z.string(), staffNo: z.string() });

export const civilCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  kind: civilKindSchema,
  status: civilStatusSchema,
  contactId: z.string().nullable(),
  receivedAt: z.string(),
  receivedBy: person,
  parties: z.array(partyViewSchema),
  checks: civilChecksSchema,
  certificateNo: z.string().nullable(),
  registeredAt: z.string().nullable(),
  registrar: person.nullable(),
  refusal: z.object({ reasons: z.array(refusalReasonSchema), labels: z.array(z.string()), note: z.string() }).nullable(),
  /** Divorce only. Dates 'YYYY-MM-DD', or null while 待定 (the calendar does not cover the year). */
  divorce: z
    .object({
      coolingOffEnd: z.string().nullable(),
      certificateDeadline: z.string().nullable(),
      pendingReason: z.string().nullable(),
      stage: divorceStageSchema,
      /** Calendar days from today to the certificate deadline (negative once passed), null while 待定. */
      daysLeft: z.number().nullable(),
      withdrawnAt: z.string().nullable(),
      withdrawnByParty: z.union([z.literal(0), z.literal(1), z.null()]),
      deemedWithdrawnAt: z.string().nullable(),
    })
    .nullable(),
  reissue: reissueDetailsSchema.nullable(),
  /** 结婚登记: the clerk's confirmation that both parties were checked in 全国婚姻登记信息系统 (never printed). */
  nationalCheck: z.object({ checkedAt: z.string(), checkedBy: person }).nullable(),
  /** 离婚登记: the marriage certificate number(s) presented; the couple's marriage in this ledger when there is one. */
  marriage: z.object({ certificateNos: z.array(z.string()), caseId: z.string().nullable() }).nullable(),
});
export type CivilCase = z.infer<typeof civilCaseSchema>;

const parties = z.array(partyInputSchema).min(1, '请填写当事人信息').max(2, '最多两位当事人');
const contactId = idField.nullable().default(null);
const certificateNo = z.string().trim().toUpperCase().max(40, '证书编号不能超过 40 位').default('');
const withSlip = z.object({ case: civilCaseSchema, printJobId: z.string() });
const certificateNumberText = z.string().trim().toUpperCase().min(1, '请填写结婚证字号').max(40, '证书编号不能超过 40 位');

/** A party as carried from a check-in or an intake contact into the form. */
export const startPartySchema = z.object({ name: z.string(), documentType: documentTypeSchema, documentNumber: z.string(), phone: z.string() });
export type StartParty = z.infer<typeof startPartySchema>;

export const marriageMethods = {
  /** Read-only: every problem the form has today, for the clerk to fix before registering or to refuse. */
  'marriage.check': method({ effect: 'read',
    access: 'clerk',
    request: z.object({ kind: civilKindSchema, parties, checks: civilChecksSchema }).strict(),
    response: z.object({
      fieldProblems: z.array(z.object({ party: z.union([z.literal(0), z.literal(1)]), field: z.string(), message: z.string() })),
      problems: z.array(eligibilityProblemSchema),
      suggestedRefusals: z.array(refusalReasonSchema),
      /** Per party: what the document number says, to fill the form. */
      derived: z.array(z.object({ birthDate: z.string().nullable(), sex: sexSchema.nullable(), age: z.number().nullable(), warnings: z.array(z.string()) })),
      /** Divorce: the couple's marriage registered in this ledger, to fill in the certificate number. */
      ledgerMarriage: z.object({ certificateNo: z.string(), registeredAt: z.string() }).nullable(),
      /** 结婚登记 at a window joined to a hall: why the hall could not check the other windows' registrations, or null. */
      hallNotice: z.string().nullable(),
    }),
  }),
  /** 结婚登记 or 补领: registers on the spot, records the certificate number and prints the completion slip. */
  'marriage.register': method({ effect: 'write', audit: '结婚登记', changesDisplay: false,
    access: 'clerk',
    request: z
      .object({
        kind: z.enum(['marriage', 'reissue'], '请选择结婚登记或补领'),
        contactId,
        parties,
        checks: civilChecksSchema,
        certificateNo,
        reissue: reissueDetailsSchema.nullable().default(null),
        /** 结婚登记: 男方, 女方 checked in 全国婚姻登记信息系统 (联网核查); both required. */
        nationalCheck: z.tuple([z.boolean(), z.boolean()]).default([false, false]),
      })
      .strict(),
    response: withSlip,
  }),
  /** 不予登记: records the reasons and prints the 不予登记告知书 that states them. */
  'marriage.refuse': method({ effect: 'write', audit: '不予登记', changesDisplay: false,
    access: 'clerk',
    request: z
      .object({
        kind: civilKindSchema,
        contactId,
        parties,
        checks: civilChecksSchema,
        reasons: z.array(refusalReasonSchema).min(1, '请至少选择一项不予登记的理由').max(7),
        note: optionalText(200, 'multiline'),
      })
      .strict(),
    response: withSlip,
  }),
  'marriage.get': method({ effect: 'read', access: 'clerk', request: z.object({ id: idField }).strict(), response: civilCaseSchema }),
  /** Applications of this window received today, newest first. */
  'marriage.today': method({ effect: 'read', access: 'clerk', request: empty, response: z.array(civilCaseSchema) }),
  /** The parties of a check-in or intake contact of a marriage matter, to fill the form (numbers opened from the vault; audited). */
  'marriage.prefill': method({
    effect: 'write', audit: '调取证件号码填入婚姻登记表', changesDisplay: false,
    access: 'clerk',
    request: z.object({ contactId: idField }).strict(),
    response: z.object({ kind: civilKindSchema, parties: z.array(startPartySchema) }),
  }),
  /** Every application in which a party holds this document number (keyed-hash lookup; the view is audited). */
  'marriage.find': method({ effect: 'write', audit: '按证件号码查询婚姻登记', changesDisplay: false,
    access: 'clerk',
    request: z.object({ documentNumber: z.string().trim().min(1, '请输入或读取证件号码').max(40) }).strict(),
    response: z.array(civilCaseSchema),
  }),
  /** 离婚登记申请受理: prints the receipt with the cooling-off end and the certificate deadline. */
  'divorce.accept': method({ effect: 'write', audit: '受理离婚登记申请', changesDisplay: false,
    access: 'clerk',
    request: z
      .object({
        contactId,
        parties,
        checks: civilChecksSchema,
        /** The marriage certificate number(s) presented: one, or two when the couple's certificates differ. */
        marriageCertificateNos: z.array(certificateNumberText).min(1, '请填写结婚证字号').max(2, '最多填写两个结婚证字号'),
      })
      .strict(),
    response: withSlip.extend({ warning: z.string().nullable() }),
  }),
  /** Either party alone withdraws during the cooling-off period; prints the withdrawal slip. */
  'divorce.withdraw': method({ effect: 'write', audit: '撤回离婚登记申请', changesDisplay: false,
    access: 'clerk',
    /** The withdrawing party identified by their document (ID card reader or typed), matched by keyed hash. */
    request: z.object({ id: idField, documentNumber: z.string().trim().min(1, '请撤回的一方出示证件，读卡或输入证件号码').max(40, '证件号码不能超过 40 位') }).strict(),
    response: withSlip,
  }),
  /** Both parties are back within the window after the cooling-off period: register and issue the certificates. */
  'divorce.register': method({ effect: 'write', audit: '离婚登记', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField, bothPresent: z.boolean(), certificateNo }).strict(),
    response: withSlip,
  }),
  /** The clerk's divorce list: in cooling-off, awaiting registration (soonest deadline first), 待定. */
  'divorce.list': method({ effect: 'read',
    access: 'clerk',
    request: empty,
    response: z.object({ coolingOff: z.array(civilCaseSchema), awaitingRegistration: z.array(civilCaseSchema), pending: z.array(civilCaseSchema) }),
  }),
} as const;
