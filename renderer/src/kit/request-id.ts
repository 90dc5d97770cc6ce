/**
 * A request id for one user action, a random UUID (v4): the core (or the hall) answers a repeat
 * of a write with the first answer, so a resend after a dropped connection never does the write
 * twice. From crypto.getRandomValues: crypto.randomUUID needs a secure context, which a LAN
 * tablet's or the hall kiosk's plain http:// page is not. Browser API only, so both the renderer
 * and hall-web import it.
 */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
