/**
 * Produced exports waiting to be saved by the clerk who asked. An export is
 * written into the data folder's exports/ (never a folder typed by the
 * clerk) under a random name and offered once, under a one-time token, to the
 * session that asked: the host serves it as a browser download, Electron's
 * main process copies it where the save dialog says. The file is deleted once
 * taken, or after EXPORT_KEEP_MINUTES if nobody takes it, and everything left
 * there is deleted when the workstation starts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_KEEP_MINUTES } from '../../../shared/api/ledger';
import type { Clock } from '../core/clock';
import type { ActiveSession, CoreContext } from '../core/context';
import { openSession } from '../staff/session-service';

interface Offer {
  path: string;
  fileName: string;
  sessionId: string;
  expiresAt: number;
}

/** A taken export: stream or copy `path`, then release() deletes it. */
export interface TakenExport {
  path: string;
  fileName: string;
  release(): Promise<void>;
}

export class ExportDownloads {
  private readonly offers = new Map<string, Offer>();

  constructor(
    readonly dir: string,
    private readonly clock: Clock,
  ) {
    // what a previous run left (never taken, or cut off by a crash) is nobody's any more
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  /** A fresh path in the exports folder for a file about to be written. */
  newPath(extension: string): string {
    return join(this.dir, `${randomBytes(16).toString('hex')}.${extension}`);
  }

  /** Offers a written file to the session once; returns the token it is downloaded by. */
  offer(path: string, fileName: string, session: ActiveSession): string {
    this.sweep();
    const token = randomBytes(24).toString('base64url');
    this.offers.set(token, { path, fileName, sessionId: session.id, expiresAt: this.clock.now().getTime() + EXPORT_KEEP_MINUTES * 60_000 });
    return token;
  }

  /**
   * The file under a token, for the session that asked (logged in and unlocked now), once:
   * null for an unknown, used or expired token, or another session.
   */
  take(token: string, session: ActiveSession | null): TakenExport | null {
    this.sweep();
    const offer = this.offers.get(token);
    if (!offer || !session || session.locked || session.id !== offer.sessionId) return null;
    this.offers.delete(token);
    return { path: offer.path, fileName: offer.fileName, release: () => unlink(offer.path).catch(() => undefined) };
  }

  /** Expired offers and their files, gone before the call that swept them returns. */
  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [token, offer] of this.offers) {
      if (offer.expiresAt > now) continue;
      this.offers.delete(token);
      rmSync(offer.path, { force: true });
    }
  }
}

/** The export under a token for the session open now (host /download, Electron's save dialog), once. */
export function takeExport(ctx: CoreContext, token: string): TakenExport | null {
  return ctx.exports.take(token, openSession(ctx));
}
