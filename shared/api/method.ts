/**
 * How a method of the API contract is declared. Every fact about a method
 * lives in its entry, and the compiler refuses an entry that leaves one out:
 * who may call it, whether it reads or writes, what it takes and answers, and
 * for a write the audit label of the row it writes and whether the public
 * display changes. The dispatcher (electron/services/core/core.ts) derives the rest.
 */
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
 * runs inside one transaction opened by the dispatcher and is deduplicated by
 * its request id, so a double click or a retried send has one effect and gets
 * the first answer.
 */
export type Effect = 'read' | 'write';

/** A request id: a UUID the client makes once per user action and reuses when it resends. */
export const requestIdSchema = z.uuid('请求编号格式不正确，应为 UUID');

/** The request of methods that take no parameters. */
export const empty = z.object({}).strict();

interface SpecBase<Req extends z.ZodType, Res extends z.ZodType> {
  access: Access;
  request: Req;
  response: Res;
  /** The public display may call it too (default: no). */
  display?: boolean;
}

/** A method that only answers. */
export interface ReadSpec<Req extends z.ZodType, Res extends z.ZodType> extends SpecBase<Req, Res> {
  effect: 'read';
}

/** A method that changes something: its audit label and display effect are part of its declaration. */
export interface WriteSpec<Req extends z.ZodType, Res extends z.ZodType> extends SpecBase<Req, Res> {
  effect: 'write';
  /** The audit log's Chinese name for the row this method writes under its own name. */
  audit: string;
  /** After it, the public display and the clerk's session view may have changed and are pushed again. */
  changesDisplay: boolean;
}

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType, E extends Effect = Effect> {
  access: Access;
  effect: E;
  request: Req;
  response: Res;
  display: boolean;
  /** Chinese audit label; null for a read. */
  audit: string | null;
  changesDisplay: boolean;
}

export function method<Req extends z.ZodType, Res extends z.ZodType>(spec: ReadSpec<Req, Res>): MethodSpec<Req, Res, 'read'>;
export function method<Req extends z.ZodType, Res extends z.ZodType>(spec: WriteSpec<Req, Res>): MethodSpec<Req, Res, 'write'>;
export function method<Req extends z.ZodType, Res extends z.ZodType>(spec: ReadSpec<Req, Res> | WriteSpec<Req, Res>): MethodSpec<Req, Res> {
  if (spec.effect === 'read') return { display: false, audit: null, changesDisplay: false, ...spec };
  return { display: false, ...spec };
}
