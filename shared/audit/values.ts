/**
 * Chinese wording of the values audit rows carry in their detail: settings
 * with their names and units, ledger filters, formats, counts. Used by the
 * sentence builders in ./sentences.ts.
 */
import { LEDGER_CATEGORY_INFO, type LedgerCategory } from '../api/ledger';
import type { Settings } from '../settings';

export type AuditDetail = Readonly<Record<string, unknown>>;

/** A string or number as text; '' for anything else. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A plain object, or null. */
export function record(value: unknown): AuditDetail | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as AuditDetail) : null;
}

/** "，label value" when the value is there, '' otherwise. */
export function part(label: string, value: unknown, unit = ''): string {
  const t = text(value);
  return t === '' ? '' : `，${label} ${t}${unit}`;
}

const KB = 1024;
export function bytesText(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  if (value < KB) return `${value} 字节`;
  if (value < KB * KB) return `${(value / KB).toFixed(1)} KB`;
  return `${(value / KB / KB).toFixed(1)} MB`;
}

export function formatText(value: unknown): string {
  const t = text(value);
  return t === '' ? '' : `${t.toUpperCase()} 格式`;
}

export function categoryText(value: unknown): string {
  const t = text(value);
  return Object.prototype.hasOwnProperty.call(LEDGER_CATEGORY_INFO, t) ? LEDGER_CATEGORY_INFO[t as LedgerCategory].label : t;
}

const FILTER_LABELS: Readonly<Record<string, string>> = {
  from: '自',
  to: '至',
  status: '状态',
  search: '搜索',
  documentNumber: '证件号码',
  staffId: '限定工作人员',
  windowNo: '窗口',
  groupBy: '统计方式',
};

const GROUP_LABELS: Readonly<Record<string, string>> = { staff: '按工作人员', window: '按窗口', day: '按日', month: '按月' };

/** A ledger or stats filter as "（自 2026-09-01，至 2026-09-30，搜索 孙丽）"; '' when it has no condition. */
export function filterText(value: unknown): string {
  const filter = record(value);
  if (!filter) return '';
  const category = text(filter.category);
  const statuses = Object.prototype.hasOwnProperty.call(LEDGER_CATEGORY_INFO, category) ? LEDGER_CATEGORY_INFO[category as LedgerCategory].statuses : [];
  const parts = Object.entries(filter)
    .filter(([key]) => key !== 'category')
    .map(([key, raw]) => {
      const v = text(raw);
      if (v === '') return '';
      const shown = key === 'status' ? (statuses.find((s) => s.value === v)?.label ?? v) : key === 'groupBy' ? (GROUP_LABELS[v] ?? v) : key === 'staffId' ? '' : v;
      return `${FILTER_LABELS[key] ?? key}${shown === '' ? '' : ` ${shown}`}`;
    })
    .filter((p) => p !== '');
  return parts.length === 0 ? '' : `（${parts.join('，')}）`;
}

type SettingValue = Settings[keyof Settings];
interface SettingWording {
  label: string;
  value?: (v: SettingValue) => string;
}
const unit = (u: string) => (v: SettingValue) => `${text(v)} ${u}`;
const yesNo = (yes: string, no: string) => (v: SettingValue) => (v === true ? yes : v === false ? no : text(v));
const secret = () => '（已更换）';
/** Peak days by name ("5·20、七夕"), or by date when unnamed. */
function peakDays(v: SettingValue): string {
  if (!Array.isArray(v)) return text(v);
  if (v.length === 0) return '（无）';
  return v
    .map((r) => {
      const rule = record(r);
      return text(rule?.name) || `${text(rule?.month)}月${text(rule?.day)}日`;
    })
    .join('、');
}

/** Every setting's Chinese name and value wording (the compiler insists on all of them). */
export const SETTING_WORDING: Readonly<Record<keyof Settings, SettingWording>> = {
  hallName: { label: '大厅名称' },
  department: { label: '所属部门' },
  windowNo: { label: '窗口号' },
  complaintPhone: { label: '投诉电话' },
  supervisionPhone: { label: '监督电话' },
  leaderOnDuty: { label: '值班领导' },
  officePhone: { label: '咨询电话' },
  hallId: { label: '大厅编号' },
  idleLockMinutes: { label: '无操作锁屏时间', value: unit('分钟') },
  allowLan: { label: '局域网访问', value: yesNo('允许', '不允许') },
  pairingToken: { label: '显示屏配对码', value: secret },
  allowLanClerk: { label: '局域网内的电脑打开本窗口工作台', value: yesNo('允许', '不允许') },
  clerkPairingToken: { label: '工作台配对码', value: secret },
  setupComplete: { label: '首次设置', value: yesNo('已完成', '未完成') },
  printer: { label: '打印机', value: (v) => (v === 'none' ? '未接打印机' : text(v)) },
  paperWidth: { label: '纸宽', value: unit('毫米') },
  archiveAfterMonths: { label: '归档期限', value: unit('个月') },
  purgeScansAfterDays: { label: '扫描件保存期限', value: unit('天') },
  ratingTimeoutSeconds: { label: '评价等待时间', value: unit('秒') },
  followUpContactDays: { label: '差评联系时限', value: unit('个工作日') },
  followUpRectifyDays: { label: '差评整改时限', value: unit('个工作日') },
  marriageAgeMale: { label: '男方法定婚龄', value: unit('周岁') },
  marriageAgeFemale: { label: '女方法定婚龄', value: unit('周岁') },
  marriagePhotosRequired: { label: '登记需交合影照片', value: yesNo('需要', '不需要') },
  registrationOfficeCode: { label: '登记机关代码' },
  certificateNumberFormat: { label: '证书字号格式' },
  appointmentSlotCapacity: { label: '每个预约时段人数', value: unit('人') },
  appointmentPeakCapacity: { label: '高峰日每个时段人数', value: unit('人') },
  appointmentPeakDays: { label: '预约高峰日', value: peakDays },
};

function settingValue(key: string, value: unknown): string {
  const wording = Object.prototype.hasOwnProperty.call(SETTING_WORDING, key) ? SETTING_WORDING[key as keyof Settings] : undefined;
  if (value === undefined) return '？';
  if (wording?.value) return wording.value(value as SettingValue);
  if (value === '') return '（空）';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

export function settingLabel(key: string): string {
  return Object.prototype.hasOwnProperty.call(SETTING_WORDING, key) ? SETTING_WORDING[key as keyof Settings].label : key;
}

/** "无操作锁屏时间 1 分钟 → 5 分钟；…" from the before/after records (after missing in rows written before it was logged). */
export function settingChanges(before: AuditDetail | null, after: AuditDetail | null): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .map((key) => {
      const from = settingValue(key, before?.[key]);
      return after && key in after ? `${settingLabel(key)} ${from} → ${settingValue(key, after[key])}` : `${settingLabel(key)}（原为 ${from}）`;
    })
    .join('；');
}
