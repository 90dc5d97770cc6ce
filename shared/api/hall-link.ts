/** The hall this window has joined: joining with a one-time code, and how the link is doing. */
import { z } from 'zod';
import { empty, method } from './method';

/** The hall's address as the supervisor types it: http(s)://host[:port], nothing after the port. */
export const hallUrlSchema = z
  .string()
  .trim()
  .min(1, '请输入大厅服务器地址')
  .max(200, '大厅服务器地址过长')
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/, '大厅服务器地址应形如 http://192.168.1.10:5790');

export const hallJoinRequestSchema = z
  .object({
    url: hallUrlSchema,
    code: z.string().trim().min(1, '请输入登记码').max(40, '登记码不正确'),
  })
  .strict();

export const hallStatusSchema = z.object({
  joined: z.boolean(),
  hallName: z.string().nullable(),
  hallUrl: z.string().nullable(),
  /** The window number the hall knows this window by. */
  windowNo: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  /** Change-log rows the hall has not acknowledged yet. */
  rowsWaiting: z.number().int().nonnegative(),
  /** The last failure in the clerk's words, or null after a good round. */
  lastError: z.string().nullable(),
});
export type HallStatusView = z.infer<typeof hallStatusSchema>;

/** Pushed to clerk screens when the window's hall link changes (hall.join): the caller bar follows it without a reload. */
export const hallChangedSchema = hallStatusSchema.pick({ joined: true, hallName: true, windowNo: true });

export const hallLinkMethods = {
  'hall.join': method({ effect: 'write', audit: '加入大厅', changesDisplay: false, access: 'supervisor', request: hallJoinRequestSchema, response: hallStatusSchema }),
  'hall.status': method({ effect: 'read', access: 'supervisor', request: empty, response: hallStatusSchema }),
} as const;
