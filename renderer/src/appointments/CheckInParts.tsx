/** Pieces of the check-in card: the import button for the booking system's export, and who has just checked in. */
import type { Appointment, Contact } from '../../../shared/contract';

export function ImportButton({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  return (
    <label className={`secondary file-button${busy ? ' disabled' : ''}`}>
      导入预约数据
      <input
        type="file"
        accept=".csv,.json,text/csv,application/json"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

export function CheckedInBanner({ checkedIn, busy, onStart }: { checkedIn: { appointment: Appointment; contact: Contact }; busy: boolean; onStart: () => void }) {
  const { appointment } = checkedIn;
  return (
    <div className="banner banner-ok checkin-done" role="status">
      <span>
        已签到：{appointment.code} · {appointment.itemName} · {appointment.applicantName}
        {appointment.partnerName ? `、${appointment.partnerName}` : ''}（{appointment.slotStart}-{appointment.slotEnd}）
      </span>
      <button type="button" className="primary" disabled={busy} onClick={onStart}>
        开始办理
      </button>
    </div>
  );
}
