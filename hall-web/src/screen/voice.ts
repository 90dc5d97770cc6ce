/**
 * Saying one announcement on the hall screen's machine, to its end: the
 * chime, then the system's zh-CN voice (speechSynthesis) where the browser
 * has one; else the hall's voice clips joined into one sound (the chime
 * first); else the chime alone. Nothing here cancels speech or stops a sound:
 * the announcement queue starts the next one only after this one resolves.
 */
import { concatWavFiles } from '../../../shared/audio/wav';
import { clipSequence, spokenText, type AnnouncedCall } from '../../../shared/domain/announcer';
import { VOICE_CLIP_PATH } from '../../../shared/hall/screen-contract';

export type VoiceEngine = 'speech' | 'clips' | 'chime';

/** A sound that never reports its end still lets the queue go on after this long. */
const STUCK_MS = 20_000;

const clipCache = new Map<string, Promise<Uint8Array>>();

function clip(name: string): Promise<Uint8Array> {
  let cached = clipCache.get(name);
  if (cached === undefined) {
    cached = fetch(`${VOICE_CLIP_PATH}${name}.wav`).then(async (res) => {
      if (!res.ok) throw new Error(`clip ${name}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    });
    // a failed fetch is tried again next time
    cached.catch(() => clipCache.delete(name));
    clipCache.set(name, cached);
  }
  return cached;
}

function zhVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  const voices = speechSynthesis.getVoices();
  return voices.find((v) => /^zh[-_]CN$/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)([-_]|$)/i.test(v.lang)) ?? null;
}

/** Resolves when the promise settles or after STUCK_MS, whichever is first. */
function bounded(done: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, STUCK_MS);
    void done.finally(() => {
      window.clearTimeout(timer);
      resolve();
    });
  });
}

function speak(text: string, voice: SpeechSynthesisVoice): Promise<void> {
  return bounded(
    new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = 0.9;
      u.onend = () => resolve();
      u.onerror = () => resolve();
      speechSynthesis.speak(u);
    }),
  );
}

export class Voice {
  private context: AudioContext | null = null;

  /** The browser holds sound back until someone touches the page (autoplay policy). */
  get blocked(): boolean {
    return this.context?.state === 'suspended';
  }

  /** Opens the sound output; whether the browser holds it back until the page is touched. */
  prepare(): boolean {
    this.audio();
    return this.blocked;
  }

  /** The touch the autoplay policy asks for. */
  async unblock(): Promise<void> {
    await this.audio().resume();
  }

  /** Which engine the next announcement uses. */
  engine(): VoiceEngine {
    return zhVoice() !== null ? 'speech' : 'clips';
  }

  private audio(): AudioContext {
    this.context ??= new AudioContext();
    return this.context;
  }

  private async play(wav: Uint8Array): Promise<void> {
    const ctx = this.audio();
    if (ctx.state === 'suspended') return;
    const buffer = await ctx.decodeAudioData(wav.slice().buffer);
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    await bounded(new Promise((resolve) => {
      source.onended = () => resolve();
      source.start();
    }));
  }

  /** Says one announcement to its end; the engine it used. Never throws. */
  async announce(call: AnnouncedCall): Promise<VoiceEngine> {
    const voice = zhVoice();
    try {
      if (voice !== null) {
        await this.play(await clip('chime'));
        await speak(spokenText(call), voice);
        return 'speech';
      }
      const files = await Promise.all(clipSequence(call).map(clip));
      await this.play(concatWavFiles(files));
      return 'clips';
    } catch {
      // a clip missing or in another format than the rest: the chime alone, the call is on the screen
      await this.play(await clip('chime')).catch(() => undefined);
      return 'chime';
    }
  }
}
