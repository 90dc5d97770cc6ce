/**
 * A text line the printer's font cannot print whole (a name with 𪚥, see
 * gb18030.ts) goes to the printer as one raster image of the line: drawn
 * from the preview's own SVG line (same grid, same fonts), rendered by sharp
 * (librsvg, fontconfig fallback per glyph), thresholded to black and white,
 * and sent with GS v 0. The image is the line's full printable width
 * (columns × 12 dots) and the line's pitch (30 dots, 60 at size 2), so the
 * slip keeps its layout.
 *
 * Slips are rendered synchronously (inside the transaction that records the
 * job), and sharp is asynchronous: it runs in a worker thread and this
 * thread waits for the answer (Atomics.wait, then receiveMessageOnPort). The
 * worker starts at the first such line; rendered lines are cached. Lines the
 * printer prints itself never come here.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { DOTS_PER_COLUMN, DOTS_PER_LINE } from '../../../shared/print/layout';
import type { RasterImage } from '../../../escpos/escpos';
import { baselineOf, escapeXml, glyphCentres, PREVIEW_FONT } from './preview';


/** Grey below this (0 black … 255 white) prints black: keeps the thin strokes of dense rare glyphs. */
const THRESHOLD = 160;
/** How long one line may take to render before the line is given up (first use loads sharp and the fonts). */
const RENDER_TIMEOUT_MS = 20_000;
const CACHE_LINES = 256;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const signal = new Int32Array(workerData.signal);
const port = workerData.port;
let sharp = null;
let loadError = null;
try {
  sharp = require(workerData.sharpPath);
} catch (error) {
  loadError = error;
}
parentPort.on('message', async (request) => {
  let reply;
  try {
    if (!sharp) throw loadError;
    const { data, info } = await sharp(Buffer.from(request.svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    reply = { id: request.id, ok: true, width: info.width, height: info.height, channels: info.channels, data };
  } catch (error) {
    reply = { id: request.id, ok: false, error: String(error) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

interface Reply {
  id: number;
  ok: boolean;
  width?: number;
  height?: number;
  channels?: number;
  data?: Uint8Array;
}

class SyncRenderer {
  private readonly worker: Worker;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private nextId = 1;
  /** Set when the worker has died: every line is given up at once from then on. */
  private dead = false;

  constructor() {
    const sharpPath = createRequire(import.meta.url).resolve('sharp');
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { sharpPath, signal: this.signal.buffer, port: channel.port2 },
      transferList: [channel.port2],
    });
    this.worker.on('error', () => {
      this.dead = true;
    });
    this.worker.on('exit', () => {
      this.dead = true;
    });
    this.worker.unref();
    this.port.unref();
  }

  /** Grey pixels of the SVG, or null when it failed or took too long. */
  render(svg: string): { width: number; height: number; channels: number; data: Uint8Array } | null {
    if (this.dead) return null;
    const id = this.nextId++;
    const deadline = Date.now() + RENDER_TIMEOUT_MS;
    let seen = Atomics.load(this.signal, 0);
    this.worker.postMessage({ id, svg });
    for (;;) {
      for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
        const reply = message.message as Reply;
        if (reply.id !== id) continue; // the late answer to a request given up before
        if (!reply.ok || !reply.data || !reply.width || !reply.height || !reply.channels) return null;
        return { width: reply.width, height: reply.height, channels: reply.channels, data: reply.data };
      }
      const left = deadline - Date.now();
      if (left <= 0) return null;
      Atomics.wait(this.signal, 0, seen, left);
      seen = Atomics.load(this.signal, 0);
    }
  }
}

let renderer: SyncRenderer | null = null;
const cache = new Map<string, RasterImage>();

/**
 * The SVG of one laid-out line alone on the printer's grid, `columns` × 12
 * dots wide (cells twice as wide at size 2): the preview's glyph positions
 * and fonts, one <text> per glyph (librsvg takes only the first of several x).
 */
export function lineSvg(text: string, columns: number, size: 1 | 2, bold: boolean): string {
  const width = columns * DOTS_PER_COLUMN;
  const height = DOTS_PER_LINE * size;
  const y = baselineOf(0, size);
  const glyphs = glyphCentres(text, 0, size).map((g) => `<text x="${g.x}" y="${y}">${escapeXml(g.ch)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<g font-family="${PREVIEW_FONT}" font-size="${24 * size}"${bold ? ' font-weight="700"' : ''} fill="#000" text-anchor="middle">`,
    ...glyphs,
    '</g>',
    '</svg>',
  ].join('');
}

function threshold(pixels: { width: number; height: number; channels: number; data: Uint8Array }): RasterImage {
  const widthBytes = Math.ceil(pixels.width / 8);
  const bits = Buffer.alloc(widthBytes * pixels.height);
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const grey = pixels.data[(y * pixels.width + x) * pixels.channels] ?? 255;
      if (grey < THRESHOLD) bits[y * widthBytes + (x >> 3)] = (bits[y * widthBytes + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return { widthBytes, height: pixels.height, bits };
}

/**
 * The line as a 1-bit image the printer's width (`columns` × 12 dots) and the
 * line's pitch; null when it could not be rendered (the caller prints a
 * placeholder and warns).
 */
export function rasterLine(text: string, columns: number, size: 1 | 2, bold: boolean): RasterImage | null {
  const svg = lineSvg(text, columns, size, bold);
  const cached = cache.get(svg);
  if (cached) return cached;
  renderer ??= new SyncRenderer();
  const pixels = renderer.render(svg);
  if (!pixels) return null;
  const image = threshold(pixels);
  if (cache.size >= CACHE_LINES) cache.delete(cache.keys().next().value ?? '');
  cache.set(svg, image);
  return image;
}
