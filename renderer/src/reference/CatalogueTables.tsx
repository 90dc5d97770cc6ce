/** The catalogue's items, each with its materials folded out, and the versions imported so far. */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import type { CatalogueVersionView } from '../../../shared/api/reference';
import type { Catalogue, CatalogueItem } from '../../../shared/catalogue/schema';
import { TableHead } from '../TableHead';

function timeLimitText(item: CatalogueItem): string {
  return item.timeLimit.kind === 'onTheSpot' ? '当场办结' : `${item.timeLimit.days} 个工作日`;
}

function windowsText(item: CatalogueItem): string {
  if (item.referral) return `转办：${item.referral.where}`;
  return item.windows.length === 0 ? '所有窗口' : `${item.windows.join('、')} 号窗口`;
}

/** An item's name, folding out its legal basis, pickup, notes, referral and materials. */
function ItemDetails({ item }: { item: CatalogueItem }) {
  return (
    <details>
      <summary>{item.name}</summary>
      <dl className="item-detail">
        <dt>法律依据</dt>
        <dd>{item.legalBasis}</dd>
        <dt>结果领取</dt>
        <dd>{item.resultPickup}</dd>
        {item.notes ? (
          <>
            <dt>办理须知</dt>
            <dd>{item.notes}</dd>
          </>
        ) : null}
        {item.referral ? (
          <>
            <dt>转办</dt>
            <dd>
              {item.referral.where}；{item.referral.address}；电话 {item.referral.phone}；{item.referral.hours}
            </dd>
          </>
        ) : null}
      </dl>
      <ol className="material-list">
        {item.materials.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong>
            {m.required ? null : <span className="material-optional">视情况提供</span>}
            <div className="muted">
              要求：{m.standard}；获取：{m.obtainFrom}
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function CatalogueItemsTable({ catalogue }: { catalogue: Catalogue }) {
  return (
    <section className="card">
      <h2>事项清单</h2>
      <table className="table catalogue-table" data-testid="catalogue-items">
        <TableHead columns={['编码', '事项', '承办部门', '受理窗口', '时限', '收费', '材料']} />
        <tbody>
          {catalogue.items.map((item) => (
            <tr key={item.code}>
              <td>
                <code>{item.code}</code>
              </td>
              <td>
                <ItemDetails item={item} />
              </td>
              <td>{item.department}</td>
              <td>{windowsText(item)}</td>
              <td>{timeLimitText(item)}</td>
              <td>{item.fee}</td>
              <td>
                {item.materials.filter((m) => m.required).length} 必需
                {item.materials.some((m) => !m.required) ? ` / ${item.materials.filter((m) => !m.required).length} 视情况` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CatalogueVersionsTable({ versions }: { versions: readonly CatalogueVersionView[] }) {
  return (
    <section className="card">
      <h2>版本记录</h2>
      <table className="table" data-testid="catalogue-versions">
        <TableHead columns={['版本', '发布日期', '事项数', '来源', '状态']} />
        <tbody>
          {versions.map((v) => (
            <tr key={v.id ?? 'built-in'} className={v.active ? 'selected' : ''}>
              <td>{v.version}</td>
              <td>{v.issuedAt}</td>
              <td>{v.items}</td>
              <td>{v.builtIn ? '随软件提供' : `${v.importedBy ?? ''} ${hallDateTimeSeconds(v.importedAt)} 导入`}</td>
              <td>{v.active ? '使用中' : '已停用'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
