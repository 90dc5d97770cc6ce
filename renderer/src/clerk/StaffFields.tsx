/** The fields of a staff account being added or edited; the number is fixed once created. */
import type { Role } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { Field, fieldError } from '../ui';

export interface StaffForm {
  staffNo: string;
  name: string;
  title: string;
  duties: string;
  partyMember: boolean;
  role: Role;
  active: boolean;
  pin: string;
}

interface Props {
  form: StaffForm;
  set: <K extends keyof StaffForm>(key: K, value: StaffForm[K]) => void;
  error: ApiError | null;
  busy: boolean;
  isNew: boolean;
  /** The supervisor's own account cannot be switched off. */
  isSelf: boolean;
}

export function StaffFields({ form, set, error, busy, isNew, isSelf }: Props) {
  return (
    <fieldset disabled={busy}>
      <Field label="工号" error={fieldError(error, 'staffNo')} hint="2 到 16 位字母或数字，创建后不能修改">
        <input name="staffNo" value={form.staffNo} onChange={(e) => set('staffNo', e.target.value)} disabled={!isNew} maxLength={16} />
      </Field>
      <Field label="姓名" error={fieldError(error, 'name')}>
        <input name="name" value={form.name} onChange={(e) => set('name', e.target.value)} maxLength={20} />
      </Field>
      <Field label="职务" error={fieldError(error, 'title')}>
        <input name="title" value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={20} />
      </Field>
      <Field label="岗位职责" error={fieldError(error, 'duties')} hint="显示在公示屏上（亮职责）">
        <textarea name="duties" value={form.duties} onChange={(e) => set('duties', e.target.value)} maxLength={200} rows={3} />
      </Field>
      <label className="check">
        <input type="checkbox" name="partyMember" checked={form.partyMember} onChange={(e) => set('partyMember', e.target.checked)} />
        党员先锋岗
      </label>
      <Field label="角色" error={fieldError(error, 'role')}>
        <select name="role" value={form.role} onChange={(e) => set('role', e.target.value === 'supervisor' ? 'supervisor' : 'clerk')}>
          <option value="clerk">窗口人员</option>
          <option value="supervisor">主管</option>
        </select>
      </Field>
      {!isNew ? (
        <label className="check">
          <input type="checkbox" name="active" checked={form.active} disabled={isSelf} onChange={(e) => set('active', e.target.checked)} />
          启用账号
        </label>
      ) : null}
      <Field label={isNew ? 'PIN' : '新 PIN（重置用）'} error={fieldError(error, 'pin', 'newPin')} hint="6 位数字，不能是重复或连续数字">
        <input name="pin" type="password" inputMode="numeric" maxLength={6} value={form.pin} onChange={(e) => set('pin', e.target.value)} autoComplete="new-password" />
      </Field>
    </fieldset>
  );
}
