/** The caller's F-keys, as on the hardware callers at the counter: the button each presses and its label. */
export const CALLER_KEYS = {
  F1: { button: 'callNext', label: '叫号' },
  F2: { button: 'recall', label: '重呼' },
  F3: { button: 'pass', label: '过号' },
  F4: { button: 'callBack', label: '回呼' },
  F5: { button: 'transfer', label: '转移' },
  F6: { button: 'callTicket', label: '指定叫号' },
  F7: { button: 'pause', label: '暂停' },
  F8: { button: 'start', label: '开始办理' },
  F9: { button: 'finish', label: '办结' },
} as const;

export type CallerKey = keyof typeof CALLER_KEYS;
export type CallerButton = (typeof CALLER_KEYS)[CallerKey]['button'];

export function isCallerKey(key: string): key is CallerKey {
  return Object.hasOwn(CALLER_KEYS, key);
}
