/** 基础数据: the reference data the hall owns, one tab each; every save reaches the windows by their next pull. */
import { useState } from 'react';
import { AuditList } from './AuditList';
import { BookingImportPanel } from './BookingImportPanel';
import { CalendarPanel } from './CalendarPanel';
import { CataloguePanel } from './CataloguePanel';
import { CommitmentsPanel } from './CommitmentsPanel';
import { OfficePanel } from './OfficePanel';
import { StaffPanel } from './StaffPanel';

const TABS = [
  { key: 'staff', label: '工作人员', view: StaffPanel },
  { key: 'commitments', label: '服务承诺', view: CommitmentsPanel },
  { key: 'office', label: '办公信息', view: OfficePanel },
  { key: 'calendar', label: '节假日与高峰日', view: CalendarPanel },
  { key: 'catalogue', label: '事项目录', view: CataloguePanel },
  { key: 'bookings', label: '预约导入', view: BookingImportPanel },
  { key: 'audit', label: '修改记录', view: AuditList },
] as const;
type Tab = (typeof TABS)[number]['key'];

export function ReferencePanel() {
  const [tab, setTab] = useState<Tab>('staff');
  const View = TABS.find((t) => t.key === tab)?.view ?? StaffPanel;
  return (
    <div className="panel">
      <div className="console-tabs" role="tablist" aria-label="基础数据">
        {TABS.map((t) => (
          <button key={t.key} type="button" role="tab" aria-selected={tab === t.key} className={tab === t.key ? 'primary' : 'secondary'} onClick={() => setTab(t.key)}>
            {t.label}
          </button>
        ))}
      </div>
      <View />
    </div>
  );
}
