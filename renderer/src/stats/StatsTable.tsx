/** The statistics tables: the service measures, and 婚姻登记 (registrations, refusals, divorces). */
import type { StatsReport, StatsRow } from '../../../shared/contract';
import { DISTRIBUTION_LABELS, formatMinutes, formatRate, type StatsGroupBy } from '../../../shared/domain/stats';

const GROUP_HEADER: Record<StatsGroupBy, string> = { clerk: '工作人员', window: '窗口', day: '日期', month: '月份' };

export function StatsTable({ report }: { report: StatsReport }) {
  const cells = (r: StatsRow) => [
    r.contacts,
    r.accepted,
    r.notified,
    r.referred,
    formatMinutes(r.avgHandlingMinutes),
    ...r.ratings,
    r.notRated,
    formatRate(r.satisfactionRate),
    r.followUpsOpen,
    r.followUpsOverdue,
  ];
  return (
    <div className="stats-table-wrap">
      <table className="table stats-table" data-testid="stats-table">
        <thead>
          <tr>
            <th>{GROUP_HEADER[report.groupBy]}</th>
            <th>接待量¹</th>
            <th>受理量²</th>
            <th>告知量²</th>
            <th>引导量²</th>
            <th>平均办理时长（分钟）³</th>
            {DISTRIBUTION_LABELS.map((l) => (
              <th key={l}>{l}⁴</th>
            ))}
            <th>未评价⁴</th>
            <th>满意率⁵</th>
            <th>整改中⁶</th>
            <th>逾期⁶</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {cells(r).map((v, i) => (
                <td key={i} className={i === cells(r).length - 1 && r.followUpsOverdue > 0 ? 'stats-overdue' : undefined}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{report.totals.label}</th>
            {cells(report.totals).map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

const CIVIL_COLUMNS: readonly { label: string; value: (r: StatsRow) => number }[] = [
  { label: '结婚登记', value: (r) => r.marriages },
  { label: '补领婚姻登记证', value: (r) => r.reissues },
  { label: '离婚申请受理', value: (r) => r.divorceApplications },
  { label: '离婚登记', value: (r) => r.divorces },
  { label: '不予登记', value: (r) => r.refusals },
];

/** 婚姻登记 by the same groups; footnote ⁷ defines the measures. */
export function CivilStatsTable({ report }: { report: StatsReport }) {
  return (
    <div className="stats-table-wrap">
      <table className="table stats-table" data-testid="stats-civil-table">
        <caption>婚姻登记⁷</caption>
        <thead>
          <tr>
            <th>{GROUP_HEADER[report.groupBy]}</th>
            {CIVIL_COLUMNS.map((c) => (
              <th key={c.label}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {CIVIL_COLUMNS.map((c) => (
                <td key={c.label}>{c.value(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{report.totals.label}</th>
            {CIVIL_COLUMNS.map((c) => (
              <td key={c.label}>{c.value(report.totals)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
