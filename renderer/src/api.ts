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
import { newRequestId } from './kit/request-id';

type Listener = (payload: unknown) => void;

/** A request on its way: its wire text (resent as is, with the same request id) and how many times its socket closed. */
interface Pending {
  text: string;
  settle: (result: Result<unknown>) => void;
  drops: number;
}

/**
 * Reconnecting WebSocket client for host mode. A request whose connection
 * drops before the answer came is sent once more, unchanged, on the next
 * connection: its request id makes the core answer with the first result if
 * the first send did arrive. A second drop fails it with DISCONNECTED.
 */
class SocketApi implements CounterApi {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
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
        // requests whose previous connection dropped before their answer
        for (const p of this.pending.values()) socket.send(p.text);
        this.connectionListeners.forEach((l) => l(true));
      };
      socket.onmessage = (event: MessageEvent<string>) => this.receive(event.data);
      socket.onclose = () => {
        this.opened = null;
        this.socket = null;
        for (const [id, p] of this.pending) {
          p.drops++;
          if (p.drops < 2) continue; // resent once on the next connection
          p.settle(fail('DISCONNECTED', '与工作台服务的连接已断开，正在重新连接，请稍后重试'));
          this.pending.delete(id);
        }
        this.connectionListeners.forEach((l) => l(false));
        setTimeout(() => void this.connect(), 1000);
      };
    });
    return this.opened;
  }

  private receive(data: string): void {
    const message = JSON.parse(data) as WireMessage;
    if (message.kind === 'result') {
      this.pending.get(message.id)?.settle(message.result);
      this.pending.delete(message.id);
    } else {
      this.listeners.get(message.event)?.forEach((l) => l(message.payload));
    }
  }

  call<M extends MethodName>(method: M, request: RequestOf<M>, requestId: string = newRequestId()): Promise<Result<ResponseOf<M>>> {
    const id = this.nextId++;
    const text = JSON.stringify({ id, method, params: request, requestId });
    return new Promise((resolve) => {
      // the core checked this response against the contract before sending it
      this.pending.set(id, { text, settle: (result) => resolve(result as Result<ResponseOf<M>>), drops: 0 });
      // on an open socket it leaves at once, before React renders what the click changed; otherwise it goes when the socket opens
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
      else void this.connect();
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
  if (bridge) {
    return {
      call: (method, request, requestId = newRequestId()) => bridge.call(method, request, requestId),
      on: bridge.on,
      onConnection: () => () => undefined,
    };
  }
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = `role=${kind}${token ? `&token=${encodeURIComponent(token)}` : ''}`;
  return new SocketApi(`${scheme}://${location.host}/api?${query}`);
}
