/** The hall console: the supervisor's login, then the board, ledgers, enrolment and reference data sections. */
import { useEffect, useState } from 'react';
import type { ConsoleSession } from '../../../shared/hall/console-contract';
import { consoleCall } from '../api';
import { BoardPanel } from './BoardPanel';
import { CasesPanel } from './CasesPanel';
import { EnrolPanel } from './EnrolPanel';
import { LedgerPanel } from './LedgerPanel';
import { LoginPage } from './LoginPage';
import { QueuePanel } from './queue/QueuePanel';
import { KioskPrintersPanel } from './printers/KioskPrintersPanel';
import { ReferencePanel } from './reference/ReferencePanel';
import { StatsPanel } from './StatsPanel';

const SECTIONS = [
  { key: 'board', label: '窗口看板' },
  { key: 'ledger', label: '大厅台账' },
  { key: 'cases', label: '待办案件' },
  { key: 'stats', label: '大厅统计' },
  { key: 'enrol', label: '窗口登记' },
  // ref13: reference data and the queue's settings
  { key: 'reference', label: '基础数据' },
  { key: 'queue', label: '叫号设置' },
  // console13: kiosks, their printers and print jobs
  { key: 'printers', label: '取号机与打印机' },
] as const;
type Section = (typeof SECTIONS)[number]['key'];

export function ConsoleApp() {
  const [session, setSession] = useState<ConsoleSession | null | undefined>(undefined);
  const [section, setSection] = useState<Section>('board');

  useEffect(() => {
    void consoleCall('me', {}).then((r) => setSession(r.ok ? r.value : null));
  }, []);

  if (session === undefined) return <div className="center-screen muted">正在连接大厅服务器…</div>;
  if (session === null) return <LoginPage onLoggedIn={setSession} />;

  const logout = async () => {
    await consoleCall('logout', {});
    setSession(null);
  };

  return (
    <div className="workstation console">
      <header className="topbar">
        <div className="topbar-hall">
          <strong>{session.hallName}</strong>
          <span className="window-chip">大厅管理台</span>
        </div>
        <div className="topbar-user" data-testid="console-user">
          {session.name}（{session.staffNo}）<span className="role-chip">主管</span>
        </div>
        <div className="topbar-actions">
          <button type="button" className="secondary" onClick={() => void logout()}>
            退出登录
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="管理台功能">
        <div className="sidenav-group">
          {SECTIONS.map((s) => (
            <button key={s.key} type="button" className={section === s.key ? 'active' : ''} aria-current={section === s.key ? 'page' : undefined} onClick={() => setSection(s.key)}>
              {s.label}
            </button>
          ))}
        </div>
      </nav>
      <main className="content">
        {section === 'board' && <BoardPanel onLoggedOut={() => setSession(null)} />}
        {section === 'ledger' && <LedgerPanel />}
        {section === 'cases' && <CasesPanel />}
        {section === 'stats' && <StatsPanel />}
        {section === 'enrol' && <EnrolPanel />}
        {section === 'reference' && <ReferencePanel />}
        {section === 'queue' && <QueuePanel />}
        {section === 'printers' && <KioskPrintersPanel />}
      </main>
      <footer className="statusbar">
        <span>窗口工作台 · 大厅管理台</span>
      </footer>
    </div>
  );
}
