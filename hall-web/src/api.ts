/**
 * The hall pages' client of the console API: fetch with the session cookie
 * (same origin), the request as JSON or query, the answer checked against the
 * route's response schema. A network failure is a DISCONNECTED result.
 */
import { CONSOLE_ROUTES, type ConsoleRequest, type ConsoleResponse, type ConsoleRouteName } from '../../shared/hall/console-contract';
import type { Result } from '../../shared/result';
import { fetchResult } from './fetch-result';

function queryOf(input: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The URL of a GET route with its query (for links such as the CSV export). */
export function routeUrl<N extends ConsoleRouteName>(name: N, input: ConsoleRequest<N>): string {
  return `${CONSOLE_ROUTES[name].path}${queryOf(input as Record<string, unknown>)}`;
}

export async function consoleCall<N extends ConsoleRouteName>(name: N, input: ConsoleRequest<N>): Promise<Result<ConsoleResponse<N>>> {
  const route = CONSOLE_ROUTES[name];
  const init: RequestInit = {
    method: route.method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    ...(route.method === 'GET' ? {} : { body: JSON.stringify(input) }),
  };
  const url = route.method === 'GET' ? routeUrl(name, input) : route.path;
  const result = await fetchResult(url, init, route.response, '大厅服务器的回答无法识别，请刷新页面', { code: 'DISCONNECTED', message: '连不上大厅服务器，请检查网络后重试' });
  return result as Result<ConsoleResponse<N>>;
}
