/** 期限试算: the deadline N working days after a day, as the calendar now stands. */
import { useState, type FormEvent } from 'react';
import type { DeadlineView } from '../../../shared/api/reference';
import { hallDate } from '../../../shared/domain/hall-time';
import { describeDate } from '../../../shared/domain/plain-date';
import { coreNow } from '../core-clock';
import { DateInput } from '../DateInput';
import { Field, type useAction } from '../ui';

/** The screen's action runner: a refused trial shows its error where the screen shows errors. */
type Action = Pick<ReturnType<typeof useAction>, 'run' | 'busy'>;

export function DeadlineTrial({ action }: { action: Action }) {
  const { run, busy } = action;
  const [trial, setTrial] = useState({ start: hallDate(coreNow()), days: '20' });
  const [trialResult, setTrialResult] = useState<DeadlineView | null>(null);

  const tryDeadline = async (e: FormEvent) => {
    e.preventDefault();
    setTrialResult(null);
    const result = await run('calendar.deadline', { start: trial.start, workingDays: Number(trial.days) });
    if (result) setTrialResult(result);
  };

  return (
    <section className="card">
      <h2>期限试算</h2>
      <form onSubmit={tryDeadline} noValidate className="trial-form">
        <Field label="受理日期">
          <DateInput value={trial.start} onChange={(v) => setTrial({ ...trial, start: v })} />
        </Field>
        <Field label="工作日数" hint="0 表示当场办结">
          <input type="number" min={0} max={365} value={trial.days} onChange={(e) => setTrial({ ...trial, days: e.target.value })} />
        </Field>
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy}>
            计算
          </button>
        </div>
      </form>
      {trialResult ? (
        'date' in trialResult ? (
          <p className="trial-result" data-testid="trial-result">
            截止日期：<strong>{describeDate(trialResult.date)}</strong>
          </p>
        ) : (
          <div className="banner banner-warn" data-testid="trial-result">
            待定：{trialResult.reason}
          </div>
        )
      ) : null}
    </section>
  );
}
