/** What an import of the booking system's export did, and every row it could not take and why. */
import type { AppointmentImportResult } from '../../../shared/contract';
import { TableHead } from '../TableHead';

export function ImportReport({ result, onClose }: { result: AppointmentImportResult & { fileName: string }; onClose: () => void }) {
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return (
    <div className="import-report" data-testid="import-report">
      <div className={`banner ${errors > 0 ? 'banner-warn' : 'banner-ok'}`} role="status">
        已导入 {result.fileName}：共 {result.totalRows} 条，新增 {result.added}，更新 {result.updated}，未变 {result.unchanged}
        {result.kept > 0 ? `，已签到/未到保留 ${result.kept}` : ''}
        {result.overCapacity > 0 ? `，超额 ${result.overCapacity}` : ''}，未导入 {result.rejected}。
        {result.problems.length > 0 ? ' 请按下表修改文件后重新导入（已导入的记录不会重复）。' : ''}
        <button type="button" className="link" onClick={onClose}>
          关闭
        </button>
      </div>
      {result.problems.length > 0 ? (
        <table className="table compact import-problems">
          <TableHead columns={['行号', '类别', '问题']} />
          <tbody>
            {result.problems.map((p, i) => (
              <tr key={`${p.row}-${i}`} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
                <td>{p.row === 0 ? '整个文件' : `第 ${p.row} 行`}</td>
                <td>{p.severity === 'error' ? '未导入' : '提醒'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
