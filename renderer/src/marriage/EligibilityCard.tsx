/** 登记条件检查: the live check's answer, updated while the clerk types. */
import type { CheckResult } from './useLiveCheck';

export function EligibilityCard({ complete, checking, check, primaryLabel }: { complete: boolean; checking: boolean; check: CheckResult | null; primaryLabel: string }) {
  const eligibility = check?.problems ?? [];
  // the live check and the submit agree: a field the submit would stop at is never 可以登记
  const fieldsToFix = (check?.fieldProblems.length ?? 0) > 0;
  return (
    <div className="card mar-eligibility" aria-live="polite">
      <h3>登记条件检查{checking ? <span className="muted mar-checking">检查中…</span> : null}</h3>
      {!complete ? (
        <p className="muted">填写完双方信息后自动检查登记条件。</p>
      ) : eligibility.length === 0 && check && fieldsToFix ? (
        <p className="muted" data-testid="fields-to-fix">
          还有填写项需要改正（{check.fieldProblems.map((p) => p.message).join('；')}），改正后才能{primaryLabel}。
        </p>
      ) : eligibility.length === 0 && check?.hallNotice ? (
        <p className="mar-hall-pending" data-testid="hall-pending">
          本窗口的记录中未发现问题；其他窗口的登记未能核对，确认联网核查后方可{primaryLabel}。
        </p>
      ) : eligibility.length === 0 && check ? (
        <p className="mar-ok">未发现问题，可以{primaryLabel}。</p>
      ) : (
        <ul className="mar-problems" data-testid="eligibility-problems">
          {eligibility.map((p, i) => (
            <li key={`${p.code}-${i}`} data-code={p.code}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {check?.hallNotice ? (
        <p className="mar-hall-notice" data-testid="hall-notice">
          {check.hallNotice}
        </p>
      ) : null}
    </div>
  );
}
