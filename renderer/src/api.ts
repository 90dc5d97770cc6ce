/**
 * The renderer's only way to the core: window.counter under Electron, or the
 * host's WebSocket endpoint in a browser. Both implement CounterApi from shared/.
 */
import {
  type CallerKind,
  type CounterApi,
  type EventName,
  type EventPayload,
  type MethodName,
  type RequestOf,
  type ResponseOf,
  type WireMessage,
} from '../../shared/contract';
import { fail, type Result } from '../../shared/result';

type Listener = (payload: unknown) => void;

/** Reconnecting WebSocket client for host mode. */
class SocketApi implements CounterApi {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private opened: Promise<WebSocket> | null = null;

  constructor(private readonly url: string) {}

  private connect(): Promise<WebSocket> {
    if (this.opened) return this.opened;
    this.opened = new Promise((resolve) => {
      const socket = new WebSocket(this.url);
      this.socket = socket;
      socket.onopen = () => {
        resolve(socket);
        this.connectionListeners.forEach((l) => l(true));
      };
      socket.onmessage = (event: MessageEvent<string>) => this.receive(event.data);
      socket.onclose = () => {
        this.opened = null;
        this.socket = null;
        for (const settle of this.pending.values()) settle(fail('DISCONNECTED', '与工作台服务的连接已断开，正在重新连接，请稍后重试'));
        this.pending.clear();
        this.connectionListeners.forEach((l) => l(false));
        setTimeout(() => void this.connect(), 1000);
      };
    });
    return this.opened;
  }

  private receive(data: string): void {
    const message = JSON.parse(data) as WireMessage;
    if (message.kind === 'result') {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    } else {
      this.listeners.get(message.event)?.forEach((l) => l(message.payload));
    }
  }

  async call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
    const socket = await this.connect();
    const id = this.nextId++;
    return new Promise((resolve) => {
      // the core checked this response against the contract before sending it
      this.pending.set(id, (result) => resolve(result as Result<ResponseOf<M>>));
      socket.send(JSON.stringify({ id, method, params: request }));
    });
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    void this.connect();
    const set = this.listeners.get(event) ?? new Set<Listener>();
    const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
    set.add(wrapped);
    this.listeners.set(event, set);
    return () => set.delete(wrapped);
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }
}

export interface RendererApi extends CounterApi {
  /** Told when the link to the core drops or comes back (always connected under Electron). */
  onConnection(listener: (connected: boolean) => void): () => void;
}

export function createApi(kind: CallerKind): RendererApi {
  const bridge = window.counter;
  if (bridge) return { call: bridge.call, on: bridge.on, onConnection: () => () => undefined };
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = `role=${kind}${token ? `&token=${encodeURIComponent(token)}` : ''}`;
  return new SocketApi(`${scheme}://${location.host}/api?${query}`);
}
