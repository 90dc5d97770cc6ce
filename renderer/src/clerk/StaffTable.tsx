/** The staff list: number, name (党员 chip), title, role, account state and 编辑. */
import type { Staff } from '../../../shared/contract';
import { TableHead } from '../TableHead';

function stateText(s: Staff): string {
  return !s.active ? '已停用' : s.lockedUntil ? '已锁定' : s.hasPhoto ? '正常' : '缺照片';
}

export function StaffTable({ staff, selectedId, onEdit }: { staff: readonly Staff[]; selectedId: string | null; onEdit: (s: Staff) => void }) {
  return (
    <table className="table" data-testid="staff-table">
      <TableHead columns={['工号', '姓名', '职务', '角色', '状态', '']} />
      <tbody>
        {staff.map((s) => (
          <tr key={s.id} className={selectedId === s.id ? 'selected' : ''}>
            <td>{s.staffNo}</td>
            <td>
              {s.name}
              {s.partyMember ? <span className="party-chip">党员</span> : null}
            </td>
            <td>{s.title}</td>
            <td>{s.role === 'supervisor' ? '主管' : '窗口人员'}</td>
            <td>{stateText(s)}</td>
            <td>
              <button type="button" className="link" onClick={() => onEdit(s)}>
                编辑
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
