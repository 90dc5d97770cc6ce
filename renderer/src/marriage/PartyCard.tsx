/** One party of a marriage, divorce or replacement application: every field of the record, labelled for keyboard and screen reader. */
import type { ReactNode } from 'react';
import type { CivilKind } from '../../../shared/api/marriage';
import { DIVORCE_PHONE_HINT } from '../../../shared/domain/call-promise';
import { EDUCATION_LABELS, EDUCATION_LEVELS, ETHNIC_GROUPS, PRIOR_STATUS_LABELS, PRIOR_STATUSES, resolveEthnicity, SEX_LABELS, type PartyField } from '../../../shared/domain/civil-party';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '../../../shared/domain/identity-documents';
import { normalizeDateTyping, PARTY_FIELD_LABELS, partyTitle, type PartyForm } from './form';
import { SKIP_ON_ENTER } from './useShortcuts';

export const ETHNIC_LIST_ID = 'marriage-ethnic-groups';

export interface Derived {
  age: number | null;
  warnings: string[];
}

export function partyFieldId(prefix: string, index: number, field: PartyField | string): string {
  return `${prefix}-p${index}-${field}`;
}

/** Sex and birth date the reader (or the number typed) already filled: Enter steps over them. */
function skipWhenFilled(value: string): Record<string, string> {
  return value.trim() === '' ? {} : { [SKIP_ON_ENTER]: 'true' };
}

