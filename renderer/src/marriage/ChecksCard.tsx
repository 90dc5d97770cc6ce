/** 现场核对: the on-site checks, the national registry check (结婚登记) and the certificate number. */
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';
import { NATIONAL_CHECK_LABELS } from '../../../shared/domain/marriage-rules';
import { CHECK_LABELS } from './form';
import type { MarriageForm } from './useMarriageForm';

export function ChecksCard({ prefix, form, error, ledgerCertificateNo }: { prefix: string; form: MarriageForm; error: ApiError | null; ledgerCertificateNo: string | null }) {
  const { kind, checks, setChecks, nationalCheck, setNationalCheck } = form;
  return (
    <div className="card mar-checks">
      <h3>现场核对</h3>
      <div className="mar-check-list">
        {CHECK_LABELS[kind].map(({ key, label }) => (
          <label key={key} className="check">
            <input type="checkbox" checked={checks[key]} onChange={(e) => setChecks((prev) => ({ ...prev, [key]: e.target.checked }))} />
            {label}
          </label>
        ))}
      </div>
      {kind === 'marriage' ? (
        <fieldset className="mar-national" data-testid="national-check">
          <legend className="field-label">全国婚姻登记信息系统联网核查（登记前必须核查双方）</legend>
          {NATIONAL_CHECK_LABELS.map((label, i) => (
            <label key={label} className="check">
              <input
                type="checkbox"
                checked={nationalCheck[i] === true}
                onChange={(e) => setNationalCheck((prev) => (i === 0 ? [e.target.checked, prev[1]] : [prev[0], e.target.checked]))}
              />
              {label}
            </label>
          ))}
          {error?.fields?.nationalCheck && !(nationalCheck[0] && nationalCheck[1]) ? <span className="field-error">{error.fields.nationalCheck}</span> : null}
        </fieldset>
      ) : null}
      {kind === 'divorce' ? (
        <MarriageCertificateField prefix={prefix} form={form} error={error?.fields?.marriageCertificateNos} ledgerCertificateNo={ledgerCertificateNo} />
      ) : (
        <CertificateNoField prefix={prefix} form={form} />
      )}
    </div>
  );
}

/** 离婚登记: the marriage certificate number(s) the couple presents, filled from this registry's own record. */
function MarriageCertificateField({ prefix, form, error, ledgerCertificateNo }: { prefix: string; form: MarriageForm; error: string | undefined; ledgerCertificateNo: string | null }) {
  return (
    <CertificateInput id={`${prefix}-marriageCertificateNos`} label="结婚证字号" value={form.marriageCertificateNos} maxLength={90} placeholder="如 J110105-2020-000123" onChange={form.setMarriageCertificateNos}>
      {error ? <span className="field-error">{error}</span> : null}
      <span className="field-hint" data-testid="ledger-marriage">
        {ledgerCertificateNo !== null ? `本登记处记录双方的结婚证字号为 ${ledgerCertificateNo}，已填入，请与双方出示的结婚证核对` : '按双方出示的结婚证填写；两本字号不同时用逗号分开'}
      </span>
    </CertificateInput>
  );
}

/** The number of the certificate being issued: blank for the automatic number, or a pre-printed one. */
function CertificateNoField({ prefix, form }: { prefix: string; form: MarriageForm }) {
  return (
    <CertificateInput id={`${prefix}-certificateNo`} label="证书字号" value={form.certificateNo} maxLength={40} placeholder="留空则自动编号" onChange={form.setCertificateNo}>
      <span className="field-hint">留空由系统按字号格式自动编号；使用预印证书时填写证书上的字号</span>
    </CertificateInput>
  );
}

interface CertificateInputProps {
  id: string;
  label: string;
  value: string;
  maxLength: number;
  placeholder: string;
  onChange: (value: string) => void;
  /** The error and hint under the input. */
  children: ReactNode;
}

/** A certificate-number input (monospace, labelled, no autocomplete) with what goes under it. */
function CertificateInput({ id, label, value, maxLength, placeholder, onChange, children }: CertificateInputProps) {
  return (
    <div className="field mar-cert">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} aria-label={label} className="mar-mono" value={value} maxLength={maxLength} autoComplete="off" placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      {children}
    </div>
  );
}
