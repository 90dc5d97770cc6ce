/** Small building blocks of the hall pages: the kit the workstation shares (renderer/src/kit/), and the hall's short time. */
import { hallDate, hallTime } from '../../shared/domain/hall-time';

export { ErrorBanner, Field, fieldError, Notice } from '../../renderer/src/kit/widgets';

/** '2026-11-27T01:02:03Z' → '11-27 09:02' in the hall's time. */
export function hallTimeShort(iso: string | null): string {
  if (iso === null || Number.isNaN(Date.parse(iso))) return '—';
  return `${hallDate(iso).slice(5)} ${hallTime(iso)}`;
}
