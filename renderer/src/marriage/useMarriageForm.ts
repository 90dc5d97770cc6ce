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

/** A start's parties: what it carried and the cards first shown for them (before the hall's date was known). */
interface StartedParties {
  kind: CivilKind;
  carried: ServiceStart['parties'];
  shown: PartyForm[];
}

/** Cards the clerk has already changed: only their empty birth dates and sexes are filled, nothing is moved. */
function filledFromNumbers(parties: PartyForm[], today: string): PartyForm[] {
  const filled = parties.map((p) => fillFromResidentId(p, today));
  return filled.every((p, i) => p === parties[i]) ? parties : filled;
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
  // the parties a start carried in, as first shown: laid out with the hall's date once it is known
  const [started, setStarted] = useState<StartedParties | null>(null);

  const reset = useCallback((nextKind: CivilKind, carried: ServiceStart['parties'], nextContact: string | null) => {
    const shown = partiesFromStart(nextKind, carried, null);
    setKind(nextKind);
    setParties(shown);
    setChecks(BLANK_CHECKS);
    setReissue(blankReissue());
    setCertificateNo('');
    setNationalCheck([false, false]);
    setMarriageCertificateNos('');
    setContactId(nextContact);
    setTouched(new Set());
    setShowAll(false);
    setStarted({ kind: nextKind, carried, shown });
  }, []);

  // numbers carried over from a ticket or a check-in give the birth date and sex, and so which card (男方, 女方) each party takes
  // (numbers read or typed before the date was known are completed when it comes)
  useEffect(() => {
    if (today === null) return;
    setParties((prev) => (started !== null && prev === started.shown ? partiesFromStart(started.kind, started.carried, today) : filledFromNumbers(prev, today)));
    if (started !== null) setStarted(null);
  }, [today, started]);

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
