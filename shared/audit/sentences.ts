/**
 * One Chinese sentence per audit row, for the supervisor's audit log: the
 * action and every fact its detail carries, e.g. "导出接待台账（含完整证件号码）"
 * or "修改系统设置：无操作锁屏时间 1 分钟 → 5 分钟". Every action in
 * AUDIT_ACTION_LABELS has a builder (tests/unit/audit-sentences.test.ts).
 */
import { AUDIT_ACTION_LABELS, auditActionLabel } from './labels';
import { bytesText, categoryText, filterText, formatText, part, record, settingChanges, text, type AuditDetail } from './values';

type Sentence = (d: AuditDetail) => string;

const label = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

/** The action's name alone: its detail carries nothing worth a word. */
const plain =
  (action: string): Sentence =>
  () =>
    label(action);

/** Wrong PINs: who and how many times. */
const pinFailure =
  (action: string): Sentence =>
  (d) =>
    `${label(action)}${part('工号', d.staffNo)}${part('已连续输错', d.failedPins, ' 次')}`;

/** Another clerk's contact handled by a supervisor, or continued by slip number (首问负责). */
const contact =
  (action: string): Sentence =>
  (d) => {
    const resumed = text(d.resumedForOwner);
    const supervisor = text(d.supervisorForOwner);
    if (resumed) return `${label(action)}（接续工号 ${resumed} 首问的接待）`;
    if (supervisor) return `${label(action)}（主管代为办理，首问人工号 ${supervisor}）`;
    return label(action);
  };

/** A print job's status change, with the printer's message when there is one. */
const printStatus =
  (action: string): Sentence =>
  (d) => {
    const reason = text(d.reason);
    return reason ? `${label(action)}：${reason}` : label(action);
  };

const handover =
  (action: string): Sentence =>
  (d) =>
    `${label(action)}${part('交接单编号', d.number)}`;

const appointment =
  (action: string): Sentence =>
  (d) =>
    `${label(action)}${part('预约码', d.code)}${part('导入文件第', d.row, ' 行')}`;

/** A caller action: the ticket's code, or that nobody was waiting. */
const ticket =
  (action: string): Sentence =>
  (d) =>
    `${label(action)}${part('号码', d.code)}${d.nobodyWaiting === true ? '，当前没有人排队' : ''}`;

const END_REASONS: Readonly<Record<string, string>> = { logout: '退出登录', pinLockout: 'PIN 连续输错被强制退出', handover: '交班', dayEnd: '日终关窗' };

function exportSentence(d: AuditDetail, fullValues: boolean): string {
  const category = categoryText(d.category);
  const what = `导出${category === '' ? '' : category}台账${fullValues ? '（含完整证件号码）' : ''}${filterText(d.filter)}`;
  const rows = text(d.rows);
  const facts = [rows === '' ? '' : `${rows} 条`, formatText(d.format), bytesText(d.bytes), text(d.file) === '' ? '' : `文件 ${text(d.file)}`].filter((f) => f !== '');
  return facts.length === 0 ? what : `${what}：${facts.join('，')}`;
}

