/** One booking slot: its time, 已约/容量 (超额 when over), and each appointment with what the clerk can do with it. */
import { APPOINTMENT_STATUS_LABELS, type Appointment, type ResponseOf } from '../../../shared/contract';
import { hallInstant, hallTime } from '../../../shared/domain/hall-time';

type Slot = ResponseOf<'appointments.day'>['slots'][number];

/** What the clerk can do with an appointment; the panel runs each through the core. */
export interface AppointmentActions {
  busy: boolean;
  /** The hall's time now: 未到 only once the slot has ended. */
  now: Date;
  start: (contactId: string, itemCode: string) => void;
  checkIn: (a: Appointment) => void;
  noShow: (a: Appointment) => void;
  printSlip: (a: Appointment) => void;
}

function slotEnded(date: string, end: string, now: Date): boolean {
  return hallInstant(date, end).getTime() <= now.getTime();
}

function RowActions({ a, actions }: { a: Appointment; actions: AppointmentActions }) {
  const { busy, now } = actions;
  return (
    <td className="row-actions">
      {a.status === 'checkedIn' && a.contactId ? (
        <button
          type="button"
          className="link"
          disabled={busy}
          onClick={() => {
            if (a.contactId) actions.start(a.contactId, a.itemCode);
          }}
        >
          开始办理
        </button>
      ) : null}
      {a.status === 'booked' || a.status === 'noShow' ? (
        <button type="button" className="link" disabled={busy} onClick={() => actions.checkIn(a)}>
          签到
        </button>
      ) : null}
      {a.status === 'booked' ? (
        <button
          type="button"
          className="link"
          disabled={busy || !slotEnded(a.date, a.slotEnd, now)}
          title={slotEnded(a.date, a.slotEnd, now) ? '' : '时段结束后才能标记未到'}
          onClick={() => actions.noShow(a)}
        >
          未到
        </button>
      ) : null}
      <button type="button" className="link" disabled={busy} onClick={() => actions.printSlip(a)}>
        打印凭条
      </button>
    </td>
  );
}

function AppointmentRow({ a, actions }: { a: Appointment; actions: AppointmentActions }) {
  return (
    <tr className={`appt appt-${a.status}`}>
      <td className="appt-code">{a.code}</td>
      <td>{a.itemName}</td>
      <td>
        {a.applicantName}
        {a.partnerName ? `、${a.partnerName}` : ''}
        <div className="muted small">
          {a.documentMasked}
          {a.partnerDocumentMasked ? ` / ${a.partnerDocumentMasked}` : ''}
        </div>
      </td>
      <td>
        <span className={`tag appt-tag-${a.status}`}>{APPOINTMENT_STATUS_LABELS[a.status]}</span>
        {a.overCapacity ? <span className="tag tag-notified">超额</span> : null}
        {a.checkedInAt ? <div className="muted small">{hallTime(a.checkedInAt)} 签到</div> : null}
      </td>
      <RowActions a={a} actions={actions} />
    </tr>
  );
}

export function AppointmentSlot({ slot, actions }: { slot: Slot; actions: AppointmentActions }) {
  return (
    <div className={`slot${slot.overCapacity ? ' slot-over' : ''}`}>
      <div className="slot-head">
        <strong>
          {slot.start}-{slot.end}
        </strong>
        <span className={`slot-count${slot.overCapacity ? ' over' : ''}`} title="已约/容量">
          已约 {slot.booked}/{slot.capacity}
        </span>
        {slot.overCapacity ? <span className="tag tag-notified">超额 {slot.booked - slot.capacity}</span> : null}
      </div>
      <table className="table compact">
        <tbody>
          {slot.appointments.map((a) => (
            <AppointmentRow key={a.id} a={a} actions={actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
