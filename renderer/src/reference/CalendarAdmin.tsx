/**
 * Supervisor: the working-day calendar. Statutory holidays come with the
 * app (chinese-days); this screen keeps the overrides (a new year's State
 * Council notice, local closures) and warns when the current or next year
 * is not covered, because deadlines there show 待定.
 */
import { useState, type FormEvent } from 'react';
import type { CalendarOverview, CalendarOverrideView, DeadlineView } from '../../../shared/api/reference';
import { hallDate, hallParts } from '../../../shared/domain/hall-time';
import { describeDate, isPlainDate } from '../../../shared/domain/plain-date';
import type { RendererApi } from '../api';
import { coreNow } from '../core-clock';
import { DateInput } from '../DateInput';
import { QueryPending } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { ClearSaveActions } from '../ClearSaveActions';
import { TableHead } from '../TableHead';

interface OverrideForm {
  date: string;
  kind: 'workday' | 'restday';
  name: string;
  source: string;
  coversYear: boolean;
}

const BLANK: OverrideForm = { date: '', kind: 'restday', name: '', source: '', coversYear: false };

/** 2004–2026、2028 */
function yearRanges(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const parts: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const y of [...sorted, Number.NaN]) {
    if (start !== undefined && prev !== undefined && y === prev + 1) {
      prev = y;
      continue;
    }
    if (start !== undefined && prev !== undefined) parts.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return parts.join('、') || '无';
}

function dateLabel(date: string): string {
  return isPlainDate(date) ? describeDate(date) : date;
}

