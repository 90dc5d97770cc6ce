/** 工作人员: every staff account of the hall (the windows pull them), with add, edit, disable, PIN reset and unlock. */
import { useState } from 'react';
import type { StaffView } from '../../../../shared/hall/console-reference';
import { TableHead } from '../../../../renderer/src/TableHead';
import { ErrorBanner, hallTimeShort } from '../../ui';
import { Card } from '../Card';
import { StaffForm } from './StaffForm';
import { StaffPinForm } from './StaffPinForm';
import { useLoad, useSaver } from './useConsole';

const COLUMNS = ['工号', '姓名', '职务', '角色', '状态', ''];

function locked(s: StaffView): boolean {
  return s.lockedUntil !== null && Date.parse(s.lockedUntil) > Date.now();
}

export function StaffPanel() {
  const list = useLoad('staffList', {});
  const unlock = useSaver();
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);
  const [pinFor, setPinFor] = useState<StaffView | null>(null);
  const staff = list.value?.staff ?? [];

  return (
    <div className="staff-panel">
      <Card id="staff-title" title="工作人员" actions={<button type="button" className="primary" onClick={() => setEditing('new')}>新增人员</button>}>
        <ErrorBanner error={list.error ?? unlock.error} />
        <table className="table compact" data-testid="staff-table">
          <TableHead columns={COLUMNS} />
          <tbody>
            {staff.map((s) => (
              <tr key={s.staffNo} data-staff={s.staffNo}>
                <td>{s.staffNo}</td>
                <td>{s.name}</td>
                <td>{s.title || '—'}</td>
                <td>{s.role === 'supervisor' ? '主管' : '窗口人员'}</td>
                <td>
                  {s.active ? '在用' : <span className="console-badge warn">已停用</span>}
                  {locked(s) && <span className="console-badge danger">锁定至 {hallTimeShort(s.lockedUntil)}</span>}
                </td>
                <td className="console-row-actions">
                  <button type="button" className="link" onClick={() => setEditing(s)}>
                    编辑
                  </button>
                  <button type="button" className="link" onClick={() => setPinFor(s)}>
                    重置 PIN
                  </button>
                  {locked(s) && (
                    <button type="button" className="link" disabled={unlock.busy} onClick={() => void unlock.save('staffUnlock', { staffNo: s.staffNo }, list.set, `${s.name} 已解锁`)}>
                      解锁
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {unlock.note && <p className="muted">{unlock.note}</p>}
      </Card>
      {editing !== null && <StaffForm key={editing === 'new' ? 'new' : editing.staffNo} staff={editing === 'new' ? null : editing} onSaved={list.set} onClose={() => setEditing(null)} />}
      {pinFor !== null && editing === null && <StaffPinForm key={pinFor.staffNo} staff={pinFor} onSaved={list.set} onClose={() => setPinFor(null)} />}
    </div>
  );
}
