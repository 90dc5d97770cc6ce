/**
 * GET /download/{token}: a produced export (ledger or statistics), served once
 * as an attachment to a client allowed to act as the clerk screen (loopback,
 * or a LAN clerk paired with its token) while the session that asked for it
 * is still logged in and unlocked; the file is deleted once sent. Anything
 * else — unknown, used or expired token, another session — is a 404 that says
 * to export again.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { takeExport } from '../services/ledger/downloads';
import type { CounterCore } from '../services/core/core';

export const DOWNLOAD_PREFIX = '/download/';

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('导出文件不存在或已下载，请在工作台重新导出。');
}

/** Serves the download; `mayActAsClerk` is the host's pairing decision for this request. */
export function serveDownload(core: CounterCore, req: IncomingMessage, res: ServerResponse, url: URL, mayActAsClerk: boolean): void {
  const token = url.pathname.slice(DOWNLOAD_PREFIX.length);
  if (req.method !== 'GET' || !mayActAsClerk || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) {
    notFound(res);
    return;
  }
  const taken = takeExport(core.ctx, token);
  if (!taken) {
    notFound(res);
    return;
  }
  const extension = taken.fileName.slice(taken.fileName.lastIndexOf('.') + 1);
  const ascii = `export.${extension}`;
  res.writeHead(200, {
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(taken.fileName)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // the file is deleted before the response ends, so a client that has the whole file finds it gone
  const stream = createReadStream(taken.path);
  let ended = false;
  stream.on('end', () => (ended = true));
  stream.on('close', () => {
    void taken.release().then(() => (ended ? res.end() : res.destroy()));
  });
  res.on('close', () => stream.destroy());
  stream.pipe(res, { end: false });
}
