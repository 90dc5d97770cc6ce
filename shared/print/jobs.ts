/** How print jobs are named to the clerk. */
import type { PrintJob, PrintJobStatus } from '../api/printing';

export const JOB_STATUS_LABELS: Record<PrintJobStatus, string> = {
  queued: '待打印',
  sending: '正在发送',
  sent: '已打印',
  unconfirmed: '发送未确认',
  failed: '未打印成功',
};

const KIND_LABELS: Record<string, string> = {
  testPage: '测试页',
  receipt: '受理回执',
  notification: '一次性告知单',
  referral: '转办告知',
};

export function jobKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? '单据';
}

/** "已打印", or "已存档" for jobs kept in the data directory because no printer is attached. */
export function jobStatusLabel(job: Pick<PrintJob, 'status' | 'printer'>): string {
  return job.status === 'sent' && job.printer === 'none' ? '已存档（未接打印机）' : JOB_STATUS_LABELS[job.status];
}
