/** Supervisor: hall identity, window number, phones, leader on duty, idle lock, LAN access. */
import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';

export function SettingsPanel({ api, onSaved }: { api: RendererApi; onSaved: () => void }) {
  const [form, setForm] = useState<SettingsView | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, error, busy } = useAction(api);

  useEffect(() => {
    void api.call('settings.get', {}).then((r) => r.ok && setForm(r.value));
  }, [api]);

  if (!form) return <div className="panel">正在读取设置…</div>;

  const text = (key: 'hallName' | 'department' | 'windowNo' | 'complaintPhone' | 'supervisionPhone' | 'leaderOnDuty' | 'officePhone', max: number) => (
    <input
      name={key}
      value={form[key]}
      maxLength={max}
      onChange={(e) => {
        setSaved(false);
        setForm({ ...form, [key]: e.target.value });
      }}
    />
  );

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { pairingToken, ...patch } = form;
    const next = await run('settings.update', patch);
    if (next) {
      setForm(next);
      setSaved(true);
      onSaved();
    }
  };

  return (
    <div className="panel">
      <form className="card narrow" onSubmit={save} noValidate>
        <h2>系统设置</h2>
        <ErrorBanner error={error} />
        {saved ? <Notice>设置已保存。</Notice> : null}
        <fieldset disabled={busy}>
          <Field label="大厅名称" error={fieldError(error, 'hallName')}>{text('hallName', 40)}</Field>
          <Field label="所属部门" error={fieldError(error, 'department')}>{text('department', 40)}</Field>
          <Field label="窗口号" error={fieldError(error, 'windowNo')}>{text('windowNo', 8)}</Field>
          <Field label="咨询电话（印在告知单、回执上）" error={fieldError(error, 'officePhone')}>{text('officePhone', 20)}</Field>
          <Field label="投诉电话" error={fieldError(error, 'complaintPhone')}>{text('complaintPhone', 20)}</Field>
          <Field label="监督电话" error={fieldError(error, 'supervisionPhone')}>{text('supervisionPhone', 20)}</Field>
          <Field label="值班领导" error={fieldError(error, 'leaderOnDuty')}>{text('leaderOnDuty', 40)}</Field>
          <Field label="无操作自动锁屏（分钟）" error={fieldError(error, 'idleLockMinutes')}>
            <input
              name="idleLockMinutes"
              type="number"
              min={1}
              max={120}
              value={form.idleLockMinutes}
              onChange={(e) => setForm({ ...form, idleLockMinutes: e.target.valueAsNumber })}
            />
          </Field>
          <Field label="归档期限（月）" error={fieldError(error, 'archiveAfterMonths')} hint="已办结超过这个月数的记录移入月度归档文件">
            <input name="archiveAfterMonths" type="number" min={1} max={600} value={form.archiveAfterMonths} onChange={(e) => setForm({ ...form, archiveAfterMonths: e.target.valueAsNumber })} />
          </Field>
          <Field label="扫描件、照片保留天数" error={fieldError(error, 'purgeScansAfterDays')} hint="超过天数的本地扫描件和打印存档文件会被清除（员工照片不受影响）">
            <input name="purgeScansAfterDays" type="number" min={1} max={36500} value={form.purgeScansAfterDays} onChange={(e) => setForm({ ...form, purgeScansAfterDays: e.target.valueAsNumber })} />
          </Field>
          <Field label="评价等待时间（秒）" error={fieldError(error, 'ratingTimeoutSeconds')} hint="请申请人评价后，超过这个时间未评价记为“未评价”">
            <input name="ratingTimeoutSeconds" type="number" min={10} max={600} value={form.ratingTimeoutSeconds} onChange={(e) => setForm({ ...form, ratingTimeoutSeconds: e.target.valueAsNumber })} />
          </Field>
          <Field label="差评联系申请人期限（工作日）" error={fieldError(error, 'followUpContactDays')} hint="收到差评后，在这么多个工作日内联系申请人">
            <input name="followUpContactDays" type="number" min={0} max={30} value={form.followUpContactDays} onChange={(e) => setForm({ ...form, followUpContactDays: e.target.valueAsNumber })} />
          </Field>
          <Field label="差评整改期限（工作日）" error={fieldError(error, 'followUpRectifyDays')} hint="收到差评后，在这么多个工作日内完成整改">
            <input name="followUpRectifyDays" type="number" min={0} max={60} value={form.followUpRectifyDays} onChange={(e) => setForm({ ...form, followUpRectifyDays: e.target.valueAsNumber })} />
          </Field>
          <label className="check">
            <input type="checkbox" name="allowLan" checked={form.allowLan} onChange={(e) => setForm({ ...form, allowLan: e.target.checked })} />
            允许局域网内的平板或电脑打开公示屏（需配对码，重启后生效）
          </label>
          {form.allowLan && form.pairingToken ? (
            <p className="muted">
              配对码：<code>{form.pairingToken}</code>
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          保存设置
        </button>
      </form>
    </div>
  );
}
