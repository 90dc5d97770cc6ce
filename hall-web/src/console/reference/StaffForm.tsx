/** Adds a staff account (with its first PIN) or edits one: name, title, duties, role, in use or disabled. */
import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../../shared/hall/console-reference';
import type { ConsoleResponse } from '../../../../shared/hall/console-contract';
import { ErrorBanner, Field, fieldError } from '../../ui';
import { useSaver } from './useConsole';
import { FormActions } from '../FormActions';

interface Props {
  staff: StaffView | null;
  onSaved: (list: ConsoleResponse<'staffList'>) => void;
  onClose: () => void;
}

export function StaffForm({ staff, onSaved, onClose }: Props) {
  const [form, setForm] = useState({
    staffNo: staff?.staffNo ?? '',
    name: staff?.name ?? '',
    title: staff?.title ?? '',
    duties: staff?.duties ?? '',
    partyMember: staff?.partyMember ?? false,
    role: staff?.role ?? 'clerk',
    active: staff?.active ?? true,
  });
  const [pin, setPin] = useState('');
  const saver = useSaver();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await saver.save('staffSave', staff === null && pin !== '' ? { ...form, pin } : form, onSaved);
    if (done && staff === null) onClose();
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="staff-form-title">
      <h2 id="staff-form-title">{staff === null ? '新增人员' : `编辑 ${staff.name}（${staff.staffNo}）`}</h2>
      <ErrorBanner error={saver.error} />
      <fieldset disabled={saver.busy}>
        <Field label="工号" error={fieldError(saver.error, 'staffNo')}>
          <input name="staffNo" value={form.staffNo} onChange={(e) => set({ staffNo: e.target.value })} maxLength={16} readOnly={staff !== null} />
        </Field>
        <Field label="姓名" error={fieldError(saver.error, 'name')}>
          <input name="name" value={form.name} onChange={(e) => set({ name: e.target.value })} maxLength={20} />
        </Field>
        <Field label="职务" error={fieldError(saver.error, 'title')}>
          <input name="title" value={form.title} onChange={(e) => set({ title: e.target.value })} maxLength={20} />
        </Field>
        <Field label="岗位职责" error={fieldError(saver.error, 'duties')}>
          <input name="duties" value={form.duties} onChange={(e) => set({ duties: e.target.value })} maxLength={60} />
        </Field>
        <Field label="角色" error={fieldError(saver.error, 'role')}>
          <select name="role" value={form.role} onChange={(e) => set({ role: e.target.value === 'supervisor' ? 'supervisor' : 'clerk' })}>
            <option value="clerk">窗口人员</option>
            <option value="supervisor">主管</option>
          </select>
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.partyMember} onChange={(e) => set({ partyMember: e.target.checked })} />
          党员（工作牌显示党员标识）
        </label>
        <label className="check">
          <input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} />
          在用（取消即停用，各窗口随即不能登录）
        </label>
        {staff === null && (
          <Field label="初始 PIN（6 位数字）" error={fieldError(saver.error, 'pin')}>
            <input name="pin" type="password" value={pin} onChange={(e) => setPin(e.target.value)} inputMode="numeric" maxLength={6} autoComplete="new-password" />
          </Field>
        )}
      </fieldset>
      <FormActions note={saver.note} busy={saver.busy} label="保存" onClose={onClose} />
    </form>
  );
}
