/** Small building blocks shared by the clerk screens; the widgets come from the kit the hall pages share (kit/). */
import { useCallback, useState } from 'react';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import type { RendererApi } from './api';

export { ErrorBanner, Field, fieldError, Notice } from './kit/widgets';

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
