/**
 * 婚姻登记: marriage registration, divorce application (cooling-off) and
 * certificate replacement at the counter. Keyboard first: Enter moves to the
 * next field, Ctrl+Enter registers or accepts, Alt+R opens the refusal, the
 * ID card reader fills a party from anywhere on the form.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import type { CivilKind } from '../../../shared/api/marriage';
import { marriageFormKind } from '../../../shared/domain/marriage-rules';
import type { RendererApi } from '../api';
import { ErrorBanner } from '../ui';
import { useLatest } from '../useLatest';
import { ChecksCard } from './ChecksCard';
import { EligibilityCard } from './EligibilityCard';
import type { ServiceStart } from './form';
import { MarriageHead } from './MarriageHead';
import { OutcomeView } from './OutcomeView';
import { EthnicGroupList, PartyCard, partyFieldId } from './PartyCard';
import { shownProblems } from './problems';
import { RefusalCard } from './RefusalCard';
import { ReissueFields } from './ReissueFields';
import { useCardReaderFill } from './useCardReaderFill';
import { useLiveCheck } from './useLiveCheck';
import { refuseButtonId, useMarriageActions } from './useMarriageActions';
import { useMarriageForm } from './useMarriageForm';
import { enterMovesToNextField, useFocusRequest, useShortcuts } from './useShortcuts';
import './marriage.css';

export function MarriagePanel({ api, start }: { api: RendererApi; start: ServiceStart | null }) {
  const prefix = useId().replace(/:/g, '');
  const rootRef = useRef<HTMLDivElement>(null);
  // the form opens with the cursor in the first party's document number
  const focus = useFocusRequest(partyFieldId(prefix, 0, 'documentNumber'));
  const form = useMarriageForm(api);
  const { kind, parties } = form;
  const actions = useMarriageActions(api, form, prefix);
  const { outcome, refusal } = actions;
  const live = useLiveCheck(api, { kind, parties, checks: form.checks, paused: outcome !== null });
  const openRefusal = () => actions.openRefusal(live.check?.suggestedRefusals ?? []);
  const reader = useCardReaderFill({ form, rootRef, enabled: outcome === null, onFilled: (i) => focus(partyFieldId(prefix, i, 'name')) });

  const restart = (nextKind: CivilKind, carried: ServiceStart['parties'], contactId: string | null) => {
    actions.clearActions();
    reader.clearReaderNote();
    form.reset(nextKind, carried, contactId);
    focus(partyFieldId(prefix, 0, 'documentNumber'));
  };
  const restartRef = useLatest(restart);

  // a service started from the appointments list or the intake panel; a new start object alone triggers this
  useEffect(() => {
    if (start) restartRef.current(marriageFormKind(start.itemCode) ?? 'marriage', start.parties, start.contactId);
  }, [start]);

  // 离婚登记: the couple's marriage registered here fills in the certificate number
  const ledgerCertificateNo = kind === 'divorce' ? (live.check?.ledgerMarriage?.certificateNo ?? null) : null;
  const { setMarriageCertificateNos } = form;
  useEffect(() => {
    if (ledgerCertificateNo !== null) setMarriageCertificateNos((prev) => (prev.trim() === '' ? ledgerCertificateNo : prev));
  }, [ledgerCertificateNo, setMarriageCertificateNos]);

  const { today, touched, showAll } = form;
  const { serverProblems } = actions;
  const problems = useMemo(() => shownProblems({ parties, today, check: live.check, server: serverProblems, showAll, touched }), [parties, today, live.check, serverProblems, showAll, touched]);

  const next = () => restart(kind, [], null);
  useShortcuts({
    primary: () => (outcome ? next() : refusal ? void actions.confirmRefusal() : void actions.submit()),
    refuse: outcome || refusal ? undefined : openRefusal,
    next: outcome ? next : undefined,
    cancel: refusal ? actions.cancelRefusal : undefined,
  });

  const switchKind = (nextKind: CivilKind) => {
    if (nextKind === kind) return;
    actions.clear();
    form.switchKind(nextKind);
    actions.setRefusal(null);
  };

  const primaryLabel = kind === 'divorce' ? '受理' : kind === 'reissue' ? '补领登记' : '登记';
  if (outcome) return <OutcomeView outcome={outcome} prefix={prefix} onNext={next} />;

  return (
    <div className="panel mar-panel" ref={rootRef}>
      <EthnicGroupList />
      <form className="mar-form" onKeyDown={enterMovesToNextField} onSubmit={(e) => e.preventDefault()} noValidate aria-label="婚姻登记">
        <MarriageHead prefix={prefix} kind={kind} onKind={switchKind} readerReady={reader.readerReady} fromContact={form.contactId !== null} />
        {reader.readerNote ? <div className="banner banner-warn">{reader.readerNote}</div> : null}
        <ErrorBanner error={actions.error} />

        <fieldset disabled={actions.busy} className="mar-body">
          <div className={`mar-parties${parties.length === 1 ? ' single' : ''}`}>
            {parties.map((party, i) => (
              <PartyCard
                key={i}
                prefix={prefix}
                kind={kind}
                index={i}
                party={party}
                problems={problems[i] ?? {}}
                derived={live.check?.derived[i] ?? null}
                onChange={(patch, field) => form.updateParty(i, patch, field)}
                onBlurField={(field) => form.touch(i, field)}
                onRemove={kind === 'reissue' && parties.length === 2 && i === 1 ? form.removeSecondParty : undefined}
              />
            ))}
            {kind === 'reissue' && parties.length === 1 ? (
              <button type="button" className="secondary mar-add" onClick={form.addParty}>
                双方同来补领：添加另一方
              </button>
            ) : null}
          </div>

          {kind === 'reissue' ? <ReissueFields prefix={prefix} value={form.reissue} onChange={form.setReissue} /> : null}
          <ChecksCard prefix={prefix} form={form} error={actions.error} ledgerCertificateNo={ledgerCertificateNo} />
          <EligibilityCard complete={live.complete} checking={live.checking} check={live.check} primaryLabel={primaryLabel} />

          {refusal ? (
            <RefusalCard prefix={prefix} refusal={refusal} onChange={actions.setRefusal} onCancel={() => actions.setRefusal(null)} onConfirm={() => void actions.confirmRefusal()} />
          ) : (
            <div className="actions mar-actions">
              <button type="button" id={refuseButtonId(prefix)} className="secondary danger-outline" onClick={openRefusal}>
                不予登记（Alt+R）
              </button>
              <button type="button" className="primary big" onClick={() => void actions.submit()}>
                {primaryLabel}（Ctrl+Enter）
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </div>
  );
}
