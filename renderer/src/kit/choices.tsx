/**
 * Choosing one of a few, in the classes of renderer/src/styles.css: a row of tab buttons, and a
 * select's options named by their labels. Imports react only, so the renderer and hall-web share it.
 */

/** The tabs of a card head: the chosen one is the primary button. */
export function TabRow<K extends string>({ tabs, value, onChange }: { tabs: readonly { key: K; label: string }[]; value: K; onChange: (key: K) => void }) {
  return (
    <div className="actions" role="tablist">
      {tabs.map((t) => (
        <button key={t.key} type="button" role="tab" aria-selected={value === t.key} className={value === t.key ? 'primary' : 'secondary'} onClick={() => onChange(t.key)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** One option per key, showing its label (the select around them adds any 全部 option). */
export function LabelOptions<K extends string>({ keys, labels }: { keys: readonly K[]; labels: Record<K, string> }) {
  return keys.map((k) => (
    <option key={k} value={k}>
      {labels[k]}
    </option>
  ));
}
