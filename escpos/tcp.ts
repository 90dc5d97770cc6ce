/**
 * Network printers (tcp://HOST:PORT, raw port 9100), with node:net.
 *
 * Not node-thermal-printer's network interface (4.6.1,
 * lib/interfaces/network.js), for three reasons read in its source:
 * - it reports a stalled write and a connect that never completes with the
 *   same "Socket timeout" error, so the queue could not tell "nothing was
 *   sent, try again" from "part of the slip may be on paper" — and guessing
 *   wrong prints a slip twice or loses it;
 * - it resolves as soon as the bytes are handed to the kernel and destroys
 *   the socket, so a printer that drops the connection mid-job goes unnoticed;
 * - its only way to read an answer resolves on the first data chunk of a
 *   fresh connection, so DLE EOT 1, 2 and 4 before and after the job on the
 *   same connection (the printer may serve one connection at a time) are not
 *   possible.
 * Here a job is: connect (≤ connectMs), DLE EOT 1/2/4, the job only if the
 * printer can print, DLE EOT 1/2/4 again. The connection is then kept open
 * (keepOpenMs; the idle status checks keep it in use) so the next job needs
 * no connect, and its status query is asked while the job's transaction
 * commits (prepare). A kept connection that the printer closed, or that no
 * longer answers (switched off and on), is dropped and a fresh one opened.
 */
import { Socket } from 'node:net';
import { canPrint, interpretStatus, STATE_MESSAGES, type StatusReading } from '../shared/print/status';
import { STATUS_REQUEST } from './escpos';
import { DEFAULT_TIMEOUTS, type SendHooks, type SendOutcome, type Transport, type TransportTimeouts } from './transport';

class ConnectError extends Error {}

