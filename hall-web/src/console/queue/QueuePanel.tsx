/** 叫号设置 (one screen): the priority policy as its sentence, the matters tickets are taken for, and a preview of the next calls. */
import { useState } from 'react';
import type { QueueMatterSave } from '../../../../shared/hall/console-reference';
import { TableHead } from '../../../../renderer/src/TableHead';
import { ErrorBanner } from '../../ui';
import { Card } from '../Card';
import { useLoad } from '../reference/useConsole';
import { QueueMatterForm } from './QueueMatterForm';
import { QueuePolicyForm } from './QueuePolicyForm';
import { QueuePreviewCard } from './QueuePreviewCard';

function hours(m: QueueMatterSave): string {
  if (m.issueFrom === null && m.issueUntil === null) return '全天';
  return `${m.issueFrom ?? '开门'}–${m.issueUntil ?? '关门'}`;
}

export function QueuePanel() {
  const config = useLoad('queueConfig', {});
  const [editing, setEditing] = useState<QueueMatterSave | 'new' | null>(null);
  const [previewKey, setPreviewKey] = useState(0);
  const saved = (value: NonNullable<typeof config.value>) => {
    config.set(value);
    setPreviewKey((k) => k + 1);
  };
  const c = config.value;

  return (
    <div className="panel">
      <ErrorBanner error={config.error} />
      {c && (
        <div className="banner banner-ok console-sentence" data-testid="policy-sentence">
          叫号规则：{c.sentence}
        </div>
      )}
      <div className="console-columns">
        {c && <QueuePolicyForm settings={c.settings} onSaved={saved} />}
        <QueuePreviewCard refresh={previewKey} />
      </div>
      <Card id="matters-title" title="取号事项" actions={<button type="button" className="primary" onClick={() => setEditing('new')}>新增事项</button>}>
        <table className="table compact" data-testid="matters-table">
          <TableHead columns={['事项', '前缀', '办理窗口', '取号时间', '每日上限', '权重', '等候提醒', '']} />
          <tbody>
            {c?.matters.map((m) => (
              <tr key={m.matter}>
                <td>
                  {m.name} <span className="muted console-small">{m.matter}</span>
                </td>
                <td>{m.prefix}</td>
                <td>{m.windowNos.length === 0 ? '所有窗口' : m.windowNos.map((w) => `${w} 号`).join('、')}</td>
                <td>{hours(m)}</td>
                <td>{m.dailyCap ?? '不限'}</td>
                <td>{m.weight}</td>
                <td>{m.waitingAlert === null ? `按大厅（${c.settings.waitingAlert ?? '不提醒'}）` : `超过 ${m.waitingAlert} 人`}</td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(m)}>
                    编辑
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {editing !== null && <QueueMatterForm key={editing === 'new' ? 'new' : editing.matter} matter={editing === 'new' ? null : editing} onSaved={saved} onClose={() => setEditing(null)} />}
    </div>
  );
}
