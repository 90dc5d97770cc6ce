/** The marriage form's own state: kind, parties, checks, certificate numbers, which fields were touched, and the hall's date. */
import { useCallback, useEffect, useState } from 'react';
import type { CivilChecks, CivilKind } from '../../../shared/api/marriage';
import type { PartyField } from '../../../shared/domain/civil-party';
import { hallDate } from '../../../shared/domain/hall-time';
import { coreNow } from '../core-clock';
import type { RendererApi } from '../api';
import { BLANK_CHECKS, blankParty, blankReissue, fillFromResidentId, partiesFromStart, type PartyForm, type ReissueForm, type ServiceStart } from './form';

export type NationalCheck = [boolean, boolean];

/** The hall's date from the workstation's clock, not the browser's (null until the core answered). */
export function useHallToday(api: RendererApi): string | null {
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    void api.call('display.state', {}).then((r) => setToday(hallDate(r.ok ? r.value.serverTime : coreNow())));
  }, [api]);
  return today;
}

export function useMarriageForm(api: RendererApi) {
  const today = useHallToday(api);
  const [kind, setKind] = useState<CivilKind>('marriage');
  const [parties, setParties] = useState<PartyForm[]>(() => partiesFromStart('marriage', [], null));
  const [checks, setChecks] = useState<CivilChecks>(BLANK_CHECKS);
  const [reissue, setReissue] = useState<ReissueForm>(blankReissue);
  const [certificateNo, setCertificateNo] = useState('');
  // 结婚登记: 男方, 女方 checked in 全国婚姻登记信息系统 (联网核查)
  const [nationalCheck, setNationalCheck] = useState<NationalCheck>([false, false]);
  // 离婚登记: the marriage certificate number(s) presented
  const [marriageCertificateNos, setMarriageCertificateNos] = useState('');
  const [contactId, setContactId] = useState<string | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  // counts resets: the parties a reset carries in are completed from their numbers once the hall's date is known
  const [generation, setGeneration] = useState(0);

  const reset = useCallback((nextKind: CivilKind, carried: ServiceStart['parties'], nextContact: string | null) => {
    setKind(nextKind);
    setParties(partiesFromStart(nextKind, carried, null));
    setChecks(BLANK_CHECKS);
    setReissue(blankReissue());
    setCertificateNo('');
    setNationalCheck([false, false]);
    setMarriageCertificateNos('');
    setContactId(nextContact);
    setTouched(new Set());
    setShowAll(false);
    setGeneration((g) => g + 1);
  }, []);

  // numbers carried over from a check-in give the birth date and sex once the hall's date is known
  useEffect(() => {
    if (today !== null) setParties((prev) => (prev.every((p) => fillFromResidentId(p, today) === p) ? prev : prev.map((p) => fillFromResidentId(p, today))));
  }, [today, generation]);

  const touch = useCallback(
    (i: number, field: PartyField) =>
      setTouched((prev) => {
        const key = `${i}.${field}`;
        if (prev.has(key)) return prev;
        const next = new Set(prev);
        next.add(key);
        return next;
      }),
    [],
  );

  const updateParty = (i: number, patch: Partial<PartyForm>, field: PartyField) => {
    setParties((prev) =>
      prev.map((p, j) => {
        if (j !== i) return p;
        const next = { ...p, ...patch };
        return field === 'documentNumber' || field === 'documentType' ? fillFromResidentId(next, today) : next;
      }),
    );
    // the mismatch between number and birth date / sex shows at once
    if (field === 'documentNumber' || field === 'sex' || field === 'birthDate') touch(i, field);
  };

  /** Marriage and divorce need both parties; a replacement keeps the cards it has. */
  const switchKind = (nextKind: CivilKind) => {
    setKind(nextKind);
    setParties((prev) => (nextKind === 'reissue' ? prev : prev.length === 2 ? prev : [...prev, blankParty()]));
  };

  const addParty = () => setParties((prev) => [...prev, blankParty()]);
  const removeSecondParty = () => setParties((prev) => prev.slice(0, 1));

  return {
    today,
    kind,
    parties,
    setParties,
    checks,
    setChecks,
    reissue,
    setReissue,
    certificateNo,
    setCertificateNo,
    nationalCheck,
    setNationalCheck,
    marriageCertificateNos,
    setMarriageCertificateNos,
    contactId,
    touched,
    showAll,
    setShowAll,
    reset,
    touch,
    updateParty,
    switchKind,
    addParty,
    removeSecondParty,
  };
}

export type MarriageForm = ReturnType<typeof useMarriageForm>;
