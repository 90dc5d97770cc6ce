/** The materials of the matter: ticked when received, with the reason a received one falls short; then the matter's basis, time limit and fee. */
import type { Ref } from 'react';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import { TableHead } from '../TableHead';
import type { MaterialsChecklist } from './useMaterialsChecklist';

interface Props {
  item: CatalogueItem;
  checklist: MaterialsChecklist;
  editable: boolean;
  tableRef: Ref<HTMLTableElement>;
}

export function MaterialsTable({ item, checklist, editable, tableRef }: Props) {
  const { received, problems } = checklist;
  return (
    <>
      <h3>材料清单（勾选已收到的材料）</h3>
      <table className="table materials" data-testid="materials" ref={tableRef}>
        <TableHead columns={['已收', '材料', '要求', '不符合要求时填写原因']} />
        <tbody>
          {item.materials.map((m) => (
            <tr key={m.id}>
              <td>
                <input type="checkbox" aria-label={m.name} checked={received.has(m.id)} disabled={!editable} onChange={(e) => checklist.toggle(m.id, e.target.checked)} />
              </td>
              <td>
                {m.name}
                {m.required ? null : <span className="muted">（如有）</span>}
              </td>
              <td className="muted">{m.standard}</td>
              <td>
                <input
                  aria-label={`${m.name}不符合原因`}
                  className="problem-input"
                  value={problems[m.id] ?? ''}
                  maxLength={60}
                  disabled={!editable || !received.has(m.id)}
                  onChange={(e) => checklist.setProblem(m.id, e.target.value)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        法律依据：{item.legalBasis} · 时限：{item.timeLimit.kind === 'onTheSpot' ? '当场办结' : `${item.timeLimit.days} 个工作日`} · 收费：{item.fee}
      </p>
    </>
  );
}
