/** What opens in a divorce application's row: the withdrawal (one party's own document) and the registration (both present). */

export interface WithdrawDraft {
  id: string;
  documentNumber: string;
}

export interface RegisterDraft {
  id: string;
  bothPresent: boolean;
  certificateNo: string;
}

export function presentCheckboxId(caseId: string): string {
  return `div-present-${caseId}`;
}

interface WithdrawProps {
  draft: WithdrawDraft;
  busy: boolean;
  onChange: (draft: WithdrawDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

export function WithdrawForm({ draft, busy, onChange, onSubmit, onCancel }: WithdrawProps) {
  const inputId = `div-withdraw-${draft.id}`;
  return (
    <form
      className="div-withdraw"
      aria-label="确认撤回"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label className="field-label" htmlFor={inputId}>
        撤回方证件号码
      </label>
      <input
        id={inputId}
        className="mar-mono"
        value={draft.documentNumber}
        maxLength={40}
        autoComplete="off"
        autoFocus
        placeholder="撤回方刷身份证或输入证件号码"
        onChange={(e) => onChange({ id: draft.id, documentNumber: e.target.value })}
      />
      <span className="field-hint">须由撤回的一方本人出示证件：在读卡器上刷身份证，或输入其证件号码后按回车</span>
      <div className="div-actions">
        <button type="submit" className="danger-button" disabled={busy || draft.documentNumber.trim() === ''}>
          确认撤回
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

interface RegisterProps {
  draft: RegisterDraft;
  busy: boolean;
  onChange: (draft: RegisterDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

export function RegisterControls({ draft, busy, onChange, onSubmit, onCancel }: RegisterProps) {
  const certId = `div-cert-${draft.id}`;
  return (
    <div className="div-register" role="group" aria-label="办理离婚登记">
      <label className="check">
        <input id={presentCheckboxId(draft.id)} type="checkbox" checked={draft.bothPresent} onChange={(e) => onChange({ ...draft, bothPresent: e.target.checked })} />
        双方均已亲自到场
      </label>
      <div className="field">
        <label className="field-label" htmlFor={certId}>
          离婚证字号（留空自动编号）
        </label>
        <input
          id={certId}
          className="mar-mono"
          value={draft.certificateNo}
          maxLength={40}
          autoComplete="off"
          onChange={(e) => onChange({ ...draft, certificateNo: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onSubmit();
            }
          }}
        />
      </div>
      <div className="div-actions">
        <button type="button" className="primary" disabled={busy || !draft.bothPresent} onClick={onSubmit}>
          确认办理离婚登记
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
