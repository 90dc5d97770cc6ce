/** The logged-in workstation: top bar, sections, status bar. */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, Handover, Session } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { HandoverAck } from '../handover/HandoverAck';
import { HandoverPanel } from '../handover/HandoverPanel';
import { AuditPanel } from '../audit/AuditPanel';
import { CasesPanel } from '../intake/CasesPanel';
import { IntakePanel } from '../intake/IntakePanel';
import { CalendarAdmin } from '../reference/CalendarAdmin';
import { CatalogueAdmin } from '../reference/CatalogueAdmin';
import { ChangePinPanel } from './ChangePinPanel';
import { CommitmentsEditor } from './CommitmentsEditor';
import { SettingsPanel } from './SettingsPanel';
import { StaffAdmin } from './StaffAdmin';
import { useIdleLock } from './useIdleLock';
import { WindowPanel } from './WindowPanel';
import { PrinterSettings } from '../printing/PrinterSettings';
import { PrinterStatusBadge } from '../printing/PrinterStatusBadge';
import { PrintJobsPanel } from '../printing/PrintJobsPanel';
import { ArchivePanel } from '../ledger/ArchivePanel';
import { LedgerPanel } from '../ledger/LedgerPanel';
import { StatsPanel } from '../stats/StatsPanel';
import { CallbackRulesPanel } from '../supervision/CallbackRulesPanel';
import { CallbacksPanel } from '../supervision/CallbacksPanel';
import { ComplaintsPanel } from '../supervision/ComplaintsPanel';
import { FollowUpPanel } from '../rectification/FollowUpPanel';
import { AppointmentsPanel } from '../appointments/AppointmentsPanel';
import { DivorceCasesPanel } from '../marriage/DivorceCasesPanel';
import type { ServiceStart } from '../marriage/form';
import { MarriagePanel } from '../marriage/MarriagePanel';

type Section = 'appointments' | 'marriage' | 'divorces' | 'intake' | 'cases' | 'handover' | 'window' | 'print' | 'pin' | 'staff' | 'commitments' | 'catalogue' | 'calendar' | 'audit' | 'ledger' | 'archive' | 'settings' | 'callbacks' | 'complaints' | 'callbackRules' | 'followUps' | 'stats';

const SECTIONS: { id: Section; label: string; supervisor: boolean }[] = [
  { id: 'appointments', label: '今日预约', supervisor: false },
  { id: 'marriage', label: '婚姻登记', supervisor: false },
  { id: 'divorces', label: '离婚冷静期', supervisor: false },
  { id: 'intake', label: '接待受理', supervisor: false },
  { id: 'cases', label: '限时办结', supervisor: false },
  { id: 'handover', label: '交接班', supervisor: false },
  { id: 'window', label: '窗口状态', supervisor: false },
  { id: 'print', label: '打印', supervisor: false },
  { id: 'ledger', label: '台账', supervisor: false },
  { id: 'callbacks', label: '回访', supervisor: false },
  { id: 'complaints', label: '意见箱', supervisor: false },
  { id: 'staff', label: '工作人员', supervisor: true },
  { id: 'commitments', label: '服务承诺', supervisor: true },
  { id: 'catalogue', label: '事项目录', supervisor: true },
  { id: 'calendar', label: '节假日设置', supervisor: true },
  { id: 'callbackRules', label: '回访规则', supervisor: true },
  { id: 'followUps', label: '差评整改', supervisor: true },
  { id: 'stats', label: '统计分析', supervisor: true },
  { id: 'audit', label: '审计日志', supervisor: true },
  { id: 'archive', label: '归档', supervisor: true },
  { id: 'settings', label: '系统设置', supervisor: true },
  { id: 'pin', label: '修改 PIN', supervisor: false },
];

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(t);
  }, []);
  return now;
}

