/** The console filters' window-number box: empty means every window (the hall trims it). */
export function WindowNoFilter({ value, onChange }: { value: string; onChange: (windowNo: string) => void }) {
  return (
    <label>
      <span className="field-label">窗口</span>
      <input name="windowNo" value={value} onChange={(e) => onChange(e.target.value)} placeholder="全部" maxLength={8} className="short" />
    </label>
  );
}
