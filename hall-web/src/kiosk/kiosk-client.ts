/**
 * The kiosk page's client of the hall API (shared/hall/contract.ts): the
 * kiosk's credential, kept in localStorage after pairing, sent as Bearer; the
 * answer checked against the route's response schema. A network failure is a
 * DISCONNECTED result with a message for the applicant.
 */
import { HALL_ROUTES, type HallRequest, type HallResponse, type HallRouteName } from '../../../shared/hall/contract';
import type { ApiError, Result } from '../../../shared/result';
import { fetchResult } from '../fetch-result';

const STORE_KEY = 'hall-kiosk';

export interface KioskPairing {
  kioskNo: string;
  hallName: string;
  credential: string;
}

export function storedPairing(): KioskPairing | null {
  try {
    const raw = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null') as Partial<KioskPairing> | null;
    if (raw && typeof raw.kioskNo === 'string' && typeof raw.hallName === 'string' && typeof raw.credential === 'string') return { kioskNo: raw.kioskNo, hallName: raw.hallName, credential: raw.credential };
  } catch {
    // an unreadable entry: pair again
  }
  return null;
}

export function storePairing(pairing: KioskPairing | null): void {
  if (pairing === null) localStorage.removeItem(STORE_KEY);
  else localStorage.setItem(STORE_KEY, JSON.stringify(pairing));
}

export const UNREACHABLE: ApiError = { code: 'DISCONNECTED', message: '暂时连不上大厅服务器，请稍候点“重试”，或到咨询台人工取号' };

export async function hallCall<N extends HallRouteName>(name: N, input: HallRequest<N>, credential: string | null): Promise<Result<HallResponse<N>>> {
  const route = HALL_ROUTES[name];
  const query = route.method === 'GET' ? `?${new URLSearchParams(Object.entries(input).map(([k, v]) => [k, String(v)])).toString()}` : '';
  const init: RequestInit = {
    method: route.method,
    headers: { 'content-type': 'application/json', ...(credential === null ? {} : { authorization: `Bearer ${credential}` }) },
    ...(route.method === 'GET' ? {} : { body: JSON.stringify(input) }),
  };
  const result = await fetchResult(`${route.path}${query}`, init, route.response, '大厅服务器的回答无法识别，请联系工作人员', UNREACHABLE);
  return result as Result<HallResponse<N>>;
}
