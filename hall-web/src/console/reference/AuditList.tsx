/** 修改记录: who changed which hall-owned data on the console, newest first. */
import { TableHead } from '../../../../renderer/src/TableHead';
import { ErrorBanner, hallTimeShort } from '../../ui';
import { useLoad } from './useConsole';

const ACTIONS: Record<string, string> = {
  'staff.save': '修改人员信息',
  'staff.save+pin': '新增人员或设置 PIN',
  'staff.pin': '重置 PIN',
  'staff.unlock': '解除锁定',
  'commitment.save': '修改服务承诺',
  'commitment.delete': '删除服务承诺',
  'officeSettings.save': '修改办公信息',
  'calendarOverride.save': '保存节假日调整',
  'calendarOverride.delete': '删除节假日调整',
  'peakDay.save': '保存高峰日',
  'peakDay.delete': '删除高峰日',
  'catalogueVersion.upload': '发布事项目录',
  'booking.import': '导入预约',
  'queue.settings': '修改叫号规则',
  'queue.matter': '修改取号事项',
  // enrolment codes (窗口登记)
  'enrolment.code': '生成登记码',
};

/** The changed row as the supervisor reads it. */
function objectLabel(kind: string, key: string): string {
  if (kind === 'commitment') return `第 ${Number(key) + 1} 条承诺`;
  if (kind === 'officeSettings') return '大厅办公信息';
  const peak = /^(solar|lunar)-(\d+)-(\d+)$/.exec(key);
  if (kind === 'peakDay' && peak) return `${peak[1] === 'lunar' ? '农历' : '公历'} ${peak[2]} 月 ${peak[3]} 日`;
  if (kind === 'catalogueVersion') return `版本 ${key}`;
  if (kind === 'staff') return `工号 ${key}`;
  if (kind === 'window') return `${key} 号窗口`;
  if (kind === 'kiosk') return `取号机 ${key}`;
  return key;
}

export function AuditList() {
  const audit = useLoad('consoleAudit', {});
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">修改记录</h2>
      <ErrorBanner error={audit.error} />
      {audit.value?.entries.length === 0 && <p className="muted">还没有修改记录。</p>}
      {(audit.value?.entries.length ?? 0) > 0 && (
        <table className="table compact" data-testid="audit-table">
          <TableHead columns={['时间', '主管', '操作', '对象']} />
          <tbody>
            {audit.value?.entries.map((e, i) => (
              <tr key={i}>
                <td>{hallTimeShort(e.at)}</td>
                <td>
                  {e.staffName}（{e.staffNo}）
                </td>
                <td>{ACTIONS[e.action] ?? e.action}</td>
                <td>{objectLabel(e.kind, e.key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
