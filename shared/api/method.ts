/** How a method of the API contract is declared. */
import { z } from 'zod';

/** Who may call a method: checked by the dispatcher before any handler runs. */
export type Access =
  | 'public' // anyone, including the public display
  | 'setup' // only before the first-run wizard has completed
  | 'session' // a clerk is logged in (the screen may be locked)
  | 'clerk' // a clerk is logged in and the screen is unlocked
  | 'supervisor'; // as clerk, and the clerk is a supervisor

/** The request of methods that take no parameters. */
export const empty = z.object({}).strict();

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  access: Access;
  request: Req;
  response: Res;
  /** The public display may call it too. */
  display: boolean;
}

export function method<Req extends z.ZodType, Res extends z.ZodType>(spec: {
  access: Access;
  request: Req;
  response: Res;
  display?: boolean;
}): MethodSpec<Req, Res> {
  return { display: false, ...spec };
}

