/** A console form's action row: what the last save said, 关闭 when the form closes, and its submit button. */
export function FormActions({ note, busy, label, onClose }: { note: string | null; busy: boolean; label: string; onClose?: () => void }) {
  return (
    <div className="actions">
      {note && <span className="muted">{note}</span>}
      {onClose && (
        <button type="button" className="secondary" onClick={onClose}>
          关闭
        </button>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
    </div>
  );
}
