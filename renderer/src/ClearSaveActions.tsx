/** The footer of an add-or-edit form: 清空 (back to the blank form) and 保存 (submits the form). */
export function ClearSaveActions({ busy, onClear }: { busy: boolean; onClear: () => void }) {
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={onClear} disabled={busy}>
        清空
      </button>
      <button type="submit" className="primary" disabled={busy}>
        保存
      </button>
    </div>
  );
}
