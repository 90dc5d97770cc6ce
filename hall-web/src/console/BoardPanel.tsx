/** The live board: every enrolled window, pushed by the hall as it changes (useBoard.ts); offline windows in red. */
import type { BoardWindow } from '../../../shared/hall/console-contract';
import { TableHead } from '../../../renderer/src/TableHead';
import { ErrorBanner, hallTimeShort } from '../ui';
import { BoardIssues } from './BoardIssues';
import { OfflineSetting } from './OfflineSetting';
import { ScreenSetting } from './ScreenSetting';
import { useBoard } from './useBoard';

const STATE_LABELS: Record<BoardWindow['state'], string> = { serving: '在岗', paused: '暂停', closed: '未开放', unknown: '未上报' };

function syncText(w: BoardWindow): string {
  if (w.backlogRows === null) return '—';
  if (w.backlogRows === 0) return '已同步';
  return `积压 ${w.backlogRows} 条 · ${w.lagMinutes ?? 0} 分钟`;
}

function WindowRow({ w }: { w: BoardWindow }) {
  return (
    <tr className={w.offline ? 'board-row offline' : 'board-row'} data-window={w.windowNo} data-offline={w.offline}>
      <td>
        <span className="window-chip">{w.windowNo} 号</span>
        {w.offline && <span className="console-badge danger">离线</span>}
      </td>
      <td>{w.staffName ? `${w.staffName}（${w.staffNo ?? ''}）` : <span className="muted">无人登录</span>}</td>
      <td>
        <span className={`console-state state-${w.state}`}>{STATE_LABELS[w.state]}</span>
        {w.state === 'paused' && w.whereabouts && <div className="muted console-small">{w.whereabouts}</div>}
      </td>
      <td>{hallTimeShort(w.lastContactAt)}</td>
      <td>{w.printerProblem ? <span className="error-text">{w.printerProblem}</span> : <span className="muted">{w.state === 'unknown' ? '—' : '正常'}</span>}</td>
      <td>{syncText(w)}</td>
      <td>
        {w.auditBroken ? <span className="console-badge danger">审计链断开</span> : <span className="muted">正常</span>}
        {w.quarantined > 0 && <span className="console-badge warn">隔离 {w.quarantined} 条</span>}
      </td>
      <td className="board-cases" data-testid="board-cases">
        {w.openCases} 件{w.overdueCases > 0 && <span className="console-badge danger">逾期 {w.overdueCases}</span>}
      </td>
    </tr>
  );
}

export function BoardPanel({ onLoggedOut }: { onLoggedOut: () => void }) {
  const { board, error, reload } = useBoard(onLoggedOut);

  const offline = board?.windows.filter((w) => w.offline).length ?? 0;
  return (
    <div className="panel">
      <section className="card" aria-labelledby="board-title">
        <div className="card-head">
          <h2 id="board-title">窗口看板</h2>
          <span className="muted">
            {board ? `共 ${board.windows.length} 个窗口，离线 ${offline} 个 · 更新于 ${hallTimeShort(board.now)}` : '正在读取…'}
          </span>
        </div>
        <ErrorBanner error={error} />
        {board && board.windows.length === 0 && <p className="muted">还没有窗口登记到本大厅：请在“窗口登记”中为窗口生成登记码。</p>}
        {board && board.windows.length > 0 && (
          <table className="table" data-testid="board">
            <TableHead columns={['窗口', '工作人员', '状态', '最后联系', '打印机', '同步', '审计与隔离', '待办案件']} />
            <tbody>
              {board.windows.map((w) => (
                <WindowRow key={w.windowNo} w={w} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {board && <BoardIssues board={board} />}
      {board && <OfflineSetting minutes={board.offlineMinutes} onSaved={reload} />}
      {board && <ScreenSetting />}
    </div>
  );
}