export const AUDIT_SENTENCES: Readonly<Record<string, Sentence>> = {
  'setup.complete': plain('setup.complete'),
  'settings.update': (d) => {
    const changes = settingChanges(record(d.before), record(d.after));
    return changes === '' ? label('settings.update') : `修改系统设置：${changes}`;
  },
  'auth.login': plain('auth.login'),
  'auth.loginFailed': pinFailure('auth.loginFailed'),
  'auth.logout': plain('auth.logout'),
  'auth.lock': plain('auth.lock'),
  'auth.unlock': plain('auth.unlock'),
  'auth.pinFailed': pinFailure('auth.pinFailed'),
  'auth.accountLocked': pinFailure('auth.accountLocked'),
  'auth.forcedLogout': plain('auth.forcedLogout'),
  'auth.lockOnRestart': plain('auth.lockOnRestart'),
  'auth.changePin': plain('auth.changePin'),
  'staff.create': plain('staff.create'),
  'staff.update': plain('staff.update'),
  'staff.resetPin': (d) => `${label('staff.resetPin')}${d.unlocked === true ? '，并解除账号锁定' : ''}`,
  'staff.unlock': (d) => `${label('staff.unlock')}${typeof d.staffNo === 'string' ? `（工号 ${d.staffNo}）` : ''}`,
  'staff.setPhoto': (d) => `${label('staff.setPhoto')}${d.bytes === undefined ? '' : `，新照片 ${bytesText(d.bytes)}`}${d.previousPhoto ? '，替换原有照片' : ''}`,
  'commitments.save': plain('commitments.save'),
  'window.pause': plain('window.pause'),
  'window.open': plain('window.open'),
  'window.resume': (d) => {
    const because = text(d.because);
    return because ? `${label('window.resume')}（因${END_REASONS[because] ?? because}自动结束暂离）` : label('window.resume');
  },
  'printer.configure': (d) => {
    const before = record(d.before);
    if (!before) return label('printer.configure');
    const printer = text(before.printer);
    return `${label('printer.configure')}（原为${printer === 'none' ? '未接打印机' : ` ${printer}`}${part('纸宽', before.paperWidth, ' 毫米')}）`;
  },
  'print.enqueue': (d) => `${label('print.enqueue')}${text(d.title) ? `“${text(d.title)}”` : ''}`,
  'print.reprint': (d) => `${label('print.reprint')}${text(d.title) ? `“${text(d.title)}”` : ''}${text(d.reason) ? `，原因：${text(d.reason)}` : ''}`,
  'print.sending': plain('print.sending'),
  'print.waiting': printStatus('print.waiting'),
  'printer.testPage': plain('printer.testPage'),
  'handover.close': plain('handover.close'),
  'handover.correct': plain('handover.correct'),
  'archive.run': plain('archive.run'),
  'callbacks.due': plain('callbacks.due'),
  'appointments.printSlip': plain('appointments.printSlip'),
  'print.sent': printStatus('print.sent'),
  'print.failed': printStatus('print.failed'),
  'print.interrupted': printStatus('print.interrupted'),
  'print.unconfirmed': printStatus('print.unconfirmed'),
  'print.recovered': printStatus('print.recovered'),
  'print.relayout': (d) => `${label('print.relayout')}：纸宽 ${text(d.from)} 毫米 → ${text(d.to)} 毫米`,
  'intake.start': plain('intake.start'),
  'intake.notify': contact('intake.notify'),
  'intake.refer': contact('intake.refer'),
  'intake.resume': (d) => (text(d.slipNo) ? `凭一次性告知单 ${text(d.slipNo)} 补齐材料续办` : label('intake.resume')),
  'intake.accept': contact('intake.accept'),
  'intake.close': contact('intake.close'),
  'cases.complete': plain('cases.complete'),
  'catalogue.import': (d) => {
    if (text(d.replacedBy)) return `事项目录已被新版本 ${text(d.replacedBy)} 取代`;
    const previous = text(d.previousVersion);
    return `${label('catalogue.import')}${previous ? `，替换原版本 ${previous}` : ''}${d.fileBytes === undefined ? '' : `，文件 ${bytesText(d.fileBytes)}`}`;
  },
  'calendar.saveOverride': (d) => {
    const before = record(d.before);
    return before ? `${label('calendar.saveOverride')}（修改原有的“${text(before.name)}”）` : `${label('calendar.saveOverride')}（新增）`;
  },
  'calendar.deleteOverride': plain('calendar.deleteOverride'),
  'shift.open': plain('shift.open'),
  'shift.close.logout': plain('shift.close.logout'),
  'shift.close.handover': plain('shift.close.handover'),
  'shift.close.dayEnd': plain('shift.close.dayEnd'),
  'handover.handover': handover('handover.handover'),
  'handover.dayEnd': handover('handover.dayEnd'),
  'handover.correction': handover('handover.correction'),
  'handover.acknowledge': plain('handover.acknowledge'),
  'handover.countersignFailed': pinFailure('handover.countersignFailed'),
  'ledger.export': (d) => exportSentence(d, d.fullValues === true),
  'ledger.export.fullValues': (d) => `申请${exportSentence(d, true)}${text(d.directory) ? `，存往 ${text(d.directory)}` : ''}`,
  'archive.started': plain('archive.started'),
  'archive.copied': plain('archive.copied'),
  'archive.verified': plain('archive.verified'),
  'archive.completed': plain('archive.completed'),
  'archive.failed': plain('archive.failed'),
  'rating.request': plain('rating.request'),
  'rating.submit': (d) => (d.by === 'applicant' ? '申请人在评价器上评价' : label('rating.submit')),
  'rating.expire': plain('rating.expire'),
  'followUp.open': (d) => `${label('followUp.open')}${text(d.pending) ? `（时限待定：${text(d.pending)}）` : ''}`,
  'followUp.record': plain('followUp.record'),
  'followUp.close': plain('followUp.close'),
  'followUp.appeal': plain('followUp.appeal'),
  'followUp.decideAppeal': plain('followUp.decideAppeal'),
  'callbackRules.save': plain('callbackRules.save'),
  'callbacks.schedule': plain('callbacks.schedule'),
  'callbacks.record': plain('callbacks.record'),
  'callbacks.phone': (d) => `${label('callbacks.phone')}${text(d.purpose) ? `（用于${text(d.purpose)}）` : ''}`,
  'complaints.create': plain('complaints.create'),
  'complaints.resolve': plain('complaints.resolve'),
  'complaints.close': plain('complaints.close'),
  'coordination.add': plain('coordination.add'),
  'coordination.reply': plain('coordination.reply'),
  'stats.export': (d) => {
    const facts = [text(d.rows) === '' ? '' : `${text(d.rows)} 行`, formatText(d.format), bytesText(d.bytes), text(d.file) === '' ? '' : `文件 ${text(d.file)}`].filter((f) => f !== '');
    return `${label('stats.export')}${filterText(d.filter)}${facts.length === 0 ? '' : `：${facts.join('，')}`}`;
  },
  'retention.purge': (d) => {
    const failed = Array.isArray(d.failed) ? d.failed.length : 0;
    return `清理 ${text(d.olderThanDays)} 天前的扫描件和打印文件${text(d.cutoff) ? `（${text(d.cutoff).slice(0, 10)} 以前）` : ''}：删除 ${text(d.removed) || '0'} 个文件${d.bytes === undefined ? '' : `，${bytesText(d.bytes)}`}${failed > 0 ? `，${failed} 个未能删除` : ''}`;
  },
  'marriage.register': (d) => `${label('marriage.register')}${d.nationalCheck ? '（已在全国婚姻登记信息系统联网核查双方）' : ''}`,
  'marriage.reissue': plain('marriage.reissue'),
  'marriage.refuse': plain('marriage.refuse'),
  'marriage.find': (d) => `${label('marriage.find')}${text(d.found) === '' ? '' : `，找到 ${text(d.found)} 条`}`,
  'marriage.prefill': (d) => `${label('marriage.prefill')}${d.fromAppointment === true ? '（来自预约）' : d.fromAppointment === false ? '（来自接待登记）' : ''}`,
  'divorce.accept': plain('divorce.accept'),
  'divorce.withdraw': plain('divorce.withdraw'),
  'divorce.register': plain('divorce.register'),
  'divorce.deemedWithdrawn': plain('divorce.deemedWithdrawn'),
  'appointments.import': (d) => {
    const counts = [part('共', d.totalRows, ' 行'), part('新增', d.added, ' 人'), part('更新', d.updated, ' 人'), part('超出时段容量', d.overCapacity, ' 人'), part('未导入', d.rejected, ' 行'), part('问题', d.problems, ' 处')].join('');
    return `${label('appointments.import')}${text(d.fileName) ? `“${text(d.fileName)}”` : ''}${formatText(d.format) ? `（${formatText(d.format)}）` : ''}${counts}`;
  },
  'appointments.importRefused': (d) => `预约文件${text(d.fileName) ? `“${text(d.fileName)}”` : ''}未导入${text(d.problem) ? `：${text(d.problem)}` : ''}`,
  'appointments.add': appointment('appointments.add'),
  'appointments.update': appointment('appointments.update'),
  'appointments.checkIn': (d) =>
    `${label('appointments.checkIn')}${part('预约码', d.code)}${d.by === 'documentNumber' ? '，凭证件号码' : d.by === 'code' ? '，凭预约码' : ''}${d.wasNoShow === true ? '，此前已标记未到' : ''}`,
  'appointments.markNoShow': appointment('appointments.markNoShow'),
  'hall.join': (d) =>
    `本窗口${text(d.windowNo) ? `作为 ${text(d.windowNo)} 号窗口` : ''}加入大厅${text(d.hallName) ? `“${text(d.hallName)}”` : ''}${text(d.hallUrl) ? `（${text(d.hallUrl)}）` : ''}${part('按大厅密钥重算查询摘要', d.rehashed, ' 个')}${part('重新上报婚姻登记', d.casesResent, ' 件')}`,
  'hall.pull': (d) => {
    const skipped = Array.isArray(d.skipped) ? d.skipped.length : 0;
    return `${label('hall.pull')}${part('应用', d.applied, ' 条')}${part('本版本暂不处理', d.ignored, ' 条')}${skipped > 0 ? `，${skipped} 条无法识别已跳过` : ''}`;
  },
  // the window's caller (issue 14, caller14)
  'queue.callNext': ticket('queue.callNext'),
  'queue.callTicket': ticket('queue.callTicket'),
  'queue.recall': ticket('queue.recall'),
  'queue.pass': ticket('queue.pass'),
  'queue.callBack': ticket('queue.callBack'),
  'queue.transfer': ticket('queue.transfer'),
  'queue.start': ticket('queue.start'),
  'queue.finish': ticket('queue.finish'),
  'queue.takeGreen': ticket('queue.takeGreen'),
};

/** The row as one Chinese sentence; an action without a builder keeps its label (or its code). */
export function auditSentence(action: string, detail: string): string {
  let parsed: AuditDetail = {};
  try {
    parsed = record(JSON.parse(detail)) ?? {};
  } catch {
    // an unreadable detail still names the action
  }
  const build = Object.prototype.hasOwnProperty.call(AUDIT_SENTENCES, action) ? AUDIT_SENTENCES[action] : undefined;
  return build ? build(parsed) : auditActionLabel(action);
}
