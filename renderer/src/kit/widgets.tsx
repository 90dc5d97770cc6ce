/**
 * The UI kit both browser layers use (the workstation's renderer and the hall's pages in
 * hall-web/): banners and labelled fields in the classes of renderer/src/styles.css.
 * Imports react and shared/ only, so either layer may import it.
 */
import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';

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

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner-ok" role="status">
      {children}
    </div>
  );
}

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * A labelled form control. The label names the control alone; the hint or
 * error is linked with aria-describedby, so screen readers and tests find
 * the field by its label.
 */
export function Field({ label, error, hint, children }: { label: string; error?: string | undefined; hint?: string; children: ReactElement<ControlProps> }) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  const control = cloneElement(children, {
    id,
    'aria-describedby': note ? noteId : undefined,
    'aria-invalid': error ? true : undefined,
  });
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {control}
      {note ? (
        <span id={noteId} className={error ? 'field-error' : 'field-hint'}>
          {note}
        </span>
      ) : null}
    </div>
  );
}

/** The field's own message from an error, matched by its path in the request. */
export function fieldError(error: ApiError | null, ...paths: string[]): string | undefined {
  if (!error?.fields) return undefined;
  for (const p of paths) {
    const message = error.fields[p];
    if (message) return message;
  }
  return undefined;
}
