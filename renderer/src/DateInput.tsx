/**
 * A date field that shows and takes YYYY-MM-DD whatever the browser's
 * locale (a native date input shows mm/dd/yyyy in an English browser).
 * 19900501, 1990.5.1 and 1990年5月1日 become 1990-05-01 when the field is left.
 */
import type { InputHTMLAttributes } from 'react';
import { normalizeDateTyping } from './marriage/form';

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

export function DateInput({ value, onChange, onBlur, placeholder = '2026-03-02', ...rest }: NativeProps & { value: string; onChange: (value: string) => void }) {
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      maxLength={11}
      autoComplete="off"
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        const normalized = normalizeDateTyping(value);
        if (normalized !== value) onChange(normalized);
        onBlur?.(e);
      }}
    />
  );
}
