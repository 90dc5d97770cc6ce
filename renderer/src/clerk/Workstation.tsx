/** The logged-in workstation: top bar, sections, status bar. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
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
import { LogoutButton } from './LogoutButton';
import { Sidebar, type Section } from './Sidebar';
import { StaffAdmin } from './StaffAdmin';
import { useIdleLock } from './useIdleLock';
import { WindowPanel } from './WindowPanel';
import { PrinterSettings } from '../printing/PrinterSettings';
import { PrinterStatusBadge } from '../printing/PrinterStatusBadge';
import { PrintJobsPanel } from '../printing/PrintJobsPanel';
import { ArchivePanel } from '../ledger/ArchivePanel';
import { LedgerPanel } from '../ledger/LedgerPanel';
import { StatsPanel } from '../stats/StatsPanel';
import { CallbackRulesPanel } from '../followup/CallbackRulesPanel';
import { CallbacksPanel } from '../followup/CallbacksPanel';
import { ComplaintsPanel } from '../followup/ComplaintsPanel';
import { FollowUpPanel } from '../rating/FollowUpPanel';
import { AppointmentsPanel } from '../appointments/AppointmentsPanel';
import { DivorceCasesPanel } from '../marriage/DivorceCasesPanel';
import type { ServiceStart } from '../marriage/form';
import { MarriagePanel } from '../marriage/MarriagePanel';

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
  // each section opens at its top, not where the previous one was scrolled to
  const content = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // not returned: Chromium's scrollTo returns a promise, which React would take for a cleanup
    content.current?.scrollTo({ top: 0 });
  }, [section]);

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
          <LogoutButton
            api={api}
            onLoggedOut={onLoggedOut}
            onHandover={() => {
              setServiceStart(null);
              setSection('handover');
            }}
          />
        </div>
      </header>
      <Sidebar
        isSupervisor={isSupervisor}
        current={section}
        onSelect={(next) => {
          // opening a section from the menu starts afresh, not with the last applicant served
          setServiceStart(null);
          setSection(next);
        }}
      />
      <main className="content" ref={content}>
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
