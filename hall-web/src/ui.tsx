/** Small building blocks of the hall pages, in the workstation's classes (renderer/src/styles.css). */
import { cloneElement, useId, type ReactElement } from 'react';
import { hallDate, hallTime } from '../../shared/domain/hall-time';
import type { ApiError } from '../../shared/result';

/** The error's message; `withFields`: followed by its field messages (for forms that show no field errors of their own). */
export function ErrorBanner({ error, withFields = false }: { error: ApiError | null; withFields?: boolean }) {
  if (!error) return null;
  const fields = withFields ? [...new Set(Object.values(error.fields ?? {}))] : [];
  return (
    <div className="banner banner-error" role="alert" data-code={error.code}>
      {fields.length > 0 ? `${error.message}：${fields.join('；')}` : error.message}
    </div>
  );
}

type ControlProps = { id?: string; 'aria-invalid'?: boolean };

/** A labelled form control with its error under it. */
export function Field({ label, error, children }: { label: string; error?: string | undefined; children: ReactElement<ControlProps> }) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined })}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

export function fieldError(error: ApiError | null, path: string): string | undefined {
  return error?.fields?.[path];
}

/** '2026-11-27T01:02:03Z' → '11-27 09:02' in the hall's time. */
export function hallTimeShort(iso: string | null): string {
  if (iso === null || Number.isNaN(Date.parse(iso))) return '—';
  return `${hallDate(iso).slice(5)} ${hallTime(iso)}`;
}