export function Workstation({
  api,
  info,
  session,
  onInfoChanged,
  onLoggedOut,
}: {
  api: RendererApi;
  info: AppInfo;
  session: Session;
  onInfoChanged: () => void;
  onLoggedOut: () => void;
}) {
  const [section, setSection] = useState<Section>('intake');
  // the applicant the clerk started serving from the appointments list or the intake panel
  const [serviceStart, setServiceStart] = useState<ServiceStart | null>(null);
  const startService = useCallback((start: ServiceStart) => {
    setServiceStart({ ...start });
    setSection('marriage');
  }, []);
  const [pending, setPending] = useState<Handover | null | undefined>(undefined);
  useEffect(() => {
    void api.call('handover.pending', {}).then((r) => setPending(r.ok ? r.value : null));
  }, [api, session.staff.id]);
  const now = useClock();
  const lock = useCallback(() => void api.call('auth.lock', {}), [api]);
  useIdleLock(info.idleLockMinutes, lock);
  const isSupervisor = session.staff.role === 'supervisor';

  const logout = async () => {
    const result = await api.call('auth.logout', {});
    if (result.ok) onLoggedOut();
  };

  return (
    <div className="workstation">
      <header className="topbar">
        <div className="topbar-hall">
          <strong>{info.hallName}</strong>
          <span className="window-chip">{info.windowNo} 号窗口</span>
        </div>
        <div className="topbar-user" data-testid="current-clerk">
          {session.staff.name}（{session.staff.staffNo}）{isSupervisor ? <span className="role-chip">主管</span> : null}
        </div>
        <div className="topbar-actions">
          <button type="button" className="secondary" onClick={lock}>
            锁屏
          </button>
          <button type="button" className="secondary" onClick={logout}>
            退出登录
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="功能">
        {SECTIONS.filter((s) => isSupervisor || !s.supervisor).map((s) => (
          <button
            key={s.id}
            type="button"
            className={section === s.id ? 'active' : ''}
            onClick={() => {
              // opening a section from the menu starts afresh, not with the last applicant served
              setServiceStart(null);
              setSection(s.id);
            }}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <main className="content">
        {/* the incoming clerk reads the last handover before anything else */}
        {pending ? <HandoverAck api={api} handover={pending} onAcknowledged={() => setPending(null)} /> : null}
        {pending === null ? (
          <>
            {section === 'appointments' ? <AppointmentsPanel api={api} onStartService={startService} /> : null}
            {section === 'marriage' ? <MarriagePanel api={api} start={serviceStart} /> : null}
            {section === 'divorces' ? <DivorceCasesPanel api={api} /> : null}
            {section === 'intake' ? <IntakePanel api={api} onStartService={startService} /> : null}
            {section === 'handover' ? <HandoverPanel api={api} onClosed={onLoggedOut} /> : null}
            {section === 'cases' ? <CasesPanel api={api} /> : null}
            {section === 'window' ? <WindowPanel api={api} /> : null}
            {section === 'print' ? <PrintJobsPanel api={api} /> : null}
            {section === 'pin' ? <ChangePinPanel api={api} /> : null}
            {section === 'staff' && isSupervisor ? <StaffAdmin api={api} selfId={session.staff.id} /> : null}
            {section === 'commitments' && isSupervisor ? <CommitmentsEditor api={api} /> : null}
            {section === 'catalogue' && isSupervisor ? <CatalogueAdmin api={api} /> : null}
            {section === 'calendar' && isSupervisor ? <CalendarAdmin api={api} /> : null}
            {section === 'followUps' && isSupervisor ? <FollowUpPanel api={api} /> : null}
            {section === 'audit' && isSupervisor ? <AuditPanel api={api} /> : null}
            {section === 'stats' && isSupervisor ? <StatsPanel api={api} /> : null}
            {section === 'ledger' ? <LedgerPanel api={api} session={session} /> : null}
            {section === 'callbacks' ? <CallbacksPanel api={api} /> : null}
            {section === 'complaints' ? <ComplaintsPanel api={api} session={session} /> : null}
            {section === 'callbackRules' && isSupervisor ? <CallbackRulesPanel api={api} /> : null}
            {section === 'archive' && isSupervisor ? <ArchivePanel api={api} /> : null}
            {section === 'settings' && isSupervisor ? <SettingsPanel api={api} onSaved={onInfoChanged} /> : null}
            {section === 'settings' && isSupervisor ? <PrinterSettings api={api} /> : null}
          </>
        ) : null}
      </main>
      <footer className="statusbar">
        <span>登录于 {new Date(session.startedAt).toLocaleTimeString('zh-CN', { hour12: false })}</span>
        <span>无操作 {info.idleLockMinutes} 分钟自动锁屏</span>
        <PrinterStatusBadge api={api} onOpen={() => setSection('print')} />
        <span className="statusbar-clock">{now.toLocaleString('zh-CN', { hour12: false })}</span>
      </footer>
    </div>
  );
}
