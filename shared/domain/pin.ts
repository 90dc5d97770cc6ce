/**
 * PIN policy for staff accounts: six digits, and not one a colleague could
 * guess by looking at the keypad (all the same digit, or a straight run).
 */
export function weakPinReason(pin: string): string | null {
  if (!/^\d{6}$/.test(pin)) return 'PIN 必须是 6 位数字';
  const digits = [...pin].map(Number);
  if (digits.every((d) => d === digits[0])) return 'PIN 不能是同一个数字重复';
  const steps = digits.slice(1).map((d, i) => d - (digits[i] ?? 0));
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return 'PIN 不能是连续数字';
  return null;
}
