/**
 * 好差评 on the public display: five large choices, a bad choice asks for a
 * reason (a list plus free text), a thank-you, then back to the board. The
 * countdown shows how long the request stays open.
 */
import { useEffect, useState } from 'react';
import type { RatingRequestView } from '../../../shared/contract';
import { BAD_REASONS, RATING_LEVELS, isBadRating, type BadReason } from '../../../shared/domain/rating';
import type { RendererApi } from '../api';
import '../rating/rating.css';

export function RatingPad({ api, request, now, onDone }: { api: RendererApi; request: RatingRequestView; now: Date; onDone: (thanks: string) => void }) {
  const [level, setLevel] = useState<number | null>(null);
  const [reasons, setReasons] = useState<BadReason[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setLevel(null);
    setReasons([]);
    setComment('');
    setError(null);
  }, [request.requestId]);

  const left = Math.max(0, Math.floor((new Date(request.expiresAt).getTime() - now.getTime()) / 1000));

  const submit = async (chosen: number) => {
    setBusy(true);
    setError(null);
    try {
      const bad = isBadRating(chosen);
      const r = await api.call('rating.submit', {
        requestId: request.requestId,
        level: chosen,
        ...(bad ? { reasons, comment: comment.trim() } : {}),
      });
      if (r.ok) onDone(r.value.thanks);
      else setError(r.error.message);
    } finally {
      setBusy(false);
    }
  };

  const choose = (chosen: number) => {
    if (isBadRating(chosen)) setLevel(chosen);
    else void submit(chosen);
  };

  const toggle = (reason: BadReason) => setReasons(reasons.includes(reason) ? reasons.filter((r) => r !== reason) : [...reasons, reason]);

  return (
    <div className="rating-overlay" data-testid="rating-pad" role="dialog" aria-label="请您评价">
      <div className="rating-head">
        <h1>请您对本次服务作出评价</h1>
        <p>
          {request.windowNo} 号窗口 · 工作人员 {request.clerkName} · <span data-testid="rating-countdown">还剩 {left} 秒</span>
        </p>
      </div>
      {error ? (
        <div className="rating-error" role="alert">
          {error}
        </div>
      ) : null}
      {level === null ? (
        <div className="rating-levels">
          {RATING_LEVELS.map((l) => (
            <button key={l.level} type="button" className={`rating-level rating-level-${l.level}`} disabled={busy} onClick={() => choose(l.level)}>
              <span className="rating-level-stars" aria-hidden="true">
                {'★'.repeat(l.level)}
              </span>
              <span className="rating-level-label">{l.label}</span>
            </button>
          ))}
        </div>
      ) : (
        <div className="rating-reasons">
          <h2>请告诉我们哪里做得不好（可多选）</h2>
          <div className="rating-reason-list" role="group" aria-label="不满意的原因">
            {BAD_REASONS.map((r) => (
              <button key={r} type="button" aria-pressed={reasons.includes(r)} className={`rating-reason${reasons.includes(r) ? ' chosen' : ''}`} onClick={() => toggle(r)}>
                {r}
              </button>
            ))}
          </div>
          <label className="rating-comment">
            <span>其他意见（可不填）</span>
            <textarea aria-label="其他意见" value={comment} maxLength={200} onChange={(e) => setComment(e.target.value)} />
          </label>
          <div className="rating-actions">
            <button type="button" className="rating-back" disabled={busy} onClick={() => setLevel(null)}>
              返回重选
            </button>
            <button type="button" className="rating-submit" disabled={busy || reasons.length === 0} onClick={() => void submit(level)}>
              提交
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

export function RatingThanks({ text }: { text: string }) {
  return (
    <div className="rating-overlay rating-thanks" data-testid="rating-thanks" role="status">
      <h1>{text}</h1>
      <p>欢迎您对我们的工作提出宝贵意见</p>
    </div>
  );
}
