/** Small building blocks shared by the clerk screens. */
import { cloneElement, useCallback, useId, useState, type ReactElement, type ReactNode } from 'react';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import type { RendererApi } from './api';

/** Runs API calls for a form: tracks busy state and the last error (with per-field messages). */
export function useAction(api: RendererApi) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M> | undefined> => {
      setBusy(true);
      setError(null);
      try {
        const result = await api.call(method, request);
        if (result.ok) return result.value;
        setError(result.error);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [api],
  );
  return { run, error, busy, setError, clear: () => setError(null) };
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

export function ErrorBanner({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-code={error.code}>
      {error.message}
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

/** Reads a chosen file as base64 (without the data: prefix) for staff.setPhoto. */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
