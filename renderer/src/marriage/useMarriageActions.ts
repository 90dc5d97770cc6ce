/** Registering, accepting a divorce application or refusing, and the outcome the clerk sees afterwards. */
import { useMemo, useState } from 'react';
import type { CivilCase } from '../../../shared/api/marriage';
import { REFUSAL_REASONS, type RefusalReason } from '../../../shared/domain/marriage-rules';
import type { RendererApi } from '../api';
import { useAction } from '../ui';
import { splitCertificateNumbers, toPartyInput, toReissue } from './form';
import type { Outcome } from './OutcomeView';
import { firstProblem, problemsFromPaths } from './problems';
import { partyFieldId } from './PartyCard';
import { refusalReasonId, type RefusalDraft } from './RefusalCard';
import type { MarriageForm } from './useMarriageForm';

export function outcomeButtonId(prefix: string): string {
  return `${prefix}-next`;
}

export function refuseButtonId(prefix: string): string {
  return `${prefix}-refuse`;
}

export function useMarriageActions(api: RendererApi, form: MarriageForm, prefix: string) {
  const { run, error, busy, clear } = useAction(api);
  const [refusal, setRefusal] = useState<RefusalDraft | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const count = form.parties.length;
  // the core's field problems answer the parties it was sent: once the clerk edits a party, the next submit asks again
  const [sent, setSent] = useState<MarriageForm['parties'] | null>(null);
  const answered = sent === form.parties ? error?.fields : undefined;
  const serverProblems = useMemo(() => problemsFromPaths(answered, count), [answered, count]);

  const done = (result: { case: CivilCase; printJobId: string; warning?: string | null } | undefined, how: Outcome['kind']) => {
    if (!result) return;
    setRefusal(null);
    setOutcome({ kind: how, civilCase: result.case, printJobId: result.printJobId, warning: result.warning ?? null });
    window.setTimeout(() => document.getElementById(outcomeButtonId(prefix))?.focus(), 0);
  };

  const submit = async () => {
    if (busy || outcome) return;
    form.setShowAll(true);
    const invalid = firstProblem(form.parties, form.today, serverProblems);
    if (invalid) {
      document.getElementById(partyFieldId(prefix, invalid[0], invalid[1]))?.focus();
      return;
    }
    const { kind, contactId, checks } = form;
    setSent(form.parties);
    const parties = form.parties.map(toPartyInput);
    if (kind === 'divorce') {
      done(await run('divorce.accept', { contactId, parties, checks, marriageCertificateNos: splitCertificateNumbers(form.marriageCertificateNos) }), 'accepted');
      return;
    }
    const reissue = kind === 'reissue' ? toReissue(form.reissue) : null;
    done(await run('marriage.register', { kind, contactId, parties, checks, certificateNo: form.certificateNo.trim(), reissue, nationalCheck: form.nationalCheck }), 'registered');
  };

  /** Opens the refusal with the reasons the live check suggests ticked. */
  const openRefusal = (suggested: readonly RefusalReason[]) => {
    if (outcome) return;
    setRefusal({ reasons: new Set(suggested), note: '' });
    window.setTimeout(() => document.getElementById(refusalReasonId(prefix, 0))?.focus(), 0);
  };

  const cancelRefusal = () => {
    setRefusal(null);
    document.getElementById(refuseButtonId(prefix))?.focus();
  };

  const confirmRefusal = async () => {
    if (!refusal || busy) return;
    form.setShowAll(true);
    const reasons = REFUSAL_REASONS.filter((r) => refusal.reasons.has(r));
    const { kind, contactId, checks } = form;
    setSent(form.parties);
    done(await run('marriage.refuse', { kind, contactId, parties: form.parties.map(toPartyInput), checks, reasons, note: refusal.note.trim() }), 'refused');
  };

  /** Back to a blank form (a new start, 下一位): no refusal, outcome or error left over. */
  const clearActions = () => {
    clear();
    setRefusal(null);
    setOutcome(null);
  };

  return { error, busy, clear, serverProblems, refusal, setRefusal, outcome, submit, openRefusal, cancelRefusal, confirmRefusal, clearActions };
}
