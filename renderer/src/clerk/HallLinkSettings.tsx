/**
 * Supervisor: 大厅连接. Before joining, the hall's address and the one-time
 * 登记码 shown on the hall console; afterwards, the joined hall and how the
 * sync is going (last push and pull, rows waiting, the last problem).
 */
import { useState, type FormEvent } from 'react';
import type { HallStatusView } from '../../../shared/contract';
import { hallDateTime } from '../../../shared/domain/hall-time';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';

function when(at: string | null): string {
  return at === null ? '尚未' : hallDateTime(at);
}

function HallStatusFacts({ status }: { status: HallStatusView }) {
  return (
    <dl className="print-facts" aria-label="大厅连接状态">
      <dt>大厅</dt>
      <dd>{status.hallName}</dd>
      <dt>地址</dt>
      <dd>{status.hallUrl}</dd>
      <dt>本窗口</dt>
      <dd>{status.windowNo} 号窗口</dd>
      <dt>加入时间</dt>
      <dd>{when(status.enrolledAt)}</dd>
      <dt>最近上传</dt>
      <dd>{when(status.lastPushAt)}</dd>
      <dt>最近下载</dt>
      <dd>{when(status.lastPullAt)}</dd>
      <dt>待上传</dt>
      <dd>{status.rowsWaiting === 0 ? '无' : `${status.rowsWaiting} 条`}</dd>
    </dl>
  );
}

export function HallLinkSettings({ api }: { api: RendererApi }) {
  const query = useQuery(api, 'hall.status', {});
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [joined, setJoined] = useState(false);
  const { run, error, busy } = useAction(api);
  const status = query.data;

  const join = async (e: FormEvent) => {
    e.preventDefault();
    const next = await run('hall.join', { url, code });
    if (next) {
      query.replace(next);
      setJoined(true);
      setCode('');
    }
  };

  if (status === undefined) return <div className="card narrow">{query.error ? <QueryError query={query} what="大厅连接" /> : '正在读取大厅连接…'}</div>;

  if (status.joined) {
    return (
      <section className="card narrow" aria-label="大厅连接">
        <div className="card-head">
          <h2>大厅连接</h2>
          <button type="button" className="secondary" onClick={() => void query.reload()} disabled={query.loading}>
            刷新
          </button>
        </div>
        {joined ? <Notice>已加入{status.hallName}。人员、节假日安排等基础数据今后由大厅统一管理。</Notice> : null}
        {status.lastError !== null ? (
          <div className="banner banner-error" role="alert">
            {status.lastError}
          </div>
        ) : null}
        <HallStatusFacts status={status} />
        <p className="muted">本窗口的办件记录自动上传到大厅；大厅断开时照常办理，恢复连接后自动补传。</p>
      </section>
    );
  }

  return (
    <form className="card narrow" onSubmit={join} noValidate aria-label="大厅连接">
      <h2>大厅连接</h2>
      <p className="muted">本窗口尚未加入大厅，单独办理。加入后，证书字号、婚姻登记查重和人员账号由大厅统一管理。</p>
      <ErrorBanner error={error} />
      <fieldset disabled={busy}>
        <Field label="大厅服务器地址" error={fieldError(error, 'url')} hint="由信息科提供，例如 http://192.168.1.10:5790">
          <input name="url" value={url} maxLength={200} spellCheck={false} placeholder="http://192.168.1.10:5790" onChange={(e) => setUrl(e.target.value)} />
        </Field>
        <Field label="登记码" error={fieldError(error, 'code')} hint="在大厅管理台为本窗口生成，只能使用一次">
          <input name="code" value={code} maxLength={40} spellCheck={false} autoComplete="off" placeholder="ABCD-EFGH-JKLM" onChange={(e) => setCode(e.target.value)} />
        </Field>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在加入…' : '加入'}
        </button>
      </div>
    </form>
  );
}
