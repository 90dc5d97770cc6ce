/** What the clerk sees once a registration, divorce application or refusal is done: the case, its slip, and 下一位. */
import type { CivilCase } from '../../../shared/api/marriage';

export interface Outcome {
  kind: 'registered' | 'accepted' | 'refused';
  civilCase: CivilCase;
  printJobId: string;
  warning: string | null;
}

function slipName(outcome: Outcome): string {
  if (outcome.kind === 'refused') return '不予登记告知书';
  if (outcome.kind === 'accepted') return '离婚登记申请受理回执';
  // the name printed on the slip (shared/print/slips/marriage.ts): {matter}办结单
  const { civilCase } = outcome;
  if (civilCase.kind === 'reissue') return civilCase.reissue?.originalKind === 'divorce' ? '补领离婚证办结单' : '补领结婚证办结单';
  return civilCase.kind === 'divorce' ? '离婚登记办结单' : '结婚登记办结单';
}

export function OutcomeView({ outcome, prefix, onNext }: { outcome: Outcome; prefix: string; onNext: () => void }) {
  const c = outcome.civilCase;
  const title = outcome.kind === 'refused' ? '已不予登记' : outcome.kind === 'accepted' ? '离婚登记申请已受理' : c.kind === 'reissue' ? '补领登记已办结' : '结婚登记已办结';
  return (
    <div className="panel mar-panel">
      <div className={`card mar-outcome mar-outcome-${outcome.kind}`} role="status" data-testid="marriage-outcome">
        <h2>{title}</h2>
        <dl className="mar-facts">
          <dt>受理编号</dt>
          <dd data-testid="case-no">{c.caseNo}</dd>
          <dt>当事人</dt>
          <dd>{c.parties.map((p) => `${p.name}（${p.documentNumberMasked}）`).join('、')}</dd>
          {c.certificateNo ? (
            <>
              <dt>证书字号</dt>
              <dd className="mar-mono" data-testid="certificate-no">
                {c.certificateNo}
              </dd>
            </>
          ) : null}
          {c.refusal ? (
            <>
              <dt>不予登记理由</dt>
              <dd>{c.refusal.labels.join('；')}</dd>
            </>
          ) : null}
          {c.divorce ? (
            <>
              <dt>冷静期届满</dt>
              <dd data-testid="cooling-off-end">{c.divorce.coolingOffEnd ?? '待定'}</dd>
              <dt>领证截止</dt>
              <dd data-testid="certificate-deadline">{c.divorce.certificateDeadline ?? '待定'}</dd>
              {c.divorce.pendingReason ? (
                <>
                  <dt>待定原因</dt>
                  <dd>{c.divorce.pendingReason}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
        {outcome.kind === 'accepted' ? <p className="muted">冷静期内任何一方可以撤回申请；冷静期届满后，双方须在领证截止日前共同到场办理离婚登记，逾期视为撤回申请。</p> : null}
        {outcome.warning ? <div className="banner banner-warn">{outcome.warning}</div> : null}
        <div className="banner banner-ok" data-testid="slip-printing" data-print-job={outcome.printJobId} title={outcome.printJobId}>
          {slipName(outcome)}已送打印，可在“打印”中查看和补打
        </div>
        <div className="actions">
          <button type="button" id={`${prefix}-next`} className="primary big" onClick={onNext}>
            下一位（Alt+N / Ctrl+Enter）
          </button>
        </div>
      </div>
    </div>
  );
}
