/** An on-screen keypad: digits, then letters when asked, backspace and clear (the kiosk has no keyboard). */
const DIGITS = [...'1234567890'];
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

export function Keypad({ letters, onKey, onBackspace, onClear }: { letters: boolean; onKey: (key: string) => void; onBackspace: () => void; onClear: () => void }) {
  return (
    <div className={`kiosk-keypad${letters ? ' with-letters' : ''}`}>
      {[...DIGITS, ...(letters ? LETTERS : [])].map((key) => (
        <button key={key} type="button" className="kiosk-key" onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
      <button type="button" className="kiosk-key kiosk-key-wide" onClick={onBackspace}>
        退格
      </button>
      <button type="button" className="kiosk-key kiosk-key-wide" onClick={onClear}>
        清空
      </button>
    </div>
  );
}
