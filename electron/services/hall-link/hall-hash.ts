/**
 * Document numbers as the hall recognises them: the keyed lookup hash under
 * the hall's lookup key (HMAC-SHA256 of the normalized number, the key being
 * the 32 bytes the hall sends as hex at enrolment), the same at every window
 * of the hall. The window's own vault key never leaves the window.
 */
import { createHmac } from 'node:crypto';

export function hallLookupHash(lookupKey: string, normalizedNumber: string): string {
  return createHmac('sha256', Buffer.from(lookupKey, 'hex')).update(normalizedNumber, 'utf8').digest('hex');
}
