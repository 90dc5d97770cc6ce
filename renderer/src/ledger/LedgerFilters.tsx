/** The ledger's filter form: dates, whose records, status and the search box (a number, a name or a document number). */
import type { FormEvent } from 'react';
import { LEDGER_CATEGORY_INFO, looksLikeDocumentNumber, type ApiError, type LedgerCategory, type LedgerFilter, type Session, type Staff } from '../../../shared/contract';
import { DateInput } from '../DateInput';
import { Field, fieldError } from '../ui';

export interface LedgerForm {
  from: string;
  to: string;
  staffId: string;
  status: string;
  search: string;
}

export const EMPTY_FORM: LedgerForm = { from: '', to: '', staffId: '', status: '', search: '' };

export function toFilter(category: LedgerCategory, form: LedgerForm): LedgerFilter {
  const filter: LedgerFilter = { category };
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  if (form.staffId) filter.staffId = form.staffId;
  if (form.status) filter.status = form.status;
  const search = form.search.trim();
  // a resident ID or passport-like number is looked up by its keyed hash; anything else is a record number or a name
  if (search && looksLikeDocumentNumber(search)) filter.documentNumber = search;
  else if (search) filter.search = search;
  return filter;
}

const SEARCH_HELP: Partial<Record<LedgerCategory, { hint: string; placeholder: string }>> = {
  marriages: {
    hint: '登记编号或证书字号（全号或开头），任一方当事人姓名（全名或姓名开头），或当事人完整的证件号码。',
    placeholder: '如 HY20261127-3-001、J110105-2026-000001、孙丽或证件号码',
  },
};
const DEFAULT_HELP = {
  hint: '接待、受理、告知单或引导单编号，申请人姓名（全名或姓名开头），或申请人完整的证件号码（18 位身份证号或护照等证件号）。',
  placeholder: '如 SL20260929-3-001、张三或证件号码',
};

interface Props {
  category: LedgerCategory;
  form: LedgerForm;
  setForm: (form: LedgerForm) => void;
  session: Session;
  staff: Staff[];
  error: ApiError | null;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onClear: () => void;
}

export function LedgerFilters({ category, form, setForm, session, staff, error, busy, onSubmit, onClear }: Props) {
  const info = LEDGER_CATEGORY_INFO[category];
  const help = SEARCH_HELP[category] ?? DEFAULT_HELP;
  const isSupervisor = session.staff.role === 'supervisor';
  return (
    <form className="ledger-filters" onSubmit={onSubmit} noValidate aria-label="筛选">
      <Field label="开始日期" error={fieldError(error, 'filter.from')}>
        <DateInput name="from" value={form.from} onChange={(v) => setForm({ ...form, from: v })} />
      </Field>
      <Field label="结束日期" error={fieldError(error, 'filter.to')}>
        <DateInput name="to" value={form.to} onChange={(v) => setForm({ ...form, to: v })} />
      </Field>
      <Field label={info.staffLabel}>
        <select name="staffId" value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.target.value })}>
          <option value="">全部</option>
          {isSupervisor ? (
            staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}（{s.staffNo}）
              </option>
            ))
          ) : (
            <option value={session.staff.id}>只看我的</option>
          )}
        </select>
      </Field>
      {info.statuses.length > 0 ? (
        <Field label="状态" error={fieldError(error, 'filter.status')}>
          <select name="status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
            <option value="">全部</option>
            {info.statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {info.searchable ? (
        <Field label="搜索" error={fieldError(error, 'filter.search', 'filter.documentNumber')} hint={help.hint}>
          <input name="search" value={form.search} maxLength={40} placeholder={help.placeholder} onChange={(e) => setForm({ ...form, search: e.target.value })} />
        </Field>
      ) : null}
      <div className="ledger-filter-actions">
        <button type="submit" className="primary" disabled={busy}>
          查询
        </button>
        <button type="button" className="secondary" onClick={onClear}>
          清除条件
        </button>
      </div>
    </form>
  );
}