export function CalendarAdmin({ api }: { api: RendererApi }) {
  const [form, setForm] = useState<OverrideForm>(BLANK);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [trial, setTrial] = useState({ start: hallDate(coreNow()), days: '20' });
  const [trialResult, setTrialResult] = useState<DeadlineView | null>(null);
  const { run, error, busy, clear } = useAction(api);

  const query = useQuery(api, 'calendar.overrides', {});
  const { replace: setOverview } = query;
  const overview: CalendarOverview | null = query.data ?? null;

  const set = <K extends keyof OverrideForm>(key: K, value: OverrideForm[K]) => setForm({ ...form, [key]: value });

  const edit = (o: CalendarOverrideView) => {
    clear();
    setNotice(null);
    setForm({ date: o.date, kind: o.kind, name: o.name, source: o.source, coversYear: o.coversYear });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const result = await run('calendar.saveOverride', { ...form });
    if (result) {
      setOverview(result);
      setNotice(`已保存 ${dateLabel(form.date)}：${form.kind === 'restday' ? '休息' : '上班'}（${form.name}）。新受理的期限即按此计算。`);
      setForm({ ...BLANK, kind: form.kind, source: form.source });
    }
  };

  const remove = async (date: string) => {
    setNotice(null);
    setConfirmDelete(null);
    const result = await run('calendar.deleteOverride', { date });
    if (result) {
      setOverview(result);
      setNotice(`已删除 ${dateLabel(date)} 的调整`);
    }
  };

  const tryDeadline = async (e: FormEvent) => {
    e.preventDefault();
    setTrialResult(null);
    const result = await run('calendar.deadline', { start: trial.start, workingDays: Number(trial.days) });
    if (result) setTrialResult(result);
  };

  const thisYear = hallParts(coreNow()).year;
  const covered = new Set(overview?.coveredYears ?? []);
  const missing = overview ? [thisYear, thisYear + 1].filter((y) => !covered.has(y)) : [];
  const statutory = new Set(overview?.statutoryYears ?? []);
  const byOverride = (overview?.coveredYears ?? []).filter((y) => !statutory.has(y));

  return (
    <div className="panel reference-panel">
      <section className="card">
        <h2>节假日与工作日</h2>
        {overview ? (
          <>
            <p data-testid="covered-years">
              已覆盖年份：{yearRanges(overview.coveredYears)}
              <span className="muted">
                （内置数据 {overview.statutorySource}：{yearRanges(overview.statutoryYears)}
                {byOverride.length > 0 ? `；本机录入：${yearRanges(byOverride)}` : ''}）
              </span>
            </p>
            {missing.map((year) => (
              <div key={year} className="banner banner-warn" role="alert" data-testid={`uncovered-${year}`}>
                {`${year} 年的法定节假日和调休安排尚未录入：期限落在 ${year} 年的受理件，承诺办结日期将显示“待定”。` +
                  `国务院办公厅发布 ${year} 年部分节假日安排的通知后，请在下方逐日录入放假和调休上班日期，并在录完的最后一条勾选“${year} 年全年安排已录入”。`}
              </div>
            ))}
          </>
        ) : (
          <QueryPending query={query} what="节假日设置" />
        )}
        <p className="muted">
          计算规则：受理当日不计入；N 个工作日期限截止于受理次日起第 N 个工作日；调休上班日算工作日。本表的调整优先于内置数据。
        </p>
      </section>

      <div className="calendar-columns">
        <section className="card">
          <h2>{overview?.overrides.some((o) => o.date === form.date) ? `修改 ${dateLabel(form.date)}` : '录入调整'}</h2>
          <ErrorBanner error={error} />
          {notice ? <Notice>{notice}</Notice> : null}
          <form onSubmit={save} noValidate>
            <fieldset disabled={busy}>
              <Field label="日期" error={fieldError(error, 'date')} hint={isPlainDate(form.date) ? describeDate(form.date) : '同一日期再次保存即为修改'}>
                <DateInput name="date" value={form.date} onChange={(v) => set('date', v)} />
              </Field>
              <Field label="这一天" error={fieldError(error, 'kind')}>
                <select name="kind" value={form.kind} onChange={(e) => set('kind', e.target.value === 'workday' ? 'workday' : 'restday')}>
                  <option value="restday">休息（放假、停止办公）</option>
                  <option value="workday">上班（调休上班）</option>
                </select>
              </Field>
              <Field label="名称" error={fieldError(error, 'name')} hint="如：春节、国庆节调休上班、台风停止办公">
                <input name="name" value={form.name} maxLength={30} onChange={(e) => set('name', e.target.value)} />
              </Field>
              <Field label="依据文件" error={fieldError(error, 'source')} hint="如：国办发明电〔2026〕X号、区人民政府通告">
                <input name="source" value={form.source} maxLength={100} onChange={(e) => set('source', e.target.value)} />
              </Field>
              <label className="check">
                <input
                  type="checkbox"
                  name="coversYear"
                  checked={form.coversYear}
                  onChange={(e) => set('coversYear', e.target.checked)}
                />
                {isPlainDate(form.date) ? `${form.date.slice(0, 4)} 年` : '该年'}全年安排已录入（本条来自国务院全年放假通知，且该年全部放假和调休上班日期都已录完）
              </label>
              {fieldError(error, 'coversYear') ? <span className="field-error">{fieldError(error, 'coversYear')}</span> : null}
            </fieldset>
            <ClearSaveActions busy={busy} onClear={() => setForm(BLANK)} />
          </form>
        </section>

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
      </div>

      <section className="card">
        <h2>调整记录（{overview?.overrides.length ?? 0} 条）</h2>
        {overview && overview.overrides.length === 0 ? <p className="muted">暂无调整，全部按内置数据计算。</p> : null}
        {overview && overview.overrides.length > 0 ? (
          <table className="table" data-testid="calendar-overrides">
            <TableHead columns={['日期', '这一天', '名称', '依据文件', '全年标记', '录入人', '']} />
            <tbody>
              {overview.overrides.map((o) => (
                <tr key={o.id} className={o.date === form.date ? 'selected' : ''}>
                  <td>{dateLabel(o.date)}</td>
                  <td>{o.kind === 'restday' ? '休息' : '上班'}</td>
                  <td>{o.name}</td>
                  <td>{o.source}</td>
                  <td>{o.coversYear ? `${o.date.slice(0, 4)} 年已录完` : ''}</td>
                  <td>{o.enteredBy ?? ''}</td>
                  <td className="row-actions">
                    <button type="button" className="link" onClick={() => edit(o)}>
                      修改
                    </button>
                    {confirmDelete === o.date ? (
                      <>
                        <button type="button" className="link danger-link" onClick={() => void remove(o.date)} disabled={busy}>
                          确认删除
                        </button>
                        <button type="button" className="link" onClick={() => setConfirmDelete(null)}>
                          取消
                        </button>
                      </>
                    ) : (
                      <button type="button" className="link danger-link" onClick={() => setConfirmDelete(o.date)}>
                        删除
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
