/** Settings: the certificate-number format, each placeholder explained in Chinese, and what it gives for each kind of certificate. */
import { certificateFormatHelp } from '../../../shared/domain/certificate-format-help';
import { hallParts } from '../../../shared/domain/hall-time';
import { coreNow } from '../core-clock';
import { Field } from '../ui';

export function CertificateFormatField({ format, office, error, onChange }: { format: string; office: string; error: string | undefined; onChange: (format: string) => void }) {
  const help = certificateFormatHelp(format, office, hallParts(coreNow()).year);
  return (
    <>
      <Field label="证书字号格式" error={error ?? help.problem ?? undefined} hint="花括号中的占位符在编号时换成实际内容，其余字母、数字和“-”原样保留">
        <input name="certificateNumberFormat" className="mar-mono" value={format} maxLength={60} onChange={(e) => onChange(e.target.value)} />
      </Field>
      {help.problem === null ? (
        <div className="cert-format-help" data-testid="certificate-format-help">
          <table className="table compact">
            <tbody>
              {help.placeholders.map((p) => (
                <tr key={p.placeholder}>
                  <td className="mar-mono">{p.placeholder}</td>
                  <td>{p.meaning}</td>
                  <td className="mar-mono">{p.example}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            按此格式，今年第 123 号：
            {help.examples.map((e) => (
              <span key={e.label} className="cert-example">
                {e.label} <code>{e.number}</code>
              </span>
            ))}
          </p>
        </div>
      ) : null}
    </>
  );
}
