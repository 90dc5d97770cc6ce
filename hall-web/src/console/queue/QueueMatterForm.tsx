/** One matter tickets are taken for: prefix, the windows calling it, issuing hours, daily cap, weight and its own alert level. */
import { useState, type FormEvent } from 'react';
import type { QueueConfig, QueueMatterSave } from '../../../../shared/hall/console-reference';
import { ErrorBanner, Field, fieldError } from '../../ui';
import { useSaver } from '../reference/useConsole';
import { FormActions } from '../FormActions';

interface Props {
  matter: QueueMatterSave | null;
  onSaved: (c: QueueConfig) => void;
  onClose: () => void;
}

const text = (n: number | string | null): string => (n === null ? '' : String(n));
const numberOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s));

export function QueueMatterForm({ matter, onSaved, onClose }: Props) {
  const [form, setForm] = useState({
    matter: matter?.matter ?? '',
    name: matter?.name ?? '',
    prefix: matter?.prefix ?? '',
    windowNos: matter?.windowNos.join('、') ?? '',
    issueFrom: text(matter?.issueFrom ?? null),
    issueUntil: text(matter?.issueUntil ?? null),
    dailyCap: text(matter?.dailyCap ?? null),
    weight: text(matter?.weight ?? 1),
    waitingAlert: text(matter?.waitingAlert ?? null),
  });
  const saver = useSaver();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const err = (path: string) => fieldError(saver.error, path);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const req = {
      ...form,
      windowNos: form.windowNos.split(/[\s,，、]+/).filter((w) => w !== ''),
      issueFrom: form.issueFrom === '' ? null : form.issueFrom,
      issueUntil: form.issueUntil === '' ? null : form.issueUntil,
      dailyCap: numberOrNull(form.dailyCap),
      weight: Number(form.weight),
      waitingAlert: numberOrNull(form.waitingAlert),
    };
    if ((await saver.save('queueMatterSave', req, onSaved)) && matter === null) onClose();
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="matter-form-title">
      <h2 id="matter-form-title">{matter === null ? '新增取号事项' : `编辑 ${matter.name}`}</h2>
      <ErrorBanner error={saver.error} />
      <fieldset disabled={saver.busy} className="console-grid">
        <Field label="事项编码（与事项目录一致）" error={err('matter')}>
          <input name="matter" value={form.matter} maxLength={40} readOnly={matter !== null} onChange={(e) => set({ matter: e.target.value })} />
        </Field>
        <Field label="名称" error={err('name')}>
          <input name="name" value={form.name} maxLength={30} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field label="号码前缀" error={err('prefix')}>
          <input name="prefix" value={form.prefix} maxLength={2} onChange={(e) => set({ prefix: e.target.value.toUpperCase() })} />
        </Field>
        <Field label="办理窗口（空：所有窗口）" error={err('windowNos') ?? err('windowNos.0')}>
          <input name="windowNos" value={form.windowNos} onChange={(e) => set({ windowNos: e.target.value })} placeholder="如 1、2" />
        </Field>
        <Field label="取号开始（空：不限）" error={err('issueFrom')}>
          <input name="issueFrom" type="time" value={form.issueFrom} onChange={(e) => set({ issueFrom: e.target.value })} />
        </Field>
        <Field label="取号截止（空：不限）" error={err('issueUntil')}>
          <input name="issueUntil" type="time" value={form.issueUntil} onChange={(e) => set({ issueUntil: e.target.value })} />
        </Field>
        <Field label="每日上限（空：不限）" error={err('dailyCap')}>
          <input name="dailyCap" value={form.dailyCap} inputMode="numeric" maxLength={6} onChange={(e) => set({ dailyCap: e.target.value })} />
        </Field>
        <Field label="权重（等候时间乘以权重）" error={err('weight')}>
          <input name="weight" value={form.weight} inputMode="decimal" maxLength={4} onChange={(e) => set({ weight: e.target.value })} />
        </Field>
        <Field label="等候超过多少人提醒（空：按大厅设置）" error={err('waitingAlert')}>
          <input name="waitingAlert" value={form.waitingAlert} inputMode="numeric" maxLength={4} onChange={(e) => set({ waitingAlert: e.target.value })} />
        </Field>
      </fieldset>
      <FormActions note={saver.note && '已保存'} busy={saver.busy} label="保存事项" onClose={onClose} />
    </form>
  );
}
