/**
 * Loading data through the API for a screen: the data, whether it is
 * loading, the Chinese error of a failed load (shown to the clerk, never
 * swallowed) and a reload. The request is compared by value, so an inline
 * `{}` does not reload on every render.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import type { RendererApi } from './api';

export interface Query<T> {
  /** The last successful answer; kept while reloading and after a failed reload. */
  data: T | undefined;
  loading: boolean;
  /** The error of the last load, null once a load succeeds. */
  error: ApiError | null;
  /** Loads again; resolves once the answer is in. */
  reload: () => Promise<void>;
  /** Takes a write's answer that is the new data, without loading again. */
  replace: (value: T) => void;
}

export function useQuery<M extends MethodName>(api: RendererApi, method: M, request: RequestOf<M>, options: { enabled?: boolean } = {}): Query<ResponseOf<M>> {
  const enabled = options.enabled ?? true;
  const key = JSON.stringify(request);
  const [data, setData] = useState<ResponseOf<M> | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(enabled);
  // only the latest load's answer is kept: an earlier, slower one never overwrites it
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const reload = useCallback(async () => {
    const seq = ++latest.current;
    setLoading(true);
    const result = await api.call(method, JSON.parse(key) as RequestOf<M>);
    if (!mounted.current || seq !== latest.current) return;
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
    setLoading(false);
  }, [api, method, key]);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  const replace = useCallback((value: ResponseOf<M>) => {
    latest.current++;
    setData(value);
    setError(null);
    setLoading(false);
  }, []);

  return { data, loading, error, reload, replace };
}
