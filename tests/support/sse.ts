/**
 * One open stream of server-sent events as a page holds it (fetch, read as
 * it comes): each message's data parsed with the route's schema.
 */
import type { ZodType } from 'zod';

export class EventStream<T> {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
    private readonly schema: ZodType<T>,
  ) {}

  /** Opens the stream; it must be answered 200 as an event stream. */
  static async open<T>(url: string, schema: ZodType<T>, headers: Record<string, string> = {}): Promise<EventStream<T>> {
    const abort = new AbortController();
    const res = await fetch(url, { signal: abort.signal, headers });
    const type = res.headers.get('content-type');
    if (res.status !== 200 || type !== 'text/event-stream; charset=utf-8' || res.body === null) {
      abort.abort();
      throw new Error(`not an event stream: ${res.status} ${type ?? ''}`);
    }
    return new EventStream(res.body.getReader(), abort, schema);
  }

  /** The next message's data; null when the server ended the stream. */
  async nextOrEnd(): Promise<T | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const event = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const data = event.split('\n').find((l) => l.startsWith('data: '));
        if (data !== undefined) return this.schema.parse(JSON.parse(data.slice('data: '.length)));
        continue;
      }
      const { value: chunk, done } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(chunk, { stream: true });
    }
  }

  /** The next message's data. */
  async next(): Promise<T> {
    const message = await this.nextOrEnd();
    if (message === null) throw new Error('the stream ended');
    return message;
  }

  /** Messages until one satisfies the test (every one valid on the way). */
  async until(test: (message: T) => boolean): Promise<T> {
    for (;;) {
      const message = await this.next();
      if (test(message)) return message;
    }
  }

  /** Reads on until the server ends the stream. */
  async ended(): Promise<void> {
    while ((await this.nextOrEnd()) !== null);
  }

  close(): void {
    this.abort.abort();
  }
}
