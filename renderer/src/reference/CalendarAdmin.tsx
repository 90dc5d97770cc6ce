/**
 * Supervisor: the working-day calendar. Statutory holidays come with the
 * app (chinese-days); this screen keeps the overrides (a new year's State
 * Council notice, local closures) and warns when the current or next year
 * is not covered, because deadlines there show 待定.
 */
import { useState, type FormEvent } from 'react';
import type { CalendarOverview, CalendarOverrideView } from '../../../shared/api/reference';
import { hallParts } from '../../../shared/domain/hall-time';
import type { RendererApi } from '../api';
import { coreNow } from '../core-clock';
import { QueryPending } from '../QueryError';
import { ErrorBanner, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { ClearSaveActions } from '../ClearSaveActions';
import { DeadlineTrial } from './DeadlineTrial';
import { BLANK_OVERRIDE, OverrideFields, type OverrideForm } from './OverrideFields';
import { dateLabel, OverridesTable } from './OverridesTable';

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

export function CalendarAdmin({ api }: { api: RendererApi }) {
  const [form, setForm] = useState<OverrideForm>(BLANK_OVERRIDE);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(api);
  const { run, error, busy, clear } = action;

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
      setForm({ ...BLANK_OVERRIDE, kind: form.kind, source: form.source });
    }
  };

  const remove = async (date: string) => {
    setNotice(null);
    const result = await run('calendar.deleteOverride', { date });
    if (result) {
      setOverview(result);
      setNotice(`已删除 ${dateLabel(date)} 的调整`);
    }
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
            <OverrideFields form={form} set={set} error={error} busy={busy} />
            <ClearSaveActions busy={busy} onClear={() => setForm(BLANK_OVERRIDE)} />
          </form>
        </section>

        <DeadlineTrial action={action} />
      </div>

      <section className="card">
        <h2>调整记录（{overview?.overrides.length ?? 0} 条）</h2>
        {overview && overview.overrides.length === 0 ? <p className="muted">暂无调整，全部按内置数据计算。</p> : null}
        {overview && overview.overrides.length > 0 ? (
          <OverridesTable overrides={overview.overrides} selectedDate={form.date} busy={busy} onEdit={edit} onDelete={(date) => void remove(date)} />
        ) : null}
      </section>
    </div>
  );
}
