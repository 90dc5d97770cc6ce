/**
 * Calls of the hall console's API as its page makes them (fetch, JSON, the
 * session cookie), and change-log payloads of contacts and registered
 * marriages shaped like the windows' (contactPayload, civilCasePayload).
 */
import { createHash } from 'node:crypto';
import { CONSOLE_ROUTES, type ConsoleRequest, type ConsoleResponse, type ConsoleRouteName } from '../../shared/hall/console-contract';
import type { ApiError } from '../../shared/result';

export type ConsoleResult<N extends ConsoleRouteName> = ({ ok: true; value: ConsoleResponse<N> } | { ok: false; error: ApiError }) & { status: number; setCookie: string | null };

export async function consoleCall<N extends ConsoleRouteName>(baseUrl: string, name: N, input: ConsoleRequest<N> | Record<string, unknown>, cookie: string | null): Promise<ConsoleResult<N>> {
  const route = CONSOLE_ROUTES[name];
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie !== null) headers.cookie = cookie;
  const query = route.method === 'GET' ? `?${new URLSearchParams(Object.entries(input).map(([k, v]) => [k, String(v)])).toString()}` : '';
  const res = await fetch(`${baseUrl}${route.path}${query}`, { method: route.method, headers, ...(route.method === 'GET' ? {} : { body: JSON.stringify(input) }) });
  const body = (await res.json()) as { ok: true; value: ConsoleResponse<N> } | { ok: false; error: ApiError };
  return { status: res.status, setCookie: res.headers.get('set-cookie'), ...body };
}

/** Logs a supervisor in; the cookie to send back. */
export async function consoleLogin(baseUrl: string, staffNo: string, pin: string): Promise<string> {
  const result = await consoleCall(baseUrl, 'login', { staffNo, pin }, null);
  if (!result.ok || result.setCookie === null) throw new Error(`console login failed: ${result.status} ${result.ok ? 'no cookie' : result.error.message}`);
  return result.setCookie.split(';')[0] ?? '';
}

export function contactPayload(id: string, windowNo: string, fields: { contactNo: string; name: string; receivedAt: string; status?: string; item?: string }): Record<string, unknown> {
  return {
    id,
    hall_id: 'demo',
    window_no: windowNo,
    contact_no: fields.contactNo,
    channel: 'walkIn',
    item_code: 'MR01',
    item_name: fields.item ?? '结婚登记',
    applicant_name: fields.name,
    applicant_phone: null,
    applicant_id_type: 'resident',
    applicant_id_masked: '110***********1234',
    status: fields.status ?? 'open',
    received_at: fields.receivedAt,
    created_at: fields.receivedAt,
    updated_at: fields.receivedAt,
  };
}

function fakeHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function marriagePayload(id: string, windowNo: string, fields: { caseNo: string; certificateNo: string; names: [string, string]; registeredAt: string }): Record<string, unknown> {
  return {
    id,
    window_no: windowNo,
    case_no: fields.caseNo,
    kind: 'marriage',
    status: 'registered',
    received_at: fields.registeredAt,
    certificate_no: fields.certificateNo,
    registered_at: fields.registeredAt,
    parties: fields.names.map((name) => ({ name, documentNumberMasked: '110***********0000', documentHash: fakeHash(`${fields.caseNo}:${name}`) })),
  };
}
