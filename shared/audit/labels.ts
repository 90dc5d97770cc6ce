/** Chinese names of the audit trail's actions, for the supervisor's audit log screen. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'setup.complete': '完成首次设置',
  'settings.update': '修改系统设置',
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.logout': '退出登录',
  'auth.lock': '锁定屏幕',
  'auth.unlock': '解锁屏幕',
  'auth.pinFailed': 'PIN 输入错误',
  'auth.accountLocked': '账号被锁定',
  'auth.forcedLogout': '被强制退出',
  'auth.lockOnRestart': '重启后锁屏',
  'auth.changePin': '修改 PIN',
  'staff.create': '新增工作人员',
  'staff.update': '修改工作人员',
  'staff.resetPin': '重置 PIN',
  'staff.setPhoto': '更换照片',
  'commitments.save': '修改服务承诺',
  'window.pause': '暂离窗口',
  'window.resume': '恢复服务',
  'printer.configure': '设置打印机',
  'print.enqueue': '打印',
  'print.reprint': '重新打印',
  'print.sent': '打印完成',
  'print.failed': '打印失败',
  'print.interrupted': '打印中断',
  'print.relayout': '重新排版',
  'intake.start': '开始接待',
  'intake.notify': '一次性告知',
  'intake.refer': '转办',
  'intake.resume': '补齐材料续办',
  'intake.accept': '受理',
  'intake.close': '结束接待',
  'cases.complete': '办结',
  'catalogue.import': '导入事项目录',
  'calendar.saveOverride': '保存节假日设置',
  'calendar.deleteOverride': '删除节假日设置',
  'shift.open': '开始当班',
  'handover.close': '交接班',
  'handover.correct': '更正交接记录',
  'handover.acknowledge': '确认交接',
  'handover.countersignFailed': '交接签收失败',
  'ledger.export': '导出台账',
  'ledger.export.fullValues': '导出台账（完整信息）',
  'archive.started': '开始归档',
  'retention.purge': '清理过期扫描件',
};

/** The action's Chinese name, or the action itself when it has none yet. */
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
  referral: '转办单',
  service_case: '受理件',
  catalogue_version: '事项目录',
  calendar_override: '节假日设置',
  shift: '班次',
  handover: '交接记录',
  archive_run: '归档',
  ledger: '台账',
};

export function auditEntityLabel(entity: string): string {
  return Object.prototype.hasOwnProperty.call(AUDIT_ENTITY_LABELS, entity) ? (AUDIT_ENTITY_LABELS[entity] ?? entity) : entity;
}
