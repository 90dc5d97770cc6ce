/**
 * A slip that prints a date as 待定 (the holiday arrangement is not yet
 * published) tells the applicant how they will learn it. "确定后电话告知"
 * is a promise to call: it is made only to someone whose phone was taken.
 */

export const PENDING_DATE_CALL = '待定（节假日安排未公布，确定后电话告知）';
export const PENDING_DATE_ASK = '待定（节假日安排未公布，确定后请凭本回执向本窗口查询）';

export function hasPhone(phones: readonly string[]): boolean {
  return phones.some((p) => p.trim() !== '');
}

/** What a slip prints for a date still 待定: the call is promised only when a phone was taken. */
export function pendingDateText(phones: readonly string[]): string {
  return hasPhone(phones) ? PENDING_DATE_CALL : PENDING_DATE_ASK;
}

/** Under each party's phone in the divorce form. */
export const DIVORCE_PHONE_HINT = '日期待定时回执写明“确定后电话告知”：至少填写一方电话';

/**
 * The divorce receipt promises the call (民法典 art. 1077 dates the parties
 * must keep): while a date is 待定, at least one party's phone is required.
 */
export function divorceCallProblem(datesPending: boolean, phones: readonly string[]): string | null {
  if (!datesPending || hasPhone(phones)) return null;
  return '节假日安排尚未公布，冷静期届满日或申领离婚证截止日待定，回执将写明“确定后电话告知”：请至少填写一方的联系电话';
}
