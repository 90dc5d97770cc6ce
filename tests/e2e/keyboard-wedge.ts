/**
 * Typing into the page with the key events' own timestamps, as an ID card
 * reader that types like a keyboard (a "keyboard wedge") does.
 *
 * Playwright's keyboard.type sends one key per round trip to the browser, so
 * on a busy machine its keys land with the gaps of a person typing, and the
 * reader detector (which reads event.timeStamp) rightly takes them for one.
 * Here every key goes through the DevTools protocol's Input.dispatchKeyEvent
 * with an explicit `timestamp`, which the page sees as KeyboardEvent.timeStamp:
 * the events are real (trusted, they type into the focused field) and carry
 * the times the device produced them, however late the renderer handles them.
 * Chromium only (the e2e suite runs in Debian's Chromium).
 */
import type { Page } from '@playwright/test';

export interface KeyTiming {
  /** Time between two keys as the device produced them (a reader: a few ms; a person: 100 ms or more). */
  gapMs: number;
  /**
   * Wall-clock wait between dispatching two keys: the renderer receives each
   * key this much after the previous one, as a busy machine delivers them.
   * The timestamps stay those of the device.
   */
  deliveredApartMs?: number;
}

/** A reader's pace: 4 ms between keys. */
export const READER: KeyTiming = { gapMs: 4 };

function keyOf(char: string): { key: string; code: string; windowsVirtualKeyCode: number; text: string } {
  if (char === '\n') return { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' };
  if (/^[0-9]$/.test(char)) return { key: char, code: `Digit${char}`, windowsVirtualKeyCode: char.charCodeAt(0), text: char };
  if (/^[A-Za-z]$/.test(char)) return { key: char, code: `Key${char.toUpperCase()}`, windowsVirtualKeyCode: char.toUpperCase().charCodeAt(0), text: char };
  throw new Error(`keyboard-wedge: no key for ${JSON.stringify(char)}`);
}

/**
 * Types `text` ('\n' is Enter) into whatever has focus, each key `gapMs`
 * after the previous one by its timestamp. The first key is stamped 100 ms
 * before the call, so the whole burst lies in the past when it is handled.
 */
export async function typeKeys(page: Page, text: string, timing: KeyTiming): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() - 100;
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      const key = keyOf(chars[i] ?? '');
      const at = start + i * timing.gapMs;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, unmodifiedText: key.text, timestamp: at / 1000 });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key, code: key.code, windowsVirtualKeyCode: key.windowsVirtualKeyCode, timestamp: (at + 1) / 1000 });
      if (timing.deliveredApartMs && i < chars.length - 1) await new Promise((resolve) => setTimeout(resolve, timing.deliveredApartMs));
    }
  } finally {
    await cdp.detach();
  }
}

/** A keyboard-wedge reader reads a card: the number, then Enter, at a reader's pace. */
export async function readIdCard(page: Page, number: string, timing: KeyTiming = READER): Promise<void> {
  await typeKeys(page, `${number}\n`, timing);
}
