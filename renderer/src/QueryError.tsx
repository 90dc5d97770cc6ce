/** What a screen shows while its data loads or when the load failed: the core's Chinese message and 重试. */
import type { Query } from './useQuery';

export function QueryError({ query, what }: { query: Pick<Query<unknown>, 'error' | 'reload' | 'loading'>; what?: string }) {
  const { error } = query;
  if (!error) return null;
  return (
    <div className="banner banner-error load-error" role="alert" data-code={error.code}>
      <span>
        {what ? `${what}读取失败：` : '读取失败：'}
        {error.message}
      </span>
      <button type="button" className="secondary" disabled={query.loading} onClick={() => void query.reload()}>
        重试
      </button>
    </div>
  );
}

/** In place of a screen whose data has not arrived: 正在读取…, or why it could not be read. */
export function QueryPending({ query, what }: { query: Pick<Query<unknown>, 'error' | 'reload' | 'loading'>; what?: string }) {
  return query.error ? <QueryError query={query} {...(what ? { what } : {})} /> : <p className="muted">正在读取…</p>;
}
