/**
 * `npx tsx hall/voice/make-default-clips.ts`: regenerates the shipped default
 * voice clips (hall/voice-clips/*.wav, README there) with espeak-ng, which
 * speaks tone-numbered pinyin with its cmn-latn-pinyin voice, and synthesises
 * the chime. Each clip: espeak-ng's output trimmed of its silence, resampled
 * to 16 kHz mono 16-bit, with a short pause after it. Run once by a
 * developer; the tests and the hall use the committed files (CI has no
 * espeak-ng). Names after the command make only those clips
 * (`… make-default-clips.ts shi bai qian`), leaving the others as committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeWav, parseWav, type PcmClip } from '../../shared/audio/wav';
import { VOICE_CLIP_NAMES } from '../../shared/domain/announcer';

const OUT = fileURLToPath(new URL('../voice-clips/', import.meta.url));
const RATE = 16_000;
const VOICE = 'cmn-latn-pinyin';

/** What espeak-ng is asked to say for each clip; a letter is said as itself. */
const PINYIN: Record<string, string> = {
  qing: 'qing3', hao: 'hao4', dao: 'dao4', chuangkou: 'chuang1kou3', banli: 'ban4li3',
  '0': 'ling2', '1': 'yi1', '2': 'er4', '3': 'san1', '4': 'si4', '5': 'wu3', '6': 'liu4', '7': 'qi1', '8': 'ba1', '9': 'jiu3',
  shi: 'shi2', bai: 'bai3', qian: 'qian1',
};

function samplesOf(clip: PcmClip): Int16Array {
  if (clip.format.channels !== 1 || clip.format.bitsPerSample !== 16) throw new Error('espeak-ng output is not mono 16-bit');
  return new Int16Array(clip.data.buffer.slice(clip.data.byteOffset, clip.data.byteOffset + clip.data.byteLength));
}

function trim(s: Int16Array, threshold = 300): Int16Array {
  let start = 0;
  let end = s.length;
  while (start < end && Math.abs(s[start] ?? 0) < threshold) start++;
  while (end > start && Math.abs(s[end - 1] ?? 0) < threshold) end--;
  return s.subarray(start, end);
}

/** Linear interpolation from one rate to RATE. */
function resample(s: Int16Array, from: number): Int16Array {
  const n = Math.floor((s.length * RATE) / from);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const x = (i * from) / RATE;
    const k = Math.floor(x);
    const a = s[k] ?? 0;
    const b = s[k + 1] ?? a;
    out[i] = Math.round(a + (b - a) * (x - k));
  }
  return out;
}

function withPause(s: Int16Array, ms: number): Int16Array {
  const out = new Int16Array(s.length + Math.round((RATE * ms) / 1000));
  out.set(s);
  return out;
}

function clipOf(samples: Int16Array): Uint8Array {
  return encodeWav({ format: { sampleRate: RATE, channels: 1, bitsPerSample: 16 }, data: new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength) });
}

function spoken(text: string): Uint8Array {
  const wav = parseWav(new Uint8Array(execFileSync('espeak-ng', ['-v', VOICE, '-s', '150', '--stdout', text])));
  return clipOf(withPause(resample(trim(samplesOf(wav)), wav.format.sampleRate), 60));
}

/** Two bell-like tones (E6, then C6) fading out, and a pause before the words. */
function chime(): Uint8Array {
  const tone = (hz: number, seconds: number): number[] =>
    Array.from({ length: Math.round(RATE * seconds) }, (_, i) => {
      const t = i / RATE;
      return Math.sin(2 * Math.PI * hz * t) * Math.exp(-4 * t) * Math.min(1, t * 200) * 0.5;
    });
  const wave = [...tone(1318.5, 0.45), ...tone(1046.5, 0.7)];
  return clipOf(withPause(Int16Array.from(wave, (v) => Math.round(v * 32767)), 250));
}

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !VOICE_CLIP_NAMES.includes(name));
if (unknown.length > 0) throw new Error(`no such clip: ${unknown.join(', ')} (the clips: ${VOICE_CLIP_NAMES.join(' ')})`);
mkdirSync(OUT, { recursive: true });
for (const name of asked.length > 0 ? asked : VOICE_CLIP_NAMES) {
  const wav = name === 'chime' ? chime() : spoken(PINYIN[name] ?? name);
  writeFileSync(`${OUT}${name}.wav`, wav);
  console.log(`${name}.wav ${wav.byteLength} bytes`);
}
