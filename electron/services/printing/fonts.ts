/**
 * The fonts a line with characters outside the printer's font is drawn with
 * (raster.ts), and which characters they cover.
 *
 * Nothing is shipped with the app: the fonts are the system's. Looked up, in
 * order, at fixed places:
 *
 * - Noto Sans CJK (Debian/Ubuntu fonts-noto-cjk; on Windows when installed):
 *   the font the SVG preview uses; CJK Unified Ideographs, Extension A and the
 *   part of Extension B in the national standards;
 * - HanaMinA / HanaMinB (Debian fonts-hanazono): Extensions A to F nearly whole;
 * - BabelStone Han (Debian fonts-babelstone-han): much of Extensions G and H;
 * - on Windows: SimSun-ExtB (simsunb.ttf, Extension B), SimSun-ExtG
 *   (SimsunExtG.ttf, Windows 11: Extensions C–G), Microsoft YaHei, SimSun,
 *   in %WINDIR%\Fonts or the per-user font folder.
 *
 * Coverage is read from each file's cmap table (format 12 or 4) the first
 * time a character outside the printer's font is printed. A character no
 * font covers is printed as its code point ("U+2EBF0") with a warning.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

export interface FallbackFont {
  /** The family name fontconfig / the SVG renderer knows it by. */
  family: string;
  /** Candidate files, the first that exists is read. */
  files: string[];
}

function windowsFontFiles(names: readonly string[]): string[] {
  const dirs: string[] = [];
  const windir = process.env.WINDIR ?? process.env.SystemRoot;
  if (windir) dirs.push(join(windir, 'Fonts'));
  const local = process.env.LOCALAPPDATA;
  if (local) dirs.push(join(local, 'Microsoft', 'Windows', 'Fonts'));
  return dirs.flatMap((dir) => names.map((name) => join(dir, name)));
}

/** In the order they are tried, per character. */
export const FALLBACK_FONTS: readonly FallbackFont[] = [
  {
    family: 'Noto Sans Mono CJK SC',
    files: [
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
      '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
      ...windowsFontFiles(['NotoSansCJK-Regular.ttc', 'NotoSansMonoCJKsc-Regular.otf']),
    ],
  },
  { family: 'HanaMinA', files: ['/usr/share/fonts/truetype/hanazono/HanaMinA.ttf', ...windowsFontFiles(['HanaMinA.ttf'])] },
  { family: 'HanaMinB', files: ['/usr/share/fonts/truetype/hanazono/HanaMinB.ttf', ...windowsFontFiles(['HanaMinB.ttf'])] },
  { family: 'BabelStone Han', files: ['/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf', ...windowsFontFiles(['BabelStoneHan.ttf'])] },
  { family: 'SimSun-ExtB', files: windowsFontFiles(['simsunb.ttf']) },
  { family: 'SimSun-ExtG', files: windowsFontFiles(['SimsunExtG.ttf']) },
  { family: 'Microsoft YaHei', files: windowsFontFiles(['msyh.ttc']) },
  { family: 'SimSun', files: windowsFontFiles(['simsun.ttc']) },
];

/** Code point ranges [first, last], sorted and disjoint. */
type Coverage = readonly (readonly [number, number])[];

class FontFile {
  constructor(private readonly fd: number) {}

  bytes(offset: number, length: number): Buffer {
    const buffer = Buffer.alloc(length);
    if (readSync(this.fd, buffer, 0, length, offset) !== length) throw new RangeError('font file truncated');
    return buffer;
  }
}

function tableOffset(file: FontFile, tag: string): { offset: number; length: number } | null {
  const head = file.bytes(0, 12);
  let font = 0;
  if (head.toString('latin1', 0, 4) === 'ttcf') font = file.bytes(12, 4).readUInt32BE(0); // the first face of a collection
  const directory = font === 0 ? head : file.bytes(font, 12);
  const tables = directory.readUInt16BE(4);
  const records = file.bytes(font + 12, 16 * tables);
  for (let i = 0; i < tables; i++) {
    if (records.toString('latin1', 16 * i, 16 * i + 4) === tag) return { offset: records.readUInt32BE(16 * i + 8), length: records.readUInt32BE(16 * i + 12) };
  }
  return null;
}

function format12(cmap: Buffer, at: number): [number, number][] {
  const groups = cmap.readUInt32BE(at + 12);
  const ranges: [number, number][] = [];
  for (let g = 0; g < groups; g++) {
    const base = at + 16 + 12 * g;
    ranges.push([cmap.readUInt32BE(base), cmap.readUInt32BE(base + 4)]);
  }
  return ranges;
}

function format4(cmap: Buffer, at: number): [number, number][] {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const ranges: [number, number][] = [];
  const add = (cp: number): void => {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  };
  for (let s = 0; s < segments; s++) {
    const end = cmap.readUInt16BE(ends + 2 * s);
    const start = cmap.readUInt16BE(starts + 2 * s);
    const delta = cmap.readUInt16BE(deltas + 2 * s);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + 2 * s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const address = rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start);
        glyph = address + 2 <= cmap.length ? cmap.readUInt16BE(address) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) add(cp);
    }
  }
  return ranges;
}

/** The characters a TrueType/OpenType file (or the first face of a collection) maps to glyphs. */
export function readCoverage(path: string): Coverage {
  const fd = openSync(path, 'r');
  try {
    const file = new FontFile(fd);
    const table = tableOffset(file, 'cmap');
    if (!table) return [];
    const cmap = file.bytes(table.offset, table.length);
    const subtables = cmap.readUInt16BE(2);
    let best: { at: number; format: number } | null = null;
    for (let i = 0; i < subtables; i++) {
      const platform = cmap.readUInt16BE(4 + 8 * i);
      const encoding = cmap.readUInt16BE(6 + 8 * i);
      const at = cmap.readUInt32BE(8 + 8 * i);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode || at + 4 > cmap.length) continue;
      const format = cmap.readUInt16BE(at);
      if (format === 12 && best?.format !== 12) best = { at, format };
      else if (format === 4 && !best) best = { at, format };
    }
    if (!best) return [];
    const ranges = best.format === 12 ? format12(cmap, best.at) : format4(cmap, best.at);
    return ranges.sort((a, b) => a[0] - b[0]);
  } finally {
    closeSync(fd);
  }
}

function covers(coverage: Coverage, cp: number): boolean {
  let lo = 0;
  let hi = coverage.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = coverage[mid];
    if (!range) return false;
    if (cp < range[0]) hi = mid - 1;
    else if (cp > range[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

interface LoadedFont {
  family: string;
  file: string;
  coverage: Coverage;
}

let loaded: LoadedFont[] | null = null;
const familyOf = new Map<number, string | null>();

/** The fallback fonts found on this machine, read once. A file that cannot be read is skipped. */
export function availableFonts(): readonly LoadedFont[] {
  if (loaded) return loaded;
  const found: LoadedFont[] = [];
  for (const font of FALLBACK_FONTS) {
    const file = font.files.find((candidate) => existsSync(candidate));
    if (!file) continue;
    try {
      found.push({ family: font.family, file, coverage: readCoverage(file) });
    } catch {
      // an unreadable or damaged font file is as good as none
    }
  }
  loaded = found;
  return found;
}

/** The family of the first fallback font that has the character, or null when none does. */
export function fontFamilyFor(ch: string): string | null {
  const cp = ch.codePointAt(0) ?? 0;
  const cached = familyOf.get(cp);
  if (cached !== undefined) return cached;
  const family = availableFonts().find((font) => covers(font.coverage, cp))?.family ?? null;
  familyOf.set(cp, family);
  return family;
}
