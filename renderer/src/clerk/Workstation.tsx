/** The logged-in workstation: top bar, sections, status bar. */
import { Suspense, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { AppInfo, Handover, Session } from '../../../shared/contract';
import { hallDateTime, hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import { marriageFormKind } from '../../../shared/domain/marriage-rules';
import type { RendererApi } from '../api';
import { useCoreNow } from '../core-clock';
import { QueryError } from '../QueryError';
import { useQuery } from '../useQuery';
import { HandoverAck } from '../handover/HandoverAck';
import { HandoverPanel } from '../handover/HandoverPanel';
import { CasesPanel } from '../intake/CasesPanel';
import { IntakePanel } from '../intake/IntakePanel';
import { ChangePinPanel } from './ChangePinPanel';
import { ArchivePanel, AuditPanel, CalendarAdmin, CallbackRulesPanel, CatalogueAdmin, CommitmentsEditor, FollowUpPanel, HallLinkSettings, LedgerPanel, PrinterSettings, SettingsPanel, StaffAdmin, StatsPanel } from './lazySections';
import { LogoutButton } from './LogoutButton';
import { Sidebar, type Section } from './Sidebar';
import { useIdleLock } from './useIdleLock';
import { WindowPanel } from './WindowPanel';
import { PrinterStatusBadge } from '../printing/PrinterStatusBadge';
import { PrintJobsPanel } from '../printing/PrintJobsPanel';
import { CallbacksPanel } from '../supervision/CallbacksPanel';
import { ComplaintsPanel } from '../supervision/ComplaintsPanel';
import { AppointmentsPanel } from '../appointments/AppointmentsPanel';
import { DivorceCasesPanel } from '../marriage/DivorceCasesPanel';
import type { ServiceStart } from '../marriage/form';
import { MarriagePanel } from '../marriage/MarriagePanel';
import { CallerBar } from '../queue/CallerBar';


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
    setSection(marriageFormKind(start.itemCode) === null ? 'intake' : 'marriage');
  }, []);
  // the last handover waiting for this clerk; a failed read shows its error and does not block the sections
  const pendingQuery = useQuery(api, 'handover.pending', {});
  const pending: Handover | null | undefined = pendingQuery.error ? null : pendingQuery.data;
  const setPending = pendingQuery.replace;
  const now = useCoreNow(api);
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
          <strong data-testid="topbar-hall">{info.hallName}</strong>
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
      <CallerBar api={api} onServe={startService} />
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
        <QueryError query={pendingQuery} what="待接收的交接班" />
        {pending ? <HandoverAck api={api} handover={pending} onAcknowledged={() => setPending(null)} /> : null}
        {pending === null ? (
          <Suspense fallback={<div className="panel muted">正在打开…</div>}>
            {section === 'appointments' ? <AppointmentsPanel api={api} onStartService={startService} /> : null}
            {section === 'marriage' ? <MarriagePanel api={api} start={serviceStart} /> : null}
            {section === 'divorces' ? <DivorceCasesPanel api={api} /> : null}
            {section === 'intake' ? <IntakePanel api={api} start={serviceStart} onStartService={startService} /> : null}
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
            {section === 'settings' && isSupervisor ? <HallLinkSettings api={api} /> : null}
          </Suspense>
        ) : null}
      </main>
      <footer className="statusbar">
        <span>登录于 {hallDateTimeSeconds(session.startedAt).slice(11)}</span>
        <span>无操作 {info.idleLockMinutes} 分钟自动锁屏</span>
        <PrinterStatusBadge api={api} onOpen={() => setSection('print')} />
        <span className="statusbar-clock">{hallDateTime(now)}</span>
      </footer>
    </div>
  );
}
