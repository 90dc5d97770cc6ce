/**
 * One JSON request of a hall page to the hall server: the answer is the server's typed result,
 * its value checked against the route's response schema. A value that does not match is an
 * INTERNAL result saying `unreadable`; a network failure is the `unreachable` result.
 */
import type { ZodType } from 'zod';
import type { ApiError, Result } from '../../shared/result';

export async function fetchResult(url: string, init: RequestInit, response: ZodType, unreadable: string, unreachable: ApiError): Promise<Result<unknown>> {
  try {
    const res = await fetch(url, init);
    const body = (await res.json()) as { ok: true; value: unknown } | { ok: false; error: ApiError };
    if (!body.ok) return body;
    const parsed = response.safeParse(body.value);
    if (!parsed.success) return { ok: false, error: { code: 'INTERNAL', message: unreadable } };
    return { ok: true, value: parsed.data };
  } catch {
    return { ok: false, error: unreachable };
  }
}
