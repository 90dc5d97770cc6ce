/**
 * On the clerk's intake screen, once a contact is finished: 请申请人评价 and
 * the rating's status. The clerk sees only whether the applicant has rated,
 * never the choice (the API never tells the clerk's screen).
 */
import { useEffect } from 'react';
import type { RatingStatus } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, useAction } from '../ui';
import { useQuery } from '../useQuery';
import './rating.css';

export const RATING_STATUS_LABELS: Record<RatingStatus, string> = {
  none: '未请求评价',
  pending: '等待评价',
  rated: '已评价',
  notRated: '未评价',
};

export function RatingRequest({ api, contactId }: { api: RendererApi; contactId: string }) {
  const query = useQuery(api, 'rating.status', { contactId });
  const { reload: load } = query;
  const status: RatingStatus | null = query.data?.status ?? null;
  const { run, error, busy } = useAction(api);

  // any request answered or expired: read this contact's status again
  useEffect(() => api.on('rating.changed', () => void load()), [api, load]);

  const ask = async () => {
    if (await run('rating.request', { contactId })) await load();
  };

  return (
    <div className="rating-box" data-testid="rating-box">
      {status === 'none' ? (
        <button type="button" className="primary" onClick={ask} disabled={busy}>
          请申请人评价
        </button>
      ) : null}
      {status ? (
        <span className={`rating-chip rating-chip-${status}`} data-testid="rating-status">
          {RATING_STATUS_LABELS[status]}
        </span>
      ) : null}
      {status === 'pending' ? <span className="muted">申请人正在窗口外的评价器上评价，请勿引导或查看</span> : null}
      <QueryError query={query} what="评价状态" />
      <ErrorBanner error={error} />
    </div>
  );
}
