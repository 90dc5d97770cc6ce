/**
 * Supervisor: hall identity, window number, phones, leader on duty (read-only once joined to a hall: OfficeFields), idle lock, LAN access,
 * marriage registration (legal ages, photos, office code, certificate numbers) and appointment capacity.
 */
import { useEffect, useState, type FormEvent, type JSX } from 'react';
import type { SettingsView } from '../../../shared/contract';
import { peakRuleProblem, type PeakDayRule } from '../../../shared/domain/peak-days';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { CertificateFormatField } from './CertificateFormatField';
import { OfficeFields } from './OfficeFields';
import '../marriage/marriage.css';
import { TableHead } from '../TableHead';

export function SettingsPanel({ api, onSaved }: { api: RendererApi; onSaved: () => void }) {
  const [form, setForm] = useState<SettingsView | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, error, busy } = useAction(api);

  // the form is edited here: the loaded settings are the starting point
  const query = useQuery(api, 'settings.get', {});
  const link = useQuery(api, 'hall.status', {});
  // once joined, the office fields and the peak days are the hall's
  const hallName = link.data?.joined ? (link.data.hallName ?? '大厅') : null;
  useEffect(() => {
    if (query.data) setForm(query.data);
  }, [query.data]);

  if (!form) return <div className="panel">{query.error ? <QueryError query={query} what="系统设置" /> : '正在读取设置…'}</div>;

  const number = (key: 'marriageAgeMale' | 'marriageAgeFemale' | 'appointmentSlotCapacity' | 'appointmentPeakCapacity', min: number, max: number) => (
    <input
      name={key}
      type="number"
      min={min}
      max={max}
      value={Number.isNaN(form[key]) ? '' : form[key]}
      onChange={(e) => {
        setSaved(false);
        setForm({ ...form, [key]: e.target.valueAsNumber });
      }}
    />
  );

  const setPeak = (i: number, patch: Partial<PeakDayRule>) => {
    setSaved(false);
    setForm({ ...form, appointmentPeakDays: form.appointmentPeakDays.map((r, j) => (j === i ? ({ ...r, ...patch } as PeakDayRule) : r)) });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { pairingToken, clerkPairingToken, ...patch } = form;
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
          <OfficeFields
            form={form}
            error={error}
            hall={hallName}
            onChange={(key, value) => {
              setSaved(false);
              setForm({ ...form, [key]: value });
            }}
          />
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
          <MarriageSettings form={form} error={error} number={number} onChange={(patch) => {
            setSaved(false);
            setForm({ ...form, ...patch });
          }} />
          <div className="settings-section">
            <h3>预约</h3>
            <div className="settings-pair">
              <Field label="每个时段可约人数" error={fieldError(error, 'appointmentSlotCapacity')}>{number('appointmentSlotCapacity', 1, 200)}</Field>
              <Field label="高峰日每个时段可约人数" error={fieldError(error, 'appointmentPeakCapacity')}>{number('appointmentPeakCapacity', 1, 200)}</Field>
            </div>
            <PeakDaysEditor
              locked={hallName !== null}
              rules={form.appointmentPeakDays}
              error={fieldError(error, 'appointmentPeakDays')}
              rowError={(i) => fieldError(error, `appointmentPeakDays.${i}`, `appointmentPeakDays.${i}.name`, `appointmentPeakDays.${i}.month`, `appointmentPeakDays.${i}.day`, `appointmentPeakDays.${i}.kind`)}
              onChange={setPeak}
              onAdd={() => {
                setSaved(false);
                setForm({ ...form, appointmentPeakDays: [...form.appointmentPeakDays, { kind: 'solar', month: 1, day: 1, name: '' }] });
              }}
              onRemove={(i) => {
                setSaved(false);
                setForm({ ...form, appointmentPeakDays: form.appointmentPeakDays.filter((_, j) => j !== i) });
              }}
            />
          </div>
          <label className="check">
            <input type="checkbox" name="allowLan" checked={form.allowLan} onChange={(e) => setForm({ ...form, allowLan: e.target.checked })} />
            允许局域网内的平板或电脑打开公示屏（需配对码，重启后生效）
          </label>
          {form.allowLan && form.pairingToken ? (
            <p className="muted">
              公示屏配对码（只能打开公示屏）：<code>{form.pairingToken}</code>
            </p>
          ) : null}
          {form.allowLan ? (
            <label className="check">
              <input type="checkbox" name="allowLanClerk" checked={form.allowLanClerk} onChange={(e) => setForm({ ...form, allowLanClerk: e.target.checked })} />
              允许局域网内的电脑打开本窗口工作台（另用工作台配对码，默认关闭）
            </label>
          ) : null}
          {form.allowLan && form.allowLanClerk && form.clerkPairingToken ? (
            <p className="muted">
              工作台配对码（可操作本窗口，请勿外传）：<code>{form.clerkPairingToken}</code>
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

function MarriageSettings({
  form,
  error,
  number,
  onChange,
}: {
  form: SettingsView;
  error: ReturnType<typeof useAction>['error'];
  number: (key: 'marriageAgeMale' | 'marriageAgeFemale', min: number, max: number) => JSX.Element;
  onChange: (patch: Partial<SettingsView>) => void;
}) {
  return (
    <div className="settings-section">
      <h3>婚姻登记</h3>
      <div className="settings-pair">
        <Field label="男方法定婚龄（周岁）" error={fieldError(error, 'marriageAgeMale')} hint="民法典规定 22 周岁；民族自治地方可依法变通">
          {number('marriageAgeMale', 18, 22)}
        </Field>
        <Field label="女方法定婚龄（周岁）" error={fieldError(error, 'marriageAgeFemale')} hint="民法典规定 20 周岁；民族自治地方可依法变通">
          {number('marriageAgeFemale', 18, 20)}
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" name="marriagePhotosRequired" checked={form.marriagePhotosRequired} onChange={(e) => onChange({ marriagePhotosRequired: e.target.checked })} />
        结婚登记须收取双方合影照片（本处做法，通常 3 张 2 寸）
      </label>
      <Field label="登记机关代码" error={fieldError(error, 'registrationOfficeCode')} hint="6 位数字，编入每个证书字号">
        <input
          name="registrationOfficeCode"
          value={form.registrationOfficeCode}
          maxLength={6}
          inputMode="numeric"
          onChange={(e) => onChange({ registrationOfficeCode: e.target.value.trim() })}
        />
      </Field>
      <CertificateFormatField
        format={form.certificateNumberFormat}
        office={form.registrationOfficeCode}
        error={fieldError(error, 'certificateNumberFormat')}
        onChange={(certificateNumberFormat) => onChange({ certificateNumberFormat })}
      />
    </div>
  );
}

function PeakDaysEditor({
  locked,
  rules,
  error,
  rowError,
  onChange,
  onAdd,
  onRemove,
}: {
  locked: boolean;
  rules: PeakDayRule[];
  error: string | undefined;
  rowError: (i: number) => string | undefined;
  onChange: (i: number, patch: Partial<PeakDayRule>) => void;
  onAdd: () => void;
  onRemove: (i: number) => void;
}) {
  return (
    <fieldset className="field" disabled={locked}>
      <legend className="field-label">高峰日（按高峰日人数预约）</legend>
      {error ? <span className="field-error">{error}</span> : null}
      <table className="table compact peak-table">
        <TableHead columns={['历法', '月', '日', '名称', '']} />
        <tbody>
          {rules.map((rule, i) => {
            const problem = rowError(i) ?? (Number.isNaN(rule.month) || Number.isNaN(rule.day) ? '请填写月和日' : peakRuleProblem(rule));
            const n = i + 1;
            return (
              <PeakRow key={i} n={n} rule={rule} problem={problem} onChange={(patch) => onChange(i, patch)} onRemove={() => onRemove(i)} />
            );
          })}
        </tbody>
      </table>
      <div>
        <button type="button" className="secondary" onClick={onAdd} disabled={rules.length >= 30}>
          添加高峰日
        </button>
      </div>
    </fieldset>
  );
}

function PeakRow({ n, rule, problem, onChange, onRemove }: { n: number; rule: PeakDayRule; problem: string | null | undefined; onChange: (patch: Partial<PeakDayRule>) => void; onRemove: () => void }) {
  return (
    <>
      <tr>
        <td>
          <select aria-label={`高峰日 ${n} 历法`} value={rule.kind} onChange={(e) => onChange({ kind: e.target.value as PeakDayRule['kind'] })}>
            <option value="solar">公历</option>
            <option value="lunar">农历</option>
          </select>
        </td>
        <td>
          <input aria-label={`高峰日 ${n} 月`} className="num" type="number" min={1} max={12} value={Number.isNaN(rule.month) ? '' : rule.month} onChange={(e) => onChange({ month: e.target.valueAsNumber })} />
        </td>
        <td>
          <input aria-label={`高峰日 ${n} 日`} className="num" type="number" min={1} max={rule.kind === 'lunar' ? 30 : 31} value={Number.isNaN(rule.day) ? '' : rule.day} onChange={(e) => onChange({ day: e.target.valueAsNumber })} />
        </td>
        <td>
          <input aria-label={`高峰日 ${n} 名称`} value={rule.name} maxLength={20} onChange={(e) => onChange({ name: e.target.value })} />
        </td>
        <td>
          <button type="button" className="icon danger" aria-label={`删除高峰日 ${n}`} onClick={onRemove}>
            删除
          </button>
        </td>
      </tr>
      {problem ? (
        <tr className="peak-error">
          <td colSpan={5}>{problem}</td>
        </tr>
      ) : null}
    </>
  );
}
