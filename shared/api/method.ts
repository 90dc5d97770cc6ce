/** How a method of the API contract is declared. */
import { z } from 'zod';

/** Who may call a method: checked by the dispatcher before any handler runs. */
export type Access =
  | 'public' // anyone, including the public display
  | 'setup' // only before the first-run wizard has completed
  | 'session' // a clerk is logged in (the screen may be locked)
  | 'clerk' // a clerk is logged in and the screen is unlocked
  | 'supervisor'; // as clerk, and the clerk is a supervisor

/**
 * Whether a method changes anything: the ledger, settings, files, the print
 * queue or the session (a write), or only answers from them (a read). A write
 * is deduplicated by its request id, so a double click or a retried send has
 * one effect and gets the first answer.
 */
export type Effect = 'read' | 'write';

/** A request id: a UUID the client makes once per user action and reuses when it resends. */
export const requestIdSchema = z.uuid('请求编号格式不正确，应为 UUID');

/** The request of methods that take no parameters. */
export const empty = z.object({}).strict();

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  access: Access;
  effect: Effect;
  request: Req;
  response: Res;
  /** The public display may call it too. */
  display: boolean;
}

export function method<Req extends z.ZodType, Res extends z.ZodType>(spec: {
  access: Access;
  effect: Effect;
  request: Req;
  response: Res;
  display?: boolean;
}): MethodSpec<Req, Res> {
  return { display: false, ...spec };
}

