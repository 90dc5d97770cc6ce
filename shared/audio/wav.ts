/**
 * WAV (RIFF, PCM) clips for the hall screen's voice: reading a clip, writing
 * one, and joining clips into one buffer the screen plays as a whole (so one
 * announcement is one sound that nothing cuts in two). Plain bytes and
 * DataView only: the same code runs in the browser and in Node.
 */

export interface PcmFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

export interface PcmClip {
  format: PcmFormat;
  /** The data chunk: interleaved little-endian PCM samples. */
  data: Uint8Array;
}

const HEADER_BYTES = 44;

function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** A PCM WAV file's format and samples; throws on anything else (compressed, truncated, not RIFF). */
export function parseWav(bytes: Uint8Array): PcmClip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') throw new Error('not a RIFF WAVE file');
  let format: PcmFormat | null = null;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const id = tag(view, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (view.getUint16(body, true) !== 1) throw new Error('WAV is not PCM');
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (format === null) throw new Error('WAV data before its format');
      // espeak-ng writing to a pipe leaves the size at its maximum: the data runs to the end of the file
      const end = Math.min(body + size, bytes.byteLength);
      return { format, data: bytes.slice(body, end - ((end - body) % frameBytes(format))) };
    }
    at = body + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

/** Bytes per sample frame (all channels). */
export function frameBytes(f: PcmFormat): number {
  return (f.bitsPerSample / 8) * f.channels;
}

/** Sample frames in a clip. */
export function sampleCount(clip: PcmClip): number {
  return clip.data.byteLength / frameBytes(clip.format);
}

/** A canonical 44-byte-header PCM WAV file of the clip. */
export function encodeWav(clip: PcmClip): Uint8Array {
  const { format, data } = clip;
  const out = new Uint8Array(HEADER_BYTES + data.byteLength);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + data.byteLength, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * frameBytes(format), true);
  view.setUint16(32, frameBytes(format), true);
  view.setUint16(34, format.bitsPerSample, true);
  text(36, 'data');
  view.setUint32(40, data.byteLength, true);
  out.set(data, HEADER_BYTES);
  return out;
}

const sameFormat = (a: PcmFormat, b: PcmFormat): boolean => a.sampleRate === b.sampleRate && a.channels === b.channels && a.bitsPerSample === b.bitsPerSample;

/** The clips one after another in one PCM clip; every clip must share the first one's format. */
export function concatClips(clips: readonly PcmClip[]): PcmClip {
  const first = clips[0];
  if (first === undefined) throw new Error('no clips to join');
  const bad = clips.findIndex((c) => !sameFormat(c.format, first.format));
  if (bad >= 0) throw new Error(`clip ${bad + 1} has another format than the first (${first.format.sampleRate} Hz, ${first.format.channels} ch, ${first.format.bitsPerSample} bit)`);
  const data = new Uint8Array(clips.reduce((n, c) => n + c.data.byteLength, 0));
  let at = 0;
  for (const c of clips) {
    data.set(c.data, at);
    at += c.data.byteLength;
  }
  return { format: first.format, data };
}

/** WAV files joined into one WAV file, in the order given. */
export function concatWavFiles(files: readonly Uint8Array[]): Uint8Array {
  return encodeWav(concatClips(files.map(parseWav)));
}
