/**
 * Staff photos: checked to be a real image, resized to a badge portrait and
 * stored as JPEG files in the data directory.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CounterError } from '../../../shared/result';

export const PHOTO_WIDTH = 360;
export const PHOTO_HEIGHT = 480;
const MAX_BYTES = 5 * 1024 * 1024;
const MIN_SIDE = 100;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);

export class PhotoStore {
  private readonly cache = new Map<string, string>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Checks and normalises an upload; returns JPEG bytes ready to store. */
  static async normalise(input: Buffer): Promise<Buffer> {
    if (input.length === 0) throw new CounterError('BAD_IMAGE', '照片文件是空的，请重新选择');
    if (input.length > MAX_BYTES) throw new CounterError('BAD_IMAGE', '照片文件太大，请选择 5 MB 以内的图片');
    let format: string | undefined;
    let width = 0;
    let height = 0;
    try {
      const meta = await sharp(input).metadata();
      format = meta.format;
      width = meta.width ?? 0;
      height = meta.height ?? 0;
    } catch {
      throw new CounterError('BAD_IMAGE', '所选文件不是有效的图片，请选择 JPG 或 PNG 照片');
    }
    if (!format || !ACCEPTED_FORMATS.has(format)) {
      throw new CounterError('BAD_IMAGE', '照片只支持 JPG、PNG 或 WebP 格式');
    }
    if (width < MIN_SIDE || height < MIN_SIDE) {
      throw new CounterError('BAD_IMAGE', `照片太小（${width}×${height}），请使用至少 ${MIN_SIDE}×${MIN_SIDE} 像素的照片`);
    }
    try {
      return await sharp(input)
        .rotate()
        .resize(PHOTO_WIDTH, PHOTO_HEIGHT, { fit: 'cover', position: 'attention' })
        .jpeg({ quality: 85 })
        .toBuffer();
    } catch {
      throw new CounterError('BAD_IMAGE', '照片无法读取，文件可能已损坏，请换一张');
    }
  }

  /** Writes atomically (temp file, then rename) and returns the stored file name. */
  save(fileName: string, jpeg: Buffer): void {
    const target = join(this.dir, fileName);
    const temp = `${target}.tmp`;
    writeFileSync(temp, jpeg);
    renameSync(temp, target);
    this.cache.delete(fileName);
  }

  /** Best effort: a photo file no record points to any more. */
  remove(fileName: string): void {
    this.cache.delete(fileName);
    rmSync(join(this.dir, fileName), { force: true });
  }

  dataUrl(fileName: string | null): string | null {
    if (!fileName) return null;
    const cached = this.cache.get(fileName);
    if (cached) return cached;
    const path = join(this.dir, fileName);
    if (!existsSync(path)) return null;
    const url = `data:image/jpeg;base64,${readFileSync(path).toString('base64')}`;
    this.cache.set(fileName, url);
    return url;
  }
}
