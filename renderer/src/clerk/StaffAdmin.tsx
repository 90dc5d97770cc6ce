/** Supervisor: add and edit staff, set photos, reset PINs. */
import { useState, type FormEvent } from 'react';
import type { Role, Staff } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, readFileBase64, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { TableHead } from '../TableHead';

interface StaffForm {
  staffNo: string;
  name: string;
  title: string;
  duties: string;
  partyMember: boolean;
  role: Role;
  active: boolean;
  pin: string;
}

const BLANK: StaffForm = { staffNo: '', name: '', title: '', duties: '', partyMember: false, role: 'clerk', active: true, pin: '' };

function formOf(s: Staff): StaffForm {
  return { staffNo: s.staffNo, name: s.name, title: s.title, duties: s.duties, partyMember: s.partyMember, role: s.role, active: s.active, pin: '' };
}

export function StaffAdmin({ api, selfId }: { api: RendererApi; selfId: string }) {
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [form, setForm] = useState<StaffForm>(BLANK);
  const [photo, setPhoto] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { run, error, busy, clear } = useAction(api);

  const query = useQuery(api, 'staff.list', {});
  const { reload } = query;
  const staff: Staff[] = query.data ?? [];

  const open = async (target: Staff | 'new') => {
    clear();
    setNotice(null);
    setEditing(target);
    setForm(target === 'new' ? BLANK : formOf(target));
    setPhoto(null);
    if (target !== 'new' && target.hasPhoto) {
      const p = await run('staff.photo', { id: target.id });
      if (p) setPhoto(p.dataUrl);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const { staffNo, name, title, duties, partyMember, role, active, pin } = form;
    const saved =
      editing === 'new'
        ? await run('staff.create', { staffNo, name, title, duties, partyMember, role, pin })
        : editing
          ? await run('staff.update', { id: editing.id, name, title, duties, partyMember, role, active })
          : undefined;
    if (saved) {
      await reload();
      setEditing(saved);
      setForm(formOf(saved));
      setNotice(editing === 'new' ? `已添加 ${saved.name}，现在可以上传照片` : '已保存');
    }
  };

  const resetPin = async () => {
    if (!editing || editing === 'new') return;
    setNotice(null);
    if ((await run('staff.resetPin', { id: editing.id, newPin: form.pin })) !== undefined) {
      setForm({ ...form, pin: '' });
      setNotice('PIN 已重置，账号锁定已解除；请让本人登录后修改 PIN');
      await reload();
    }
  };

  const uploadPhoto = async (file: File | undefined) => {
    if (!file || !editing || editing === 'new') return;
    setNotice(null);
    const saved = await run('staff.setPhoto', { id: editing.id, imageBase64: await readFileBase64(file) });
    if (saved) {
      const p = await run('staff.photo', { id: saved.id });
      if (p) setPhoto(p.dataUrl);
      setNotice('照片已更新');
      await reload();
    }
  };

  const set = <K extends keyof StaffForm>(key: K, value: StaffForm[K]) => setForm({ ...form, [key]: value });
  const isNew = editing === 'new';

  return (
    <div className="panel staff-panel">
      <section className="card">
        <div className="card-head">
          <h2>工作人员</h2>
          <button type="button" className="primary" onClick={() => open('new')}>
            新增工作人员
          </button>
        </div>
        <QueryError query={query} what="工作人员名单" />
        <table className="table" data-testid="staff-table">
          <TableHead columns={['工号', '姓名', '职务', '角色', '状态', '']} />
          <tbody>
            {staff.map((s) => (
              <tr key={s.id} className={editing !== 'new' && editing?.id === s.id ? 'selected' : ''}>
                <td>{s.staffNo}</td>
                <td>
                  {s.name}
                  {s.partyMember ? <span className="party-chip">党员</span> : null}
                </td>
                <td>{s.title}</td>
                <td>{s.role === 'supervisor' ? '主管' : '窗口人员'}</td>
                <td>{!s.active ? '已停用' : s.lockedUntil ? '已锁定' : s.hasPhoto ? '正常' : '缺照片'}</td>
                <td>
                  <button type="button" className="link" onClick={() => open(s)}>
                    编辑
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing ? (
        <section className="card">
          <h2>{isNew ? '新增工作人员' : `编辑：${form.name}`}</h2>
          <ErrorBanner error={error} />
          {notice ? <Notice>{notice}</Notice> : null}
          <form onSubmit={save} noValidate className="staff-form">
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
                  <input type="checkbox" name="active" checked={form.active} disabled={editing.id === selfId} onChange={(e) => set('active', e.target.checked)} />
                  启用账号
                </label>
              ) : null}
              <Field label={isNew ? 'PIN' : '新 PIN（重置用）'} error={fieldError(error, 'pin', 'newPin')} hint="6 位数字，不能是重复或连续数字">
                <input name="pin" type="password" inputMode="numeric" maxLength={6} value={form.pin} onChange={(e) => set('pin', e.target.value)} autoComplete="new-password" />
              </Field>
            </fieldset>
            <div className="actions">
              {!isNew ? (
                <button type="button" className="secondary" onClick={resetPin} disabled={busy}>
                  重置 PIN
                </button>
              ) : null}
              <button type="submit" className="primary" disabled={busy}>
                {isNew ? '添加' : '保存'}
              </button>
            </div>
          </form>
          {!isNew ? (
            <div className="photo-row">
              <div className="photo-box">{photo ? <img src={photo} alt={`${form.name}的照片`} /> : <span>暂无照片</span>}</div>
              <Field label="上传照片" hint="JPG / PNG，5 MB 以内，会裁剪为 3:4 证件照">
                <input type="file" name="photo" accept="image/jpeg,image/png,image/webp" disabled={busy} onChange={(e) => void uploadPhoto(e.target.files?.[0])} />
              </Field>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