function connectMessage(host: string, port: number, code: string | undefined, timeoutMs: number): string {
  const where = `${host}:${port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `无法连接打印机 ${where}：连接被拒绝（打印机未开机、正被占用或端口不对）`;
    case 'TIMEOUT':
      return `无法连接打印机 ${where}：${Math.round(timeoutMs / 100) / 10} 秒内没有响应（请检查打印机电源、网线和 IP 地址）`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `无法连接打印机 ${where}：网络不通（请检查网线和 IP 地址）`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `找不到打印机 ${host}（主机名无法解析，请改用 IP 地址）`;
    case 'ECONNRESET':
    case 'CLOSED':
      return `打印机 ${where} 断开了连接，请检查打印机`;
    default:
      return `无法连接打印机 ${where}（${code ?? '未知错误'}）`;
  }
}

function silentMessage(host: string, port: number): string {
  return `打印机 ${host}:${port} 没有回应状态查询（上一张发送未确认），暂停发送，打印机恢复回应后自动打印`;
}

/** One connection to the printer: bytes received are buffered until read. */
class Conversation {
  private received = Buffer.alloc(0);
  private wake: (() => void) | null = null;
  /** Set when the printer closed the connection or it broke. */
  ended = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake?.();
    });
    const finish = (): void => {
      this.ended = true;
      this.wake?.();
    };
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
  }

  static open(host: string, port: number, timeoutMs: number, track: (socket: Socket) => void): Promise<Conversation> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      track(socket);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectError(connectMessage(host, port, 'TIMEOUT', timeoutMs)));
      }, timeoutMs);
      const onError = (error: NodeJS.ErrnoException): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new ConnectError(connectMessage(host, port, error.code, timeoutMs)));
      };
      const onClose = (): void => {
        clearTimeout(timer);
        reject(new ConnectError(connectMessage(host, port, 'CLOSED', timeoutMs)));
      };
      socket.once('error', onError);
      socket.once('close', onClose);
      socket.connect({ host, port }, () => {
        clearTimeout(timer);
        socket.off('error', onError);
        socket.off('close', onClose);
        socket.setNoDelay(true);
        resolve(new Conversation(socket));
      });
    });
  }

  /** Up to n bytes, waiting at most timeoutMs; fewer when the printer does not answer or hangs up. */
  async read(n: number, timeoutMs: number): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < n && !this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    const out = this.received.subarray(0, n);
    this.received = this.received.subarray(out.length);
    return out;
  }

  /** Resolves when the bytes are handed to the system; rejects when the connection breaks or the printer stops taking them. */
  write(bytes: Buffer, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ended) {
        reject(new Error('closed'));
        return;
      }
      const timer = setTimeout(() => reject(new Error('write timeout')), timeoutMs);
      this.socket.write(bytes, (error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      });
    });
  }

  /** DLE EOT 1, 2, 4 and their three answers; null when the printer answered nothing. */
  async status(timeoutMs: number): Promise<StatusReading | null> {
    await this.askStatus(timeoutMs);
    return this.statusAnswer(timeoutMs);
  }

  /** Sends DLE EOT 1, 2, 4 (resolves when they are handed to the system). */
  askStatus(timeoutMs: number): Promise<void> {
    this.received = Buffer.alloc(0); // nothing unsolicited is expected; never mistake it for an answer
    return this.write(STATUS_REQUEST, timeoutMs);
  }

  /** The three answers to askStatus(); null when the printer answered nothing. */
  async statusAnswer(timeoutMs: number): Promise<StatusReading | null> {
    const answer = await this.read(3, timeoutMs);
    if (answer.length === 0) return null;
    return interpretStatus({ printer: answer[0], offlineCause: answer[1], paper: answer[2] });
  }

  /** Half-closes and waits briefly for the printer to close its side. */
  async end(timeoutMs: number): Promise<void> {
    if (this.ended) return;
    this.socket.end();
    await this.read(Number.MAX_SAFE_INTEGER, timeoutMs);
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** The connection kept open between jobs, and the status query asked on it ahead of the next job. */
interface KeptConnection {
  conversation: Conversation;
  timer: NodeJS.Timeout;
  /** DLE EOT 1/2/4 asked by prepare(), or null when not asked yet. */
  asked: { answer: Promise<StatusReading | null>; at: number; settled: boolean } | null;
}

/** An answer asked ahead of a job counts as the status before it only this soon after it was asked. */
const PREPARED_ANSWER_MS = 2000;

export class TcpTransport implements Transport {
  private readonly sockets = new Set<Socket>();
  private aborted = false;
  private kept: KeptConnection | null = null;

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly timeouts: TransportTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  private open(): Promise<Conversation> {
    return Conversation.open(this.host, this.port, this.timeouts.connectMs, (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /**
   * A job is being recorded: ask the printer's status now on the kept
   * connection, so that its answer has arrived when the job's transaction has
   * committed and the job is sent. False when no connection is kept.
   */
  prepare(): boolean {
    const kept = this.kept;
    if (!kept || kept.conversation.ended) return false;
    if (kept.asked && (!kept.asked.settled || Date.now() - kept.asked.at < PREPARED_ANSWER_MS)) return true;
    const asked = { answer: kept.conversation.status(this.timeouts.statusMs).catch(() => null), at: Date.now(), settled: false };
    void asked.answer.finally(() => (asked.settled = true));
    kept.asked = asked;
    return true;
  }

  /** Takes the kept connection for a job or a probe, with the printer's status read on it; null when none is usable. */
  private async reuse(): Promise<{ conversation: Conversation; reading: StatusReading } | null> {
    const kept = this.kept;
    this.kept = null;
    if (!kept) return null;
    clearTimeout(kept.timer);
    const prepared = kept.asked && (!kept.asked.settled || Date.now() - kept.asked.at < PREPARED_ANSWER_MS) ? kept.asked.answer : null;
    const reading = kept.conversation.ended ? null : await (prepared ?? kept.conversation.status(this.timeouts.statusMs).catch(() => null));
    if (reading && !kept.conversation.ended && !this.aborted) return { conversation: kept.conversation, reading };
    // the printer closed it, was switched off and on (the connection is dead) or stopped answering: start afresh
    kept.conversation.destroy();
    return null;
  }

  /** Keeps the connection open for the next job (keepOpenMs), then closes it. */
  private keep(conversation: Conversation): void {
    if (this.timeouts.keepOpenMs <= 0 || this.aborted || conversation.ended) {
      void conversation.end(this.timeouts.statusMs).finally(() => conversation.destroy());
      return;
    }
    const timer = setTimeout(() => {
      if (this.kept?.conversation !== conversation) return;
      this.kept = null;
      void conversation.end(this.timeouts.statusMs).finally(() => conversation.destroy());
    }, this.timeouts.keepOpenMs);
    timer.unref();
    this.kept = { conversation, timer, asked: null };
  }

  async probe(): Promise<StatusReading> {
    const reused = await this.reuse();
    if (reused) {
      this.keep(reused.conversation);
      return reused.reading;
    }
    let conversation: Conversation;
    try {
      conversation = await this.open();
    } catch (error) {
      if (error instanceof ConnectError) return { state: 'unreachable', message: error.message };
      throw error;
    }
    const reading = await conversation.status(this.timeouts.statusMs).catch(() => null);
    if (conversation.ended && !reading) {
      conversation.destroy();
      return { state: 'unreachable', message: connectMessage(this.host, this.port, 'CLOSED', 0) };
    }
    if (reading) this.keep(conversation);
    else await conversation.end(this.timeouts.statusMs).finally(() => conversation.destroy());
    return reading ?? { state: 'unknown', message: STATE_MESSAGES.unknown };
  }

  async send(bytes: Buffer, hooks: SendHooks): Promise<SendOutcome> {
    const reused = await this.reuse();
    if (reused) {
      hooks.stage?.('connected');
      hooks.stage?.('checked');
      return this.sendOn(reused.conversation, reused.reading, bytes, hooks);
    }
    let conversation: Conversation;
    try {
      conversation = await this.open();
    } catch (error) {
      if (error instanceof ConnectError) return { kind: 'waiting', state: 'unreachable', message: error.message };
      throw error;
    }
    hooks.stage?.('connected');
    const asked = conversation.askStatus(this.timeouts.statusMs);
    let marked = false;
    if (hooks.expectReady) {
      // the printer could print when last heard from: record the job as being sent while its answer travels
      // (the job goes back to waiting below if the answer says otherwise)
      hooks.beforeWrite();
      marked = true;
    }
    const before = await asked.then(() => conversation.statusAnswer(this.timeouts.statusMs)).catch(() => null);
    hooks.stage?.('checked');
    const beforeWrite = hooks.beforeWrite;
    return this.sendOn(conversation, before, bytes, { ...hooks, beforeWrite: () => (marked ? undefined : beforeWrite()) });
  }

  /** The job on a connection whose status before it has been read (null: not answered). */
  private async sendOn(conversation: Conversation, before: StatusReading | null, bytes: Buffer, hooks: SendHooks): Promise<SendOutcome> {
    let keep = false;
    try {
      if (conversation.ended || this.aborted) {
        return { kind: 'waiting', state: 'unreachable', message: connectMessage(this.host, this.port, 'CLOSED', 0) };
      }
      if (!before && hooks.requireAnswer) {
        return { kind: 'waiting', state: 'unknown', message: silentMessage(this.host, this.port) };
      }
      if (before && !canPrint(before.state)) {
        await conversation.end(this.timeouts.statusMs);
        return { kind: 'waiting', state: before.state, message: before.message };
      }
      hooks.beforeWrite();
      try {
        await conversation.write(bytes, this.timeouts.writeMs);
      } catch {
        return {
          kind: 'uncertain',
          state: 'unreachable',
          message: `发送途中与打印机 ${this.host}:${this.port} 的连接中断，无法确认是否已打印，请核对后重打`,
        };
      }
      hooks.stage?.('written');
      // the answers come once the printer has taken the job in
      const after = await conversation.status(this.timeouts.confirmMs).catch(() => null);
      if (conversation.ended) {
        return {
          kind: 'uncertain',
          state: 'unreachable',
          message: `打印机 ${this.host}:${this.port} 在接收过程中断开了连接，无法确认是否打印完整，请核对后重打`,
        };
      }
      if (!after) {
        // a printer that does not read does not see the end of the connection either: no waiting for it
        return {
          kind: 'unconfirmed',
          message: `打印机 ${this.host}:${this.port} 接受了连接，但发送后没有回应状态查询，无法确认是否已打印。请核对，没有打印的请填写原因重打（可换一台打印机）`,
        };
      }
      keep = true;
      this.keep(conversation);
      return { kind: 'sent', after };
    } finally {
      if (!keep) conversation.destroy();
    }
  }

  abort(): void {
    this.aborted = true;
    if (this.kept) clearTimeout(this.kept.timer);
    this.kept = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
