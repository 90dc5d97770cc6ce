/**
 * The hall screen's (综合屏) public route, outside HALL_ROUTES: it needs no
 * credential. It answers only what the screen already shows to the whole hall
 * (ticket codes, window numbers, matter names, waiting counts, and masked
 * names only where the office chose to show them), and it changes nothing, so
 * any browser on the hall LAN may read it.
 */
import { z } from 'zod';

export const SCREEN_NAME_MODES = ['none', 'masked'] as const;
export type ScreenNameMode = (typeof SCREEN_NAME_MODES)[number];

/** Most calls the screen lists (and the voice can catch up on after a missed poll). */
export const SCREEN_CALLS = 12;

export const screenCallSchema = z.object({
  /** The queue event's id (decimal): later calls have larger ids; the voice announces each id once. */
  id: z.string().regex(/^\d{1,19}$/),
  /** call: 叫号, 指定叫号 or 回呼; recall: 重呼. Each is an announcement. */
  kind: z.enum(['call', 'recall']),
  code: z.string(),
  windowNo: z.string(),
  matterName: z.string(),
  at: z.string(),
  /** The applicant's masked name ('张*'), only when the office shows names and the hall knows one (a booking); else null. */
  name: z.string().nullable(),
});
export type ScreenCall = z.infer<typeof screenCallSchema>;

export const hallScreenResponseSchema = z.object({
  hallName: z.string(),
  /** The hall's clock now (ISO): the screen shows the hall's date and time from it. */
  now: z.string(),
  /** Today's calls and recalls, newest first. */
  calls: z.array(screenCallSchema).max(SCREEN_CALLS),
  matters: z.array(z.object({ matter: z.string(), name: z.string(), prefix: z.string(), waiting: z.number().int().nonnegative() })),
  /** Times each announcement is said (a queue setting). */
  announceTimes: z.number().int().min(1).max(3),
});
export type HallScreen = z.infer<typeof hallScreenResponseSchema>;

/** Public, read-only routes of the hall (no credential). */
export const SCREEN_ROUTES = {
  hallScreen: { method: 'GET', path: '/api/hall-screen', request: z.object({}), response: hallScreenResponseSchema },
  /** The same data pushed (server-sent events): every message's data is a hallScreen answer, sent on opening and after each queue change. */
  hallScreenEvents: { method: 'GET', path: '/api/hall-screen/events', request: z.object({}), response: hallScreenResponseSchema },
} as const;

/** Where the hall serves the voice clips: `${VOICE_CLIP_PATH}<name>.wav`. */
export const VOICE_CLIP_PATH = '/voice-clips/';
