/** First run: hall identity and window number, then the first supervisor account. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { setupStepProblem } from '../../../shared/setup';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, fieldError, useAction } from '../ui';

const EMPTY_HALL = { hallName: '', department: '', windowNo: '', complaintPhone: '', supervisionPhone: '12345', leaderOnDuty: '' };
const EMPTY_SUPERVISOR = { name: '', staffNo: '', title: '', pin: '' };

export function SetupWizard({ api, onDone }: { api: RendererApi; onDone: () => void }) {
  const [step, setStep] = useState<1 | 2>(1);
  const [hall, setHall] = useState(EMPTY_HALL);
  const [supervisor, setSupervisor] = useState(EMPTY_SUPERVISOR);
  const [pinAgain, setPinAgain] = useState('');
  const { run, error, busy, setError } = useAction(api);

  const hallField = (key: keyof typeof EMPTY_HALL) => ({
    value: hall[key],
    onChange: (e: { target: { value: string } }) => setHall({ ...hall, [key]: e.target.value }),
    name: key,
  });
  const supervisorField = (key: keyof typeof EMPTY_SUPERVISOR) => ({
    value: supervisor[key],
    onChange: (e: { target: { value: string } }) => setSupervisor({ ...supervisor, [key]: e.target.value }),
    name: key,
  });

  // the first field with a problem takes the cursor, whether the wizard or the core found it
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (error?.fields) formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = setupStepProblem(step === 1 ? 'hall' : 'supervisor', step === 1 ? hall : supervisor);
    if (problem) {
      setError({ code: 'VALIDATION', ...problem });
      return;
    }
    if (step === 1) {
      setError(null);
      setStep(2);
      return;
    }
    if (supervisor.pin !== pinAgain) {
      setError({ code: 'VALIDATION', message: '两次输入的 PIN 不一致，请重新输入', fields: { pinAgain: '两次输入不一致' } });
      return;
    }
    const done = await run('setup.complete', { hall, supervisor });
    if (done) onDone();
  };

  const hallProblem = (k: string) => fieldError(error, `hall.${k}`);
  const hasHallProblem = !!error?.fields && Object.keys(error.fields).some((k) => k.startsWith('hall.'));

  return (
    <div className="setup-screen">
      <form ref={formRef} className="card setup-card" onSubmit={submit} noValidate>
        <h1>窗口工作台 · 首次设置</h1>
        <ol className="steps">
          <li className={step === 1 ? 'current' : 'done'}>大厅与窗口</li>
          <li className={step === 2 ? 'current' : ''}>主管账号</li>
        </ol>
        <ErrorBanner error={error} />
        {step === 1 || hasHallProblem ? (
          <fieldset disabled={busy}>
            <Field label="大厅名称" error={hallProblem('hallName')} hint="例如：某某区婚姻登记处">
              <input {...hallField('hallName')} autoFocus maxLength={40} />
            </Field>
            <Field label="所属部门" error={hallProblem('department')}>
              <input {...hallField('department')} maxLength={40} />
            </Field>
            <Field label="窗口号" error={hallProblem('windowNo')} hint="字母、数字或短横线，例如 3 或 A-03">
              <input {...hallField('windowNo')} maxLength={8} />
            </Field>
            <Field label="投诉电话" error={hallProblem('complaintPhone')}>
              <input {...hallField('complaintPhone')} inputMode="tel" maxLength={20} />
            </Field>
            <Field label="监督电话" error={hallProblem('supervisionPhone')}>
              <input {...hallField('supervisionPhone')} inputMode="tel" maxLength={20} />
            </Field>
            <Field label="值班领导（可不填）" error={hallProblem('leaderOnDuty')}>
              <input {...hallField('leaderOnDuty')} maxLength={40} />
            </Field>
          </fieldset>
        ) : null}
        {step === 2 ? (
          <fieldset disabled={busy}>
            <p className="muted">主管账号用于管理工作人员、服务承诺和系统设置。</p>
            <Field label="姓名" error={fieldError(error, 'supervisor.name')}>
              <input {...supervisorField('name')} autoFocus={!hasHallProblem} maxLength={20} />
            </Field>
            <Field label="工号" error={fieldError(error, 'supervisor.staffNo', 'staffNo')} hint="2 到 16 位字母或数字">
              <input {...supervisorField('staffNo')} maxLength={16} />
            </Field>
            <Field label="职务（可不填）" error={fieldError(error, 'supervisor.title')}>
              <input {...supervisorField('title')} maxLength={20} />
            </Field>
            <Field label="PIN" error={fieldError(error, 'supervisor.pin')} hint="6 位数字，不能是重复或连续数字">
              <input {...supervisorField('pin')} type="password" inputMode="numeric" maxLength={6} autoComplete="new-password" />
            </Field>
            <Field label="再次输入 PIN" error={fieldError(error, 'pinAgain')}>
              <input name="pinAgain" value={pinAgain} onChange={(e) => setPinAgain(e.target.value)} type="password" inputMode="numeric" maxLength={6} autoComplete="new-password" />
            </Field>
          </fieldset>
        ) : null}
        <div className="actions">
          {step === 2 ? (
            <button type="button" className="secondary" onClick={() => {
                setError(null);
                setStep(1);
              }} disabled={busy}>
              上一步
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {step === 1 ? '下一步' : busy ? '正在保存…' : '完成设置'}
          </button>
        </div>
      </form>
    </div>
  );
}
