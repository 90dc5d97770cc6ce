/**
 * The hall's priority policy (叫号优先规则): which waiting ticket a window
 * calls next. In order: appointments within their booked slot, then 绿色通道
 * (elderly, disabled, pregnant), then normal tickets with one priority ticket
 * (an appointment outside its slot, or 绿色通道 when it does not go first)
 * after every N normal ones; within each group the longest weighted wait
 * first (waiting time × the matter's weight, then arrival). The supervisor
 * reads the policy as one sentence and sees the next calls it would make.
 */

export const PRIORITY_KINDS = ['normal', 'green', 'appointment'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];

export interface WaitingTicket {
  id: string;
  code: string;
  matter: string;
  kind: PriorityKind;
  /** Epoch milliseconds. */
  takenAt: number;
  /** An appointment's booked slot (epoch milliseconds, end excluded); null otherwise. */
  slot: { start: number; end: number } | null;
}

export interface QueuePolicy {
  appointmentsInSlotFirst: boolean;
  greenFirst: boolean;
  /** N of "N normal : 1 priority" (1–20). */
  normalPerPriority: number;
  /** Per matter code; a matter not listed weighs 1. */
  weights: Record<string, number>;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = { appointmentsInSlotFirst: true, greenFirst: true, normalPerPriority: 3, weights: {} };

/** What the policy remembers between calls of one window: normal tickets called since its last priority ticket. */
export interface CallState {
  normalStreak: number;
}

export interface Choice {
  ticket: WaitingTicket;
  /** The window's state after calling it. */
  state: CallState;
}

function inSlot(t: WaitingTicket, now: number): boolean {
  return t.kind === 'appointment' && t.slot !== null && t.slot.start <= now && now < t.slot.end;
}

function weightedWait(t: WaitingTicket, policy: QueuePolicy, now: number): number {
  return Math.max(0, now - t.takenAt) * (policy.weights[t.matter] ?? 1);
}

/** The ticket a group calls first: longest weighted wait, then earliest taken, then code. */
function first(group: WaitingTicket[], policy: QueuePolicy, now: number): WaitingTicket | null {
  let best: WaitingTicket | null = null;
  for (const t of group) {
    if (best === null) {
      best = t;
      continue;
    }
    const d = weightedWait(t, policy, now) - weightedWait(best, policy, now);
    if (d > 0 || (d === 0 && (t.takenAt < best.takenAt || (t.takenAt === best.takenAt && t.code < best.code)))) best = t;
  }
  return best;
}

/** The ticket to call next from the waiting list at `now` (epoch ms), and the window's state after it; null when nobody waits. */
export function chooseNext(waiting: readonly WaitingTicket[], policy: QueuePolicy, state: CallState, now: number): Choice | null {
  const slotted = policy.appointmentsInSlotFirst ? waiting.filter((t) => inSlot(t, now)) : [];
  if (slotted.length > 0) {
    const ticket = [...slotted].sort((a, b) => (a.slot?.start ?? 0) - (b.slot?.start ?? 0) || a.takenAt - b.takenAt)[0];
    if (ticket !== undefined) return { ticket, state };
  }
  const green = policy.greenFirst ? first(waiting.filter((t) => t.kind === 'green'), policy, now) : null;
  if (green !== null) return { ticket: green, state };

  const rest = waiting.filter((t) => !slotted.includes(t) && !(policy.greenFirst && t.kind === 'green'));
  const normal = first(rest.filter((t) => t.kind === 'normal'), policy, now);
  const priority = first(rest.filter((t) => t.kind !== 'normal'), policy, now);
  if (priority !== null) {
    // a priority ticket waiting longer than every normal one is simply next; otherwise it jumps in after N normal calls
    const due = normal === null || state.normalStreak >= policy.normalPerPriority || weightedWait(priority, policy, now) > weightedWait(normal, policy, now);
    if (due) return { ticket: priority, state: { normalStreak: 0 } };
  }
  return normal === null ? null : { ticket: normal, state: { normalStreak: state.normalStreak + 1 } };
}

/**
 * This window's preference for its next call, best first: the first choice,
 * then the choice if that one were taken by another window meanwhile, and so
 * on (the window's state does not change while it steps over others' tickets).
 */
export function preferenceOrder(waiting: readonly WaitingTicket[], policy: QueuePolicy, state: CallState, now: number): Choice[] {
  const left = [...waiting];
  const order: Choice[] = [];
  for (let choice = chooseNext(left, policy, state, now); choice !== null; choice = chooseNext(left, policy, state, now)) {
    order.push(choice);
    left.splice(left.indexOf(choice.ticket), 1);
  }
  return order;
}

/** The next `count` calls the policy would make from this list, if nobody else arrived or called meanwhile. */
export function previewCalls(waiting: readonly WaitingTicket[], policy: QueuePolicy, state: CallState, now: number, count = 10): WaitingTicket[] {
  const left = [...waiting];
  const calls: WaitingTicket[] = [];
  let current = state;
  while (calls.length < count) {
    const choice = chooseNext(left, policy, current, now);
    if (choice === null) break;
    calls.push(choice.ticket);
    left.splice(left.indexOf(choice.ticket), 1);
    current = choice.state;
  }
  return calls;
}

/**
 * The policy as the supervisor reads it:
 * '预约在时段内优先；绿色通道优先；普通号每 3 个插 1 个优先号'
 * (and the matters weighing more or less than others, by name).
 */
export function policySentence(policy: QueuePolicy, matterNames: Record<string, string> = {}): string {
  const parts: string[] = [];
  if (policy.appointmentsInSlotFirst) parts.push('预约在时段内优先');
  if (policy.greenFirst) parts.push('绿色通道优先');
  parts.push(`普通号每 ${policy.normalPerPriority} 个插 1 个优先号`);
  const weighted = Object.entries(policy.weights)
    .filter(([, w]) => w !== 1)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([matter, w]) => `${matterNames[matter] ?? matter}权重 ${w}`);
  if (weighted.length > 0) parts.push(`按等候时间乘以事项权重排队（${weighted.join('，')}）`);
  return parts.join('；');
}
