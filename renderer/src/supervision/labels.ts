/** Chinese names shown on the follow-up screens. */
import type { Complaint } from '../../../shared/contract';
export { SATISFACTION_LEVELS, SOURCE_LABELS } from '../../../shared/domain/callbacks';

export const VIA_LABELS: Record<Complaint['via'], string> = {
  window: '窗口现场',
  phone: '电话',
  hotline12345: '12345 热线',
  letter: '来信',
  online: '网上',
};

export const COMPLAINT_STATUS_LABELS: Record<Complaint['status'], string> = {
  open: '待办理',
  resolved: '已答复',
  closed: '已办结',
};

export const KIND_LABELS: Record<Complaint['kind'], string> = { complaint: '投诉', suggestion: '建议' };

export function satisfactionLabel(level: number | null): string {
  return ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'][level ?? 0] ?? '';
}
