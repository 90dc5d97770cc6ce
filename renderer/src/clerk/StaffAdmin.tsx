/** Supervisor: add and edit staff, set photos, reset PINs, end a lockout. */
import { useState, type FormEvent } from 'react';
import type { Staff } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, Notice, readFileBase64, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { StaffFields, type StaffForm } from './StaffFields';
import { StaffTable } from './StaffTable';

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

  const unlock = async () => {
    if (!editing || editing === 'new') return;
    setNotice(null);
    const saved = await run('staff.unlock', { id: editing.id });
    if (saved) {
      setEditing(saved);
      setNotice('账号锁定已解除');
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
        <StaffTable staff={staff} selectedId={editing !== 'new' ? (editing?.id ?? null) : null} onEdit={(s) => void open(s)} />
      </section>
      {editing ? (
        <section className="card">
          <h2>{isNew ? '新增工作人员' : `编辑：${form.name}`}</h2>
          <ErrorBanner error={error} />
          {notice ? <Notice>{notice}</Notice> : null}
          <form onSubmit={save} noValidate className="staff-form">
            <StaffFields form={form} set={set} error={error} busy={busy} isNew={isNew} isSelf={editing !== 'new' && editing.id === selfId} />
            <div className="actions">
              {!isNew && editing.lockedUntil ? (
                <button type="button" className="secondary" onClick={unlock} disabled={busy}>
                  解除锁定
                </button>
              ) : null}
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
