/** Loading a console route's answer and saving through another, with the error kept for the form. */
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleRequest, ConsoleResponse, ConsoleRouteName } from '../../../../shared/hall/console-contract';
import type { ApiError } from '../../../../shared/result';
import { consoleCall } from '../../api';

export interface Loaded<N extends ConsoleRouteName> {
  value: ConsoleResponse<N> | null;
  error: ApiError | null;
  set: (value: ConsoleResponse<N>) => void;
  reload: () => Promise<void>;
}

/** The answer of a GET route, loaded on mount (and again on reload). */
export function useLoad<N extends ConsoleRouteName>(name: N, input: ConsoleRequest<N>): Loaded<N> {
  const [value, set] = useState<ConsoleResponse<N> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify(input);
  const reload = useCallback(async () => {
    const r = await consoleCall(name, JSON.parse(key) as ConsoleRequest<N>);
    if (r.ok) {
      set(r.value);
      setError(null);
    } else setError(r.error);
  }, [name, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, set, reload };
}

export interface Saver {
  error: ApiError | null;
  busy: boolean;
  /** What was saved last, shown next to the button. */
  note: string | null;
  clear: () => void;
  save: <N extends ConsoleRouteName>(name: N, input: ConsoleRequest<N>, done: (value: ConsoleResponse<N>) => void, note?: string) => Promise<boolean>;
}

/** One form's save: busy while it runs, its error (with field messages) or a note when it worked. */
export function useSaver(): Saver {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const save = useCallback(async <N extends ConsoleRouteName>(name: N, input: ConsoleRequest<N>, done: (value: ConsoleResponse<N>) => void, saved = '已保存，各窗口将自动同步') => {
    setBusy(true);
    setNote(null);
    const r = await consoleCall(name, input);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setError(null);
    setNote(saved);
    done(r.value);
    return true;
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setNote(null);
  }, []);
  return { error, busy, note, clear, save };
}
