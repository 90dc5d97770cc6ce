/** Joining the committed default voice clips into one announcement: the clips in order, the length the sum of theirs, one format. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIPS_DIR } from '../../hall/http/screen';
import { concatClips, concatWavFiles, encodeWav, parseWav, sampleCount, type PcmClip } from '../../shared/audio/wav';
import { clipSequence, VOICE_CLIP_NAMES } from '../../shared/domain/announcer';

const file = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DEFAULT_CLIPS_DIR, `${name}.wav`)));

describe('the default clip set', () => {
  it.each(VOICE_CLIP_NAMES)('%s.wav is 16 kHz mono 16-bit PCM with sound in it', (name) => {
    const clip = parseWav(file(name));
    expect(clip.format).toEqual({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 });
    expect(sampleCount(clip)).toBeGreaterThan(1_600); // more than 0.1 s
    expect(sampleCount(clip)).toBeLessThan(32_000); // less than 2 s
  });
});

/** Where `part` starts in `whole` at or after `from`, or -1. */
function indexOf(whole: Uint8Array, part: Uint8Array, from: number): number {
  outer: for (let i = from; i <= whole.length - part.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
    return i;
  }
  return -1;
}

describe('joining clips', () => {
  it.each<[string, string]>([
    ['A001', '3'],
    ['B120', '12'],
    ['MA999', '2'],
    ['A012', '101'],
    ['C100', '1010'],
  ])('%s at window %s: one WAV, the clips in order, as long as all of them', (code, windowNo) => {
    const names = clipSequence({ id: '1', code, windowNo });
    const parts = names.map((n) => parseWav(file(n)));
    const joined = parseWav(concatWavFiles(names.map(file)));
    expect(joined.format).toEqual(parts[0]?.format);
    expect(sampleCount(joined)).toBe(parts.reduce((n, p) => n + sampleCount(p), 0));
    let at = 0;
    for (const [i, p] of parts.entries()) {
      expect(indexOf(joined.data, p.data, at), `${names[i]} at ${at}`).toBe(at);
      at += p.data.byteLength;
    }
  });

  const tone = (sampleRate: number, channels: number, bytes: number[]): PcmClip => ({ format: { sampleRate, channels, bitsPerSample: 16 }, data: new Uint8Array(bytes) });

  it('writes a WAV that reads back the same', () => {
    const clip = tone(8_000, 2, [1, 0, 2, 0, 3, 0, 4, 0]);
    const wav = encodeWav(clip);
    expect(wav.byteLength).toBe(44 + 8);
    expect(parseWav(wav)).toEqual(clip);
    expect(sampleCount(clip)).toBe(2);
  });

  it.each<[string, PcmClip[], string]>([
    ['another rate', [tone(16_000, 1, [1, 0]), tone(22_050, 1, [2, 0])], 'clip 2 has another format'],
    ['another channel count', [tone(16_000, 1, [1, 0]), tone(16_000, 1, [2, 0]), tone(16_000, 2, [3, 0, 4, 0])], 'clip 3 has another format'],
    ['nothing', [], 'no clips to join'],
  ])('refuses to join clips of %s', (_name, clips, message) => {
    expect(() => concatClips(clips)).toThrow(message);
  });

  it.each<[string, Uint8Array]>([
    ['not RIFF', new TextEncoder().encode('recorded by the office')],
    ['compressed', (() => {
      const w = encodeWav(tone(16_000, 1, [1, 0]));
      w[20] = 3;
      return w;
    })()],
  ])('refuses a file that is %s', (_name, bytes) => {
    expect(() => parseWav(bytes)).toThrow();
  });
});
