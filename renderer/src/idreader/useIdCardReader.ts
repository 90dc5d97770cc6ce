/** Listens to an ID card reader while the component is mounted. */
import { useEffect } from 'react';
import { useLatest } from '../useLatest';
import type { IdCardReader } from './IdCardReader';

export function useIdCardReader(reader: IdCardReader | null, onRead: (number: string) => void): boolean {
  // the latest callback, without restarting the reader on every render
  const latest = useLatest(onRead);
  const ready = reader !== null;
  useEffect(() => {
    if (!reader) return undefined;
    return reader.start((number) => latest.current(number));
  }, [reader]);
  return ready;
}
