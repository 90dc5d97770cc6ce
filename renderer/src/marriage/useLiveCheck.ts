/** The live eligibility check: debounced, and only once every field passes the contract's schema. */
import { useEffect, useMemo, useState } from 'react';
import { partyInputSchema, type CivilChecks, type CivilKind } from '../../../shared/api/marriage';
import type { ResponseOf } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { toPartyInput, type PartyForm } from './form';

export type CheckResult = ResponseOf<'marriage.check'>;

export const CHECK_DELAY_MS = 300;

export function isComplete(parties: readonly PartyForm[]): boolean {
  return parties.every((p) => partyInputSchema.safeParse(toPartyInput(p)).success);
}

export function useLiveCheck(api: RendererApi, input: { kind: CivilKind; parties: PartyForm[]; checks: CivilChecks; paused: boolean }) {
  const { kind, parties, checks, paused } = input;
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const complete = useMemo(() => isComplete(parties), [parties]);
  useEffect(() => {
    if (!complete || paused) {
      setCheck(null);
      return undefined;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      setChecking(true);
      void api.call('marriage.check', { kind, parties: parties.map(toPartyInput), checks }).then((r) => {
        if (cancelled) return;
        setChecking(false);
        setCheck(r.ok ? r.value : null);
      });
    }, CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [api, kind, parties, checks, complete, paused]);
  return { check, checking, complete };
}
