/**
 * How a method's handler is written. A read answers; a write runs in the
 * dispatcher's transaction (electron/services/core/core.ts), so the compiler
 * refuses an asynchronous write that has not been split into prepare/commit.
 */
import type { MethodName, ParsedRequestOf, ResponseOf, WriteMethodName } from '../../../shared/contract';
import type { CallContext, CoreContext } from './context';

/** A read answers, and may wait (for a file, for the printer). */
export type ReadHandler<M extends MethodName> = (ctx: CoreContext, req: ParsedRequestOf<M>, call: CallContext) => ResponseOf<M> | Promise<ResponseOf<M>>;

/**
 * A write runs inside the transaction the dispatcher opens for it (with its
 * audit and change-log rows and the request id's answer), so it cannot wait:
 * it is a synchronous function. A write that must first wait for something
 * slow (hashing a PIN, reading an image, writing an export file) does that in
 * prepare(), outside the transaction, and its commit() then runs inside it.
 */
export type WriteHandler<M extends MethodName> = ((ctx: CoreContext, req: ParsedRequestOf<M>, call: CallContext) => ResponseOf<M>) | PreparedWrite<M, unknown>;

export interface PreparedWrite<M extends MethodName, P> {
  prepare(ctx: CoreContext, req: ParsedRequestOf<M>, call: CallContext): Promise<P>;
  commit(ctx: CoreContext, req: ParsedRequestOf<M>, call: CallContext, prepared: P): ResponseOf<M>;
}

/** Declares a write in two steps; keeps prepare's result typed between the two. */
export function preparedWrite<M extends MethodName, P>(write: PreparedWrite<M, P>): WriteHandler<M> {
  return write;
}

export type Handler<M extends MethodName> = M extends WriteMethodName ? WriteHandler<M> : ReadHandler<M>;

/** Handlers for a group of methods; the groups are combined into one complete table below. */
export type HandlersFor<K extends MethodName> = { [M in K]: Handler<M> };
export type HandlerTable = HandlersFor<MethodName>;

