/** The caller's F-keys, as on the hardware callers at the counter. */
export const CALLER_KEYS = {
  F1: 'callNext',
  F2: 'recall',
  F3: 'pass',
  F4: 'callBack',
  F5: 'transfer',
  F6: 'callTicket',
  F7: 'pause',
  F8: 'start',
  F9: 'finish',
} as const;

export type CallerKey = keyof typeof CALLER_KEYS;
export type CallerButton = (typeof CALLER_KEYS)[CallerKey];

export const CALLER_LABELS: Record<CallerButton, string> = {
  callNext: '叫号',
  recall: '重呼',
  pass: '过号',
  callBack: '回呼',
  transfer: '转移',
  callTicket: '指定叫号',
  pause: '暂停',
  start: '开始办理',
  finish: '办结',
};

export function isCallerKey(key: string): key is CallerKey {
  return Object.hasOwn(CALLER_KEYS, key);
}
