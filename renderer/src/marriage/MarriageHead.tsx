/** The form's head: the kind of registration, the ID card reader's state, where the applicant came from. */
import type { CivilKind } from '../../../shared/api/marriage';
import { KIND_LABELS } from './form';

export function MarriageHead({ prefix, kind, onKind, readerReady, fromContact }: { prefix: string; kind: CivilKind; onKind: (k: CivilKind) => void; readerReady: boolean; fromContact: boolean }) {
  return (
    <div className="card mar-head">
      <h2>婚姻登记</h2>
      <div className="mar-kinds" role="radiogroup" aria-label="登记类别">
        {(['marriage', 'divorce', 'reissue'] as const).map((k) => (
          <label key={k} className={`mar-kind${kind === k ? ' active' : ''}`}>
            <input type="radio" name={`${prefix}-kind`} value={k} checked={kind === k} onChange={() => onKind(k)} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </div>
      <span className={`mar-reader${readerReady ? ' ready' : ''}`} role="status" data-testid="id-reader-status">
        {readerReady ? '读卡器已就绪' : '读卡器未连接'}
      </span>
      {fromContact ? <span className="tag tag-open">来自接待/预约</span> : null}
    </div>
  );
}
