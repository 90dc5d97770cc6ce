/** 不予登记: the reasons printed on the refusal notice, and a note. */
import { REFUSAL_REASON_LABELS, REFUSAL_REASONS, type RefusalReason } from '../../../shared/domain/marriage-rules';

export interface RefusalDraft {
  reasons: ReadonlySet<RefusalReason>;
  note: string;
}

export function refusalReasonId(prefix: string, index: number): string {
  return `${prefix}-reason-${index}`;
}

export function RefusalCard({
  prefix,
  refusal,
  onChange,
  onCancel,
  onConfirm,
}: {
  prefix: string;
  refusal: RefusalDraft;
  onChange: (next: RefusalDraft) => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const toggle = (r: RefusalReason, on: boolean) => {
    const reasons = new Set(refusal.reasons);
    if (on) reasons.add(r);
    else reasons.delete(r);
    onChange({ ...refusal, reasons });
  };
  return (
    <div className="card mar-refusal" role="group" aria-label="不予登记">
      <h3>不予登记</h3>
      <fieldset>
        <legend className="field-label">不予登记的理由（将印在不予登记告知书上）</legend>
        {REFUSAL_REASONS.map((r, i) => (
          <label key={r} className="check">
            <input id={refusalReasonId(prefix, i)} type="checkbox" checked={refusal.reasons.has(r)} onChange={(e) => toggle(r, e.target.checked)} />
            {REFUSAL_REASON_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={`${prefix}-refusal-note`}>
          说明
        </label>
        <textarea
          id={`${prefix}-refusal-note`}
          aria-label="不予登记说明"
          rows={2}
          maxLength={200}
          value={refusal.note}
          onChange={(e) => onChange({ ...refusal, note: e.target.value })}
        />
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          取消（Esc）
        </button>
        <button type="button" className="danger-button" disabled={refusal.reasons.size === 0} onClick={onConfirm}>
          确认不予登记并打印告知书（Ctrl+Enter）
        </button>
      </div>
    </div>
  );
}
