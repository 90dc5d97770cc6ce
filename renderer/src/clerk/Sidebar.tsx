/**
 * The workstation's menu in three groups (日常办理 / 台账统计 / 系统管理) so a
 * supervisor's 22 sections fit beside the page at 1366×768 with the status
 * bar in view; a long menu lays its groups out in two columns.
 */
export type Section =
  | 'appointments'
  | 'marriage'
  | 'divorces'
  | 'intake'
  | 'cases'
  | 'handover'
  | 'window'
  | 'print'
  | 'pin'
  | 'staff'
  | 'commitments'
  | 'catalogue'
  | 'calendar'
  | 'audit'
  | 'ledger'
  | 'archive'
  | 'settings'
  | 'callbacks'
  | 'complaints'
  | 'callbackRules'
  | 'followUps'
  | 'stats';

interface Item {
  id: Section;
  label: string;
  supervisor: boolean;
}

export const SECTION_GROUPS: readonly { label: string; items: readonly Item[] }[] = [
  {
    label: '日常办理',
    items: [
      { id: 'appointments', label: '今日预约', supervisor: false },
      { id: 'marriage', label: '婚姻登记', supervisor: false },
      { id: 'divorces', label: '离婚冷静期', supervisor: false },
      { id: 'intake', label: '接待受理', supervisor: false },
      { id: 'cases', label: '限时办结', supervisor: false },
      { id: 'handover', label: '交接班', supervisor: false },
      { id: 'window', label: '窗口状态', supervisor: false },
      { id: 'print', label: '打印', supervisor: false },
      { id: 'callbacks', label: '回访', supervisor: false },
      { id: 'complaints', label: '意见箱', supervisor: false },
    ],
  },
  {
    label: '台账统计',
    items: [
      { id: 'ledger', label: '台账', supervisor: false },
      { id: 'stats', label: '统计分析', supervisor: true },
      { id: 'followUps', label: '差评整改', supervisor: true },
      { id: 'audit', label: '审计日志', supervisor: true },
      { id: 'archive', label: '归档', supervisor: true },
    ],
  },
  {
    label: '系统管理',
    items: [
      { id: 'staff', label: '工作人员', supervisor: true },
      { id: 'commitments', label: '服务承诺', supervisor: true },
      { id: 'catalogue', label: '事项目录', supervisor: true },
      { id: 'calendar', label: '节假日设置', supervisor: true },
      { id: 'callbackRules', label: '回访规则', supervisor: true },
      { id: 'settings', label: '系统设置', supervisor: true },
      { id: 'pin', label: '修改 PIN', supervisor: false },
    ],
  },
];

/** More items than this and the groups take two columns. */
const ONE_COLUMN_MAX = 14;

export function Sidebar({ isSupervisor, current, onSelect }: { isSupervisor: boolean; current: Section; onSelect: (section: Section) => void }) {
  const groups = SECTION_GROUPS.map((g) => ({ ...g, items: g.items.filter((i) => isSupervisor || !i.supervisor) })).filter((g) => g.items.length > 0);
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <nav className={count > ONE_COLUMN_MAX ? 'sidenav two-columns' : 'sidenav'} aria-label="功能">
      {groups.map((g) => (
        <div key={g.label} className="sidenav-group" role="group" aria-label={g.label}>
          <div className="sidenav-heading" aria-hidden="true">
            {g.label}
          </div>
          {g.items.map((i) => (
            <button key={i.id} type="button" className={current === i.id ? 'active' : ''} aria-current={current === i.id ? 'page' : undefined} onClick={() => onSelect(i.id)}>
              {i.label}
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}
