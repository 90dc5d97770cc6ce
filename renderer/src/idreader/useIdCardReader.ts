/** Listens to an ID card reader while the component is mounted. */
import { useEffect, useRef } from 'react';
import type { IdCardReader } from './IdCardReader';

export function useIdCardReader(reader: IdCardReader | null, onRead: (number: string) => void): boolean {
  // the latest callback, without restarting the reader on every render
  const latest = useRef(onRead);
  useEffect(() => {
    latest.current = onRead;
  });
  const ready = reader !== null;
  useEffect(() => {
    if (!reader) return undefined;
    return reader.start((number) => latest.current(number));
  }, [reader]);
  return ready;
}
