/**
 * The office's identity on the settings screen (hall name, department, window
 * number, the phones, the leader on duty). Once the window has joined a hall
 * they are the hall's (the core refuses the window's own edit, naming the
 * hall): shown read-only, with a line saying where they are set.
 */
import type { SettingsView } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { Field, fieldError } from '../ui';

export type OfficeKey = 'hallName' | 'department' | 'windowNo' | 'officePhone' | 'complaintPhone' | 'supervisionPhone' | 'leaderOnDuty';

const FIELDS: { key: OfficeKey; label: string; max: number }[] = [
  { key: 'hallName', label: '大厅名称', max: 40 },
  { key: 'department', label: '所属部门', max: 40 },
  { key: 'windowNo', label: '窗口号', max: 8 },
  { key: 'officePhone', label: '咨询电话（印在告知单、回执上）', max: 20 },
  { key: 'complaintPhone', label: '投诉电话', max: 20 },
  { key: 'supervisionPhone', label: '监督电话', max: 20 },
  { key: 'leaderOnDuty', label: '值班领导', max: 40 },
];

/** hall: the name of the hall this window has joined, or null (the window sets these itself). */
export function OfficeFields({ form, error, hall, onChange }: { form: SettingsView; error: ApiError | null; hall: string | null; onChange: (key: OfficeKey, value: string) => void }) {
  return (
    <>
      {hall !== null ? (
        <p className="hall-owned-note" data-testid="hall-owned-note">
          本窗口已加入{hall}：以下单位信息和预约高峰日由{hall}在大厅管理台设置，窗口号在大厅登记窗口时确定，本窗口只能查看。
        </p>
      ) : null}
      {FIELDS.map((f) => (
        <Field key={f.key} label={f.label} error={fieldError(error, f.key)}>
          <input name={f.key} value={form[f.key]} maxLength={f.max} readOnly={hall !== null} onChange={(e) => onChange(f.key, e.target.value)} />
        </Field>
      ))}
    </>
  );
}
