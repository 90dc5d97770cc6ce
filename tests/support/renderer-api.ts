/**
 * The renderer's API over a real core in the same process, for renderer unit
 * tests: the same CounterApi the preload bridge gives under Electron, so the
 * hooks and components under test reach a real core and a real SQLite file.
 */
import type { CallerKind, EventName, EventPayload } from '../../shared/contract';
import type { CounterCore } from '../../electron/services/core/core';
import type { RendererApi } from '../../renderer/src/api';

export function inProcessApi(core: CounterCore, caller: CallerKind = 'clerk'): RendererApi {
  return {
    call: (method, request, requestId) => core.call(method, request, caller, requestId),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return core.onEvent((name: EventName, payload: unknown) => {
        if (name === event) listener(payload as EventPayload<E>);
      });
    },
    onConnection: () => () => undefined,
  };
}
