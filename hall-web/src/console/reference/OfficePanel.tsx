/** 办公信息: the office's name, department and phones (咨询电话 included) every window shows (its own window number stays its own). */
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorBanner, Field, fieldError } from '../../ui';
import { useLoad, useSaver } from './useConsole';
import { FormActions } from '../FormActions';

const EMPTY = { hallName: '', department: '', officePhone: '', complaintPhone: '', supervisionPhone: '', leaderOnDuty: '' };
const FIELDS: { key: keyof typeof EMPTY; label: string; max: number }[] = [
  { key: 'hallName', label: '大厅名称', max: 40 },
  { key: 'department', label: '所属部门', max: 40 },
  { key: 'officePhone', label: '咨询电话（印在各窗口的告知单、回执上；留空则各窗口沿用自己的）', max: 20 },
  { key: 'complaintPhone', label: '投诉电话', max: 20 },
  { key: 'supervisionPhone', label: '监督电话', max: 20 },
  { key: 'leaderOnDuty', label: '值班领导', max: 40 },
];

export function OfficePanel() {
  const loaded = useLoad('office', {});
  const saver = useSaver();
  const [form, setForm] = useState(EMPTY);
  useEffect(() => {
    if (loaded.value?.office) setForm({ ...EMPTY, ...loaded.value.office });
  }, [loaded.value]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // an empty 咨询电话 is not sent: each window keeps its own
    const { officePhone, ...rest } = form;
    await saver.save('officeSave', officePhone.trim() === '' ? rest : { ...rest, officePhone }, loaded.set);
  };

  return (
    <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="office-title">
      <h2 id="office-title">办公信息</h2>
      <p className="muted">{loaded.value?.office === null ? '大厅尚未设置，各窗口仍使用自己的设置。' : '各窗口的公示屏、工作牌和回执使用这些信息。'}</p>
      <ErrorBanner error={loaded.error ?? saver.error} />
      <fieldset disabled={saver.busy}>
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} error={fieldError(saver.error, f.key)}>
            <input name={f.key} value={form[f.key]} maxLength={f.max} onChange={(e) => setForm((o) => ({ ...o, [f.key]: e.target.value }))} />
          </Field>
        ))}
      </fieldset>
      <FormActions note={saver.note} busy={saver.busy} label="保存" />
    </form>
  );
}
