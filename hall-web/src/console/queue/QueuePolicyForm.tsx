/** The hall's priority policy (appointments in slot, 绿色通道, N normal : 1 priority), the recall cap and the hall-wide alert level. */
import { useState, type FormEvent } from 'react';
import type { QueueConfig, QueueSettingsSave } from '../../../../shared/hall/console-reference';
import { ErrorBanner, Field, fieldError } from '../../ui';
import { useSaver } from '../reference/useConsole';
import { FormActions } from '../FormActions';

export function QueuePolicyForm({ settings, onSaved }: { settings: QueueSettingsSave; onSaved: (c: QueueConfig) => void }) {
  const [form, setForm] = useState({ ...settings, normalPerPriority: String(settings.normalPerPriority), recallCap: String(settings.recallCap), waitingAlert: settings.waitingAlert === null ? '' : String(settings.waitingAlert) });
  const saver = useSaver();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await saver.save('queueSettingsSave', { ...form, normalPerPriority: Number(form.normalPerPriority), recallCap: Number(form.recallCap), waitingAlert: form.waitingAlert.trim() === '' ? null : Number(form.waitingAlert) }, onSaved);
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="policy-title">
      <h2 id="policy-title">优先规则</h2>
      <ErrorBanner error={saver.error} />
      <fieldset disabled={saver.busy}>
        <label className="check">
          <input type="checkbox" checked={form.appointmentsInSlotFirst} onChange={(e) => set({ appointmentsInSlotFirst: e.target.checked })} />
          预约号在预约时段内优先叫
        </label>
        <label className="check">
          <input type="checkbox" checked={form.greenFirst} onChange={(e) => set({ greenFirst: e.target.checked })} />
          绿色通道（老年人、残疾人、孕妇）优先叫
        </label>
        <Field label="普通号每叫几个插 1 个优先号" error={fieldError(saver.error, 'normalPerPriority')}>
          <input name="normalPerPriority" value={form.normalPerPriority} inputMode="numeric" maxLength={2} onChange={(e) => set({ normalPerPriority: e.target.value })} />
        </Field>
        <Field label="同一号最多重呼几次" error={fieldError(saver.error, 'recallCap')}>
          <input name="recallCap" value={form.recallCap} inputMode="numeric" maxLength={2} onChange={(e) => set({ recallCap: e.target.value })} />
        </Field>
        <Field label="某事项等候超过多少人时提醒主管（空：不提醒）" error={fieldError(saver.error, 'waitingAlert')}>
          <input name="waitingAlert" value={form.waitingAlert} inputMode="numeric" maxLength={4} onChange={(e) => set({ waitingAlert: e.target.value })} />
        </Field>
      </fieldset>
      <FormActions note={saver.note && '已保存'} busy={saver.busy} label="保存规则" />
    </form>
  );
}