export function PartyCard({
  prefix,
  kind,
  index,
  party,
  problems,
  derived,
  onChange,
  onBlurField,
  onRemove,
}: {
  prefix: string;
  kind: CivilKind;
  index: number;
  party: PartyForm;
  problems: Partial<Record<PartyField, string>>;
  derived: Derived | null;
  onChange: (patch: Partial<PartyForm>, field: PartyField) => void;
  onBlurField: (field: PartyField) => void;
  onRemove?: () => void;
}) {
  const who = partyTitle(kind, index);
  const id = (field: PartyField) => partyFieldId(prefix, index, field);

  const row = (field: PartyField, control: ReactNode, hint?: string, span: 1 | 2 | 3 = 1) => (
    <FieldRow id={id(field)} label={PARTY_FIELD_LABELS[field]} problem={problems[field]} hint={hint} span={span}>
      {control}
    </FieldRow>
  );

  const common = (field: PartyField) => ({
    id: id(field),
    name: `${field}-${index}`,
    'aria-label': `${who} ${PARTY_FIELD_LABELS[field]}`,
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby': problems[field] ? `${id(field)}-note` : undefined,
    onBlur: () => onBlurField(field),
  });

  const text = (field: 'name' | 'occupation' | 'phone' | 'address' | 'nationality', max: number, extra: Record<string, string> = {}) => (
    <input {...common(field)} {...extra} value={party[field]} maxLength={max} autoComplete="off" onChange={(e) => onChange({ [field]: e.target.value }, field)} />
  );

  const ageNote = derived?.age != null ? `${derived.age} 周岁` : undefined;
  const numberHint = derived?.warnings.length ? derived.warnings.join('；') : party.documentType === 'residentId' ? '可直接在读卡器上读取身份证' : undefined;

  return (
    <section className={`card mar-party mar-party-${index}`} data-party={index} aria-label={who}>
      <div className="mar-party-head">
        <h3>{who}</h3>
        {onRemove ? (
          <button type="button" className="link" onClick={onRemove}>
            移除{who}
          </button>
        ) : null}
      </div>
      <div className="mar-grid">
        {row(
          'documentType',
          <select {...common('documentType')} value={party.documentType} onChange={(e) => onChange({ documentType: e.target.value as PartyForm['documentType'] }, 'documentType')}>
            <Options values={DOCUMENT_TYPES} labels={DOCUMENT_TYPE_LABELS} />
          </select>,
        )}
        {row(
          'documentNumber',
          <input
            {...common('documentNumber')}
            className="mar-mono"
            value={party.documentNumber}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ documentNumber: e.target.value }, 'documentNumber')}
          />,
          numberHint,
          2,
        )}
        {row('name', text('name', 40))}
        {row(
          'sex',
          <select {...common('sex')} {...skipWhenFilled(party.sex)} value={party.sex} onChange={(e) => onChange({ sex: e.target.value as PartyForm['sex'] }, 'sex')}>
            <option value="">请选择</option>
            <option value="male">{SEX_LABELS.male}</option>
            <option value="female">{SEX_LABELS.female}</option>
          </select>,
        )}
        {row(
          'birthDate',
          <input
            {...common('birthDate')}
            {...skipWhenFilled(party.birthDate)}
            value={party.birthDate}
            maxLength={10}
            placeholder="1990-01-01"
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => onChange({ birthDate: e.target.value }, 'birthDate')}
            onBlur={() => {
              const normalized = normalizeDateTyping(party.birthDate);
              if (normalized !== party.birthDate) onChange({ birthDate: normalized }, 'birthDate');
              onBlurField('birthDate');
            }}
          />,
          ageNote,
        )}
        {row('nationality', text('nationality', 30))}
        {row(
          'ethnicity',
          <input
            {...common('ethnicity')}
            list={ETHNIC_LIST_ID}
            value={party.ethnicity}
            maxLength={12}
            autoComplete="off"
            placeholder={party.nationality.trim() === '中国' ? '输入“汉”“回”…选择' : '外国国籍不填'}
            onChange={(e) => onChange({ ethnicity: e.target.value }, 'ethnicity')}
            onBlur={() => {
              // 汉 → 汉族 when the field is left (Enter moves on, so it blurs too)
              const resolved = resolveEthnicity(party.ethnicity);
              if (resolved !== party.ethnicity) onChange({ ethnicity: resolved }, 'ethnicity');
              onBlurField('ethnicity');
            }}
          />,
        )}
        {row('occupation', text('occupation', 30))}
        {row(
          'education',
          <select {...common('education')} value={party.education} onChange={(e) => onChange({ education: e.target.value as PartyForm['education'] }, 'education')}>
            <option value="">请选择</option>
            <Options values={EDUCATION_LEVELS} labels={EDUCATION_LABELS} />
          </select>,
        )}
        {row(
          'priorStatus',
          <select {...common('priorStatus')} value={party.priorStatus} onChange={(e) => onChange({ priorStatus: e.target.value as PartyForm['priorStatus'] }, 'priorStatus')}>
            <option value="">请选择</option>
            <Options values={PRIOR_STATUSES} labels={PRIOR_STATUS_LABELS} />
          </select>,
        )}
        {row('phone', text('phone', 20, { inputMode: 'tel' }), kind === 'divorce' ? DIVORCE_PHONE_HINT : undefined)}
        {row('address', text('address', 100), undefined, 3)}
      </div>
    </section>
  );
}

/** One labelled field of the card, with its problem (red) or hint under it. */
function FieldRow({ id, label, problem, hint, span, children }: { id: string; label: string; problem: string | undefined; hint: string | undefined; span: 1 | 2 | 3; children: ReactNode }) {
  const note = problem ?? hint;
  return (
    <div className={`field${problem ? ' field-invalid' : ''}${span > 1 ? ` mar-span${span}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {note ? (
        <span id={`${id}-note`} className={problem ? 'field-error' : 'field-hint'}>
          {note}
        </span>
      ) : null}
    </div>
  );
}

function Options<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </>
  );
}

/** The 56 ethnic groups, once per page, for every ethnicity field's suggestions. */
export function EthnicGroupList() {
  return (
    <datalist id={ETHNIC_LIST_ID}>
      {ETHNIC_GROUPS.map((g) => (
        <option key={g} value={g} />
      ))}
    </datalist>
  );
}
