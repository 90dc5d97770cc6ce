/**
 * The window's side of the hall contract (shared/hall/contract.ts): one typed
 * call per route over HTTP, the request checked before it leaves and the
 * answer checked when it arrives. Every failure is a CounterError in the
 * clerk's words: DISCONNECTED when the hall could not be reached in time
 * (the window goes on working offline), the hall's own refusal otherwise.
 */
import { z } from 'zod';
import { HALL_ROUTES, parseWith, type HallRequest, type HallResponse, type HallRouteName } from '../../../shared/hall/contract';
import { CounterError, ERROR_CODES } from '../../../shared/result';

/** How long a call may take before the hall counts as unreachable. */
export const HALL_CALL_TIMEOUT_MS = 5000;

const hallAnswerSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
  }),
]);

export interface HallClientOptions {
  /** The hall's address, e.g. http://192.168.1.10:5790 (https behind a TLS proxy). */
  url: string;
  /** The window's credential from enrolment; null only for the enrolment call itself. */
  credential: string | null;
  timeoutMs?: number;
}

export class HallClient {
  private readonly base: string;

  constructor(private readonly options: HallClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
  }

  get url(): string {
    return this.base;
  }

  async call<N extends HallRouteName>(name: N, request: HallRequest<N>): Promise<HallResponse<N>> {
    const route = HALL_ROUTES[name];
    const checked = parseWith(route.request, request) as Record<string, unknown>;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.credential !== null) headers.authorization = `Bearer ${this.options.credential}`;
    const query = route.method === 'GET' ? queryOf(checked) : '';
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.base}${route.path}${query}`, {
        method: route.method,
        headers,
        ...(route.method === 'GET' ? {} : { body: JSON.stringify(checked) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? HALL_CALL_TIMEOUT_MS),
      });
      text = await response.text();
    } catch {
      throw new CounterError('DISCONNECTED', `无法连接大厅服务器（${this.base}），本窗口继续离线办理，恢复连接后自动同步`);
    }
    const answer = hallAnswerSchema.safeParse(safeJson(text));
    if (!answer.success) throw new CounterError('DISCONNECTED', `大厅服务器（${this.base}）的回答无法识别（HTTP ${response.status}），请联系管理员检查大厅地址`);
    if (!answer.data.ok) throw new CounterError(answer.data.error.code, `大厅服务器：${answer.data.error.message}`, answer.data.error.fields);
    const value = route.response.safeParse(answer.data.value);
    if (!value.success) throw new CounterError('DISCONNECTED', `大厅服务器（${this.base}）的回答不符合约定，请确认大厅服务器与本窗口版本一致`);
    return value.data as HallResponse<N>;
  }
}

function queryOf(request: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
