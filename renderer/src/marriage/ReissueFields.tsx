/** 补领婚姻登记证: the original registration being replaced. */
import { normalizeDateTyping, type ReissueForm } from './form';

export function ReissueFields({ prefix, value, onChange }: { prefix: string; value: ReissueForm; onChange: (next: ReissueForm) => void }) {
  const id = (k: string) => `${prefix}-reissue-${k}`;
  return (
    <div className="card mar-reissue">
      <h3>原登记信息</h3>
      <div className="mar-grid">
        <div className="field">
          <label className="field-label" htmlFor={id('kind')}>
            补领证件
          </label>
          <select id={id('kind')} aria-label="补领证件" value={value.originalKind} onChange={(e) => onChange({ ...value, originalKind: e.target.value as ReissueForm['originalKind'] })}>
            <option value="marriage">结婚证</option>
            <option value="divorce">离婚证</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('date')}>
            原登记日期
          </label>
          <input
            id={id('date')}
            aria-label="原登记日期"
            value={value.originalDate}
            maxLength={10}
            placeholder="2015-05-20"
            autoComplete="off"
            onChange={(e) => onChange({ ...value, originalDate: e.target.value })}
            onBlur={() => onChange({ ...value, originalDate: normalizeDateTyping(value.originalDate) })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('no')}>
            原证字号
          </label>
          <input id={id('no')} aria-label="原证字号" className="mar-mono" value={value.originalCertificateNo} maxLength={40} autoComplete="off" placeholder="不清楚可不填" onChange={(e) => onChange({ ...value, originalCertificateNo: e.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('reason')}>
            补领原因
          </label>
          <input id={id('reason')} aria-label="补领原因" list={`${prefix}-reissue-reasons`} value={value.reason} maxLength={60} autoComplete="off" onChange={(e) => onChange({ ...value, reason: e.target.value })} />
          <datalist id={`${prefix}-reissue-reasons`}>
            <option value="遗失" />
            <option value="损毁" />
            <option value="被盗" />
          </datalist>
        </div>
      </div>
    </div>
  );
}
