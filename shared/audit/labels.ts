/**
 * Chinese names of the audit trail's actions, for the supervisor's audit log
 * screen. A write method's audit rows carry the method's name and its label
 * is declared in the method's contract entry; the table below names the
 * actions that are no method of their own (refusals, print outcomes, steps of
 * a method that writes several rows, what the core does by itself).
 */
import { methods, type WriteMethodName } from '../contract';

export const AUDIT_EVENT_LABELS = {
  'auth.loginFailed': '登录失败',
  'auth.pinFailed': 'PIN 输入错误',
  'auth.accountLocked': '账号被锁定',
  'auth.forcedLogout': '被强制退出',
  'auth.lockOnRestart': '重启后锁屏',
  'print.enqueue': '打印',
  'print.sending': '发送到打印机',
  'print.waiting': '等待打印机',
  'window.open': '开始对外服务',
  'print.sent': '打印完成',
  'print.failed': '打印失败',
  'print.interrupted': '打印中断',
  'print.unconfirmed': '发送未确认',
  'print.recovered': '中断后重新存档',
  'print.relayout': '重新排版',
  'shift.open': '开始当班',
  'shift.close.logout': '结束当班（退出登录）',
  'shift.close.handover': '结束当班（交班）',
  'shift.close.dayEnd': '结束当班（日终关窗）',
  'handover.handover': '交接班签收',
  'handover.dayEnd': '日终关窗签收',
  'handover.correction': '更正交接记录',
  'handover.countersignFailed': '交接签收失败',
  'ledger.export.fullValues': '导出台账（完整信息）',
  'archive.started': '开始归档',
  'archive.copied': '归档已复制',
  'archive.verified': '归档已核对',
  'archive.completed': '归档完成',
  'archive.failed': '归档失败',
  'rating.expire': '超时未评价',
  'followUp.open': '差评整改立项',
  'callbacks.schedule': '安排回访',
  'marriage.reissue': '补领婚姻登记证',
  'divorce.deemedWithdrawn': '离婚申请视为撤回',
  'appointments.importRefused': '预约文件未导入',
  'appointments.add': '新增预约',
  'appointments.update': '更新预约',
  'hall.pull': '应用大厅基础数据',
} as const satisfies Record<string, string>;

export type AuditEvent = keyof typeof AUDIT_EVENT_LABELS;
/** Every action an audit row may carry: a write method's name or one of the events above. */
export type AuditAction = WriteMethodName | AuditEvent;

function methodAuditLabels(): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, spec] of Object.entries(methods)) if (spec.audit !== null) labels[name] = spec.audit;
  return labels;
}

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = { ...methodAuditLabels(), ...AUDIT_EVENT_LABELS };

/** The action's Chinese name, or the action itself for rows written under a name no longer in use. */
export function auditActionLabel(action: string): string {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action) ? (AUDIT_ACTION_LABELS[action] ?? action) : action;
}

/** Chinese names of the records audit rows are about. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  settings: '系统设置',
  staff: '工作人员',
  commitment: '服务承诺',
  clerk_session: '登录会话',
  window_pause: '窗口暂离',
  print_job: '打印任务',
  printer: '打印机',
  contact: '接待记录',
  notification: '一次性告知单',
  referral: '引导单',
  service_case: '受理件',
  catalogue_version: '事项目录',
  calendar_override: '节假日设置',
  shift: '班次',
  handover: '交接记录',
  archive_run: '归档',
  ledger: '台账',
  rating: '评价',
  follow_up: '差评整改',
  callback_rule: '回访规则',
  callback: '回访',
  complaint: '投诉建议',
  coordination_note: '沟通记录',
  stats: '统计',
  files: '文件',
  civil_case: '婚姻登记申请',
  appointment: '预约',
  appointment_import: '预约导入',
};

export function auditEntityLabel(entity: string): string {
  return Object.prototype.hasOwnProperty.call(AUDIT_ENTITY_LABELS, entity) ? (AUDIT_ENTITY_LABELS[entity] ?? entity) : entity;
}
