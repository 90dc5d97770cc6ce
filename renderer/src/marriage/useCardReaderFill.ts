/** The ID card reader fills a party from anywhere on the form: the focused party card, else the first party without a number. */
import { useMemo, useState, type RefObject } from 'react';
import { KeyboardWedgeReader } from '../idreader/IdCardReader';
import { useIdCardReader } from '../idreader/useIdCardReader';
import { applyCardReading, blankParty } from './form';
import type { MarriageForm } from './useMarriageForm';

export const BOTH_NUMBERS_FILLED = '已读取身份证，但双方证件号码都已填写：请先把光标放到要填写的一方，再读卡';

export function useCardReaderFill(options: {
  form: MarriageForm;
  rootRef: RefObject<HTMLElement | null>;
  /** No reading is taken while the outcome is shown. */
  enabled: boolean;
  /** Called with the index of the party the reading filled. */
  onFilled: (index: number) => void;
}) {
  const { form, rootRef, enabled, onFilled } = options;
  const [readerNote, setReaderNote] = useState<string | null>(null);
  const reader = useMemo(() => new KeyboardWedgeReader(), []);
  const onRead = (number: string) => {
    if (!enabled) return;
    const active = document.activeElement;
    const card = active instanceof HTMLElement && rootRef.current?.contains(active) ? active.closest<HTMLElement>('[data-party]') : null;
    let index = card ? Number(card.dataset.party) : form.parties.findIndex((p) => p.documentNumber.trim() === '');
    if (index < 0 && form.kind === 'reissue' && form.parties.length === 1) {
      // a replacement for two: the second card appears for the second card read
      form.setParties((prev) => [...prev, blankParty()]);
      index = 1;
    }
    if (index < 0) {
      setReaderNote(BOTH_NUMBERS_FILLED);
      return;
    }
    setReaderNote(null);
    const filled = index;
    form.setParties((prev) => prev.map((p, j) => (j === filled ? applyCardReading(p, number, form.today) : p)));
    form.touch(filled, 'documentNumber');
    onFilled(filled);
  };
  const readerReady = useIdCardReader(reader, onRead);
  return { readerReady, readerNote, clearReaderNote: () => setReaderNote(null) };
}
