/**
 * 婚姻登记: marriage registration, divorce application (cooling-off) and
 * certificate replacement at the counter. Keyboard first: Enter moves to the
 * next field, Ctrl+Enter registers or accepts, Alt+R opens the refusal, the
 * ID card reader fills a party from anywhere on the form.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { partyInputSchema, type CivilCase, type CivilChecks, type CivilKind } from '../../../shared/api/marriage';
import type { ResponseOf } from '../../../shared/contract';
import { partyProblems, type PartyField } from '../../../shared/domain/civil-party';
import { marriageFormKind, NATIONAL_CHECK_LABELS, REFUSAL_REASON_LABELS, REFUSAL_REASONS, type RefusalReason } from '../../../shared/domain/marriage-rules';
import { hallDay } from '../../../shared/domain/stats';
import type { RendererApi } from '../api';
import { KeyboardWedgeReader } from '../idreader/IdCardReader';
import { useIdCardReader } from '../idreader/useIdCardReader';
import { ErrorBanner, useAction } from '../ui';
import {
  applyCardReading,
  asFacts,
  BLANK_CHECKS,
  blankParty,
  blankReissue,
  CHECK_LABELS,
  fillFromResidentId,
  KIND_LABELS,
  normalizeDateTyping,
  PARTY_FIELDS,
  partiesFromStart,
  splitCertificateNumbers,
  toPartyInput,
  toReissue,
  type PartyForm,
  type ReissueForm,
  type ServiceStart,
} from './form';
import { EthnicGroupList, PartyCard, partyFieldId } from './PartyCard';
import './marriage.css';

type CheckResult = ResponseOf<'marriage.check'>;
type FieldProblems = Partial<Record<PartyField, string>>[];

interface Outcome {
  kind: 'registered' | 'accepted' | 'refused';
  civilCase: CivilCase;
  printJobId: string;
  warning: string | null;
}

const CHECK_DELAY_MS = 300;

/** A schema message 'parties.0.name' → '姓名：不能为空' shown under the field, without the label. */
function problemsFromPaths(fields: Record<string, string> | undefined, count: number): FieldProblems {
  const out: FieldProblems = Array.from({ length: count }, () => ({}));
  for (const [path, message] of Object.entries(fields ?? {})) {
    const m = /^parties\.(\d)\.(\w+)$/.exec(path);
    if (!m) continue;
    const target = out[Number(m[1])];
    if (target) target[m[2] as PartyField] = message.slice(message.indexOf('：') + 1);
  }
  return out;
}

function isComplete(parties: readonly PartyForm[]): boolean {
  return parties.every((p) => partyInputSchema.safeParse(toPartyInput(p)).success);
}

function slipName(outcome: Outcome): string {
  if (outcome.kind === 'refused') return '不予登记告知书';
  if (outcome.kind === 'accepted') return '离婚登记申请受理回执';
  // the name printed on the slip (shared/print/slips/marriage.ts): {matter}办结单
  const { civilCase } = outcome;
  if (civilCase.kind === 'reissue') return civilCase.reissue?.originalKind === 'divorce' ? '补领离婚证办结单' : '补领结婚证办结单';
  return civilCase.kind === 'divorce' ? '离婚登记办结单' : '结婚登记办结单';
}

export function MarriagePanel({ api, start }: { api: RendererApi; start: ServiceStart | null }) {
  const prefix = useId().replace(/:/g, '');
  const rootRef = useRef<HTMLDivElement>(null);
  const [kind, setKind] = useState<CivilKind>('marriage');
  const [parties, setParties] = useState<PartyForm[]>(() => partiesFromStart('marriage', [], null));
  const [checks, setChecks] = useState<CivilChecks>(BLANK_CHECKS);
  const [reissue, setReissue] = useState<ReissueForm>(blankReissue);
  const [certificateNo, setCertificateNo] = useState('');
  // 结婚登记: 男方, 女方 checked in 全国婚姻登记信息系统 (联网核查)
  const [nationalCheck, setNationalCheck] = useState<[boolean, boolean]>([false, false]);
  // 离婚登记: the marriage certificate number(s) presented
  const [marriageCertificateNos, setMarriageCertificateNos] = useState('');
  const [contactId, setContactId] = useState<string | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [today, setToday] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<{ reasons: Set<RefusalReason>; note: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [readerNote, setReaderNote] = useState<string | null>(null);
  // the form opens with the cursor in the first party's document number
  const [focusNext, setFocusNext] = useState<string | null>(() => partyFieldId(prefix, 0, 'documentNumber'));
  const { run, error, busy, clear } = useAction(api);

  // the hall's date comes from the workstation's clock, not the browser's
  useEffect(() => {
    void api.call('display.state', {}).then((r) => setToday(hallDay(r.ok ? r.value.serverTime : new Date().toISOString())));
  }, [api]);

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
    setCheck(null);
    setRefusal(null);
    setOutcome(null);
    setReaderNote(null);
    setFocusNext(partyFieldId(prefix, 0, 'documentNumber'));
  }, [prefix]);

  // a service started from the appointments list or the intake panel
  useEffect(() => {
    if (!start) return;
    clear();
    reset(marriageFormKind(start.itemCode) ?? 'marriage', start.parties, start.contactId);
    // clear is a new function every render; a new start object alone triggers this
  }, [start, reset]);

  // numbers carried over from a check-in give the birth date and sex once the hall's date is known
  useEffect(() => {
    if (today !== null) setParties((prev) => (prev.every((p) => fillFromResidentId(p, today) === p) ? prev : prev.map((p) => fillFromResidentId(p, today))));
  }, [today, start]);

  useEffect(() => {
    if (focusNext === null) return;
    const element = document.getElementById(focusNext);
    if (element instanceof HTMLElement) element.focus();
    setFocusNext(null);
  }, [focusNext]);

  // live check, debounced; only once every field passes the contract's schema
  const complete = useMemo(() => isComplete(parties), [parties]);
  useEffect(() => {
    if (!complete || outcome) {
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
  }, [api, kind, parties, checks, complete, outcome]);

  // 离婚登记: the couple's marriage registered here fills in the certificate number
  const ledgerCertificateNo = kind === 'divorce' ? (check?.ledgerMarriage?.certificateNo ?? null) : null;
  useEffect(() => {
    if (ledgerCertificateNo !== null) setMarriageCertificateNos((prev) => (prev.trim() === '' ? ledgerCertificateNo : prev));
  }, [ledgerCertificateNo]);

  const serverProblems = useMemo(() => problemsFromPaths(error?.fields, parties.length), [error, parties.length]);

  const problems: FieldProblems = useMemo(
    () =>
      parties.map((p, i) => {
        const local = today ? partyProblems(asFacts(p), today) : {};
        const fromCheck: Partial<Record<PartyField, string>> = {};
        for (const fp of check?.fieldProblems ?? []) if (fp.party === i) fromCheck[fp.field as PartyField] = fp.message;
        const all = { ...local, ...serverProblems[i], ...fromCheck };
        if (showAll) return all;
        const shown: Partial<Record<PartyField, string>> = {};
        for (const field of PARTY_FIELDS) {
          const message = all[field];
          if (message && touched.has(`${i}.${field}`)) shown[field] = message;
        }
        return shown;
      }),
    [parties, today, check, serverProblems, showAll, touched],
  );

  const touch = (i: number, field: PartyField) =>
    setTouched((prev) => {
      const key = `${i}.${field}`;
      if (prev.has(key)) return prev;
      const next = new Set(prev);
      next.add(key);
      return next;
    });

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

  // the ID card reader: the focused party card, else the first party without a number
  const reader = useMemo(() => new KeyboardWedgeReader(), []);
  const onRead = (number: string) => {
    if (outcome) return;
    const active = document.activeElement;
    const card = active instanceof HTMLElement && rootRef.current?.contains(active) ? active.closest<HTMLElement>('[data-party]') : null;
    let index = card ? Number(card.dataset.party) : parties.findIndex((p) => p.documentNumber.trim() === '');
    if (index < 0 && kind === 'reissue' && parties.length === 1) {
      // a replacement for two: the second card appears for the second card read
      setParties((prev) => [...prev, blankParty()]);
      index = 1;
    }
    if (index < 0) {
      setReaderNote('已读取身份证，但双方证件号码都已填写：请先把光标放到要填写的一方，再读卡');
      return;
    }
    setReaderNote(null);
    setParties((prev) => prev.map((p, j) => (j === index ? applyCardReading(p, number, today) : p)));
    touch(index, 'documentNumber');
    setFocusNext(partyFieldId(prefix, index, 'name'));
  };
  const readerReady = useIdCardReader(reader, onRead);

  const firstProblemField = (): string | null => {
    for (let i = 0; i < parties.length; i++) {
      const p = parties[i];
      if (!p || !today) continue;
      const all = { ...partyProblems(asFacts(p), today), ...serverProblems[i] };
      const field = PARTY_FIELDS.find((f) => all[f]);
      if (field) return partyFieldId(prefix, i, field);
    }
    return null;
  };

  const done = (result: { case: CivilCase; printJobId: string; warning?: string | null } | undefined, how: Outcome['kind']) => {
    if (!result) return;
    setRefusal(null);
    setOutcome({ kind: how, civilCase: result.case, printJobId: result.printJobId, warning: result.warning ?? null });
    window.setTimeout(() => document.getElementById(`${prefix}-next`)?.focus(), 0);
  };

  const submit = async () => {
    if (busy || outcome) return;
    setShowAll(true);
    const invalid = firstProblemField();
    if (invalid) {
      document.getElementById(invalid)?.focus();
      return;
    }
    const input = parties.map(toPartyInput);
    if (kind === 'divorce') {
      done(await run('divorce.accept', { contactId, parties: input, checks, marriageCertificateNos: splitCertificateNumbers(marriageCertificateNos) }), 'accepted');
    } else {
      done(
        await run('marriage.register', {
          kind,
          contactId,
          parties: input,
          checks,
          certificateNo: certificateNo.trim(),
          reissue: kind === 'reissue' ? toReissue(reissue) : null,
          nationalCheck,
        }),
        'registered',
      );
    }
  };

  const openRefusal = () => {
    if (outcome) return;
    setRefusal({ reasons: new Set(check?.suggestedRefusals ?? []), note: '' });
    window.setTimeout(() => document.getElementById(`${prefix}-reason-0`)?.focus(), 0);
  };

  const confirmRefusal = async () => {
    if (!refusal || busy) return;
    setShowAll(true);
    const reasons = REFUSAL_REASONS.filter((r) => refusal.reasons.has(r));
    done(await run('marriage.refuse', { kind, contactId, parties: parties.map(toPartyInput), checks, reasons, note: refusal.note.trim() }), 'refused');
  };

  const next = () => {
    clear();
    reset(kind, [], null);
  };

  // shortcuts that work anywhere in the panel
  const shortcuts = useRef<(e: KeyboardEvent) => void>(() => undefined);
  shortcuts.current = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (outcome) next();
      else if (refusal) void confirmRefusal();
      else void submit();
    } else if (e.altKey && !e.ctrlKey && e.code === 'KeyR' && !outcome && !refusal) {
      e.preventDefault();
      openRefusal();
    } else if (e.altKey && !e.ctrlKey && e.code === 'KeyN' && outcome) {
      e.preventDefault();
      next();
    } else if (e.key === 'Escape' && refusal) {
      e.preventDefault();
      setRefusal(null);
      document.getElementById(`${prefix}-refuse`)?.focus();
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => shortcuts.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // Enter moves to the next field instead of submitting
  const onFormKeyDown = (e: ReactKeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return;
    const target = e.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    e.preventDefault();
    if (target instanceof HTMLInputElement && target.id.endsWith('-birthDate')) {
      const normalized = normalizeDateTyping(target.value);
      if (normalized !== target.value) target.blur();
    }
    const order = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, button.primary')).filter(
      (el) => !(el as HTMLInputElement).disabled && el.tabIndex >= 0 && el.offsetParent !== null,
    );
    const at = order.indexOf(target);
    order[at + 1]?.focus();
  };

  const switchKind = (nextKind: CivilKind) => {
    if (nextKind === kind) return;
    clear();
    setKind(nextKind);
    setParties((prev) => (nextKind === 'reissue' ? prev : prev.length === 2 ? prev : [...prev, blankParty()]));
    setRefusal(null);
  };

  const primaryLabel = kind === 'divorce' ? '受理' : kind === 'reissue' ? '补领登记' : '登记';
  const eligibility = check?.problems ?? [];

  if (outcome) return <OutcomeView outcome={outcome} prefix={prefix} onNext={next} />;

  return (
    <div className="panel mar-panel" ref={rootRef}>
      <EthnicGroupList />
      <form className="mar-form" onKeyDown={onFormKeyDown} onSubmit={(e) => e.preventDefault()} noValidate aria-label="婚姻登记">
        <div className="card mar-head">
          <h2>婚姻登记</h2>
          <div className="mar-kinds" role="radiogroup" aria-label="登记类别">
            {(['marriage', 'divorce', 'reissue'] as const).map((k) => (
              <label key={k} className={`mar-kind${kind === k ? ' active' : ''}`}>
                <input type="radio" name={`${prefix}-kind`} value={k} checked={kind === k} onChange={() => switchKind(k)} />
                {KIND_LABELS[k]}
              </label>
            ))}
          </div>
          <span className={`mar-reader${readerReady ? ' ready' : ''}`} role="status" data-testid="id-reader-status">
            {readerReady ? '读卡器已就绪' : '读卡器未连接'}
          </span>
          {contactId ? <span className="tag tag-open">来自接待/预约</span> : null}
        </div>
        {readerNote ? <div className="banner banner-warn">{readerNote}</div> : null}
        <ErrorBanner error={error} />

        <fieldset disabled={busy} className="mar-body">
          <div className={`mar-parties${parties.length === 1 ? ' single' : ''}`}>
            {parties.map((party, i) => (
              <PartyCard
                key={i}
                prefix={prefix}
                kind={kind}
                index={i}
                party={party}
                problems={problems[i] ?? {}}
                derived={check?.derived[i] ?? null}
                onChange={(patch, field) => updateParty(i, patch, field)}
                onBlurField={(field) => touch(i, field)}
                onRemove={kind === 'reissue' && parties.length === 2 && i === 1 ? () => setParties((prev) => prev.slice(0, 1)) : undefined}
              />
            ))}
            {kind === 'reissue' && parties.length === 1 ? (
              <button type="button" className="secondary mar-add" onClick={() => setParties((prev) => [...prev, blankParty()])}>
                双方同来补领：添加另一方
              </button>
            ) : null}
          </div>

          {kind === 'reissue' ? <ReissueFields prefix={prefix} value={reissue} onChange={setReissue} /> : null}

          <div className="card mar-checks">
            <h3>现场核对</h3>
            <div className="mar-check-list">
              {CHECK_LABELS[kind].map(({ key, label }) => (
                <label key={key} className="check">
                  <input type="checkbox" checked={checks[key]} onChange={(e) => setChecks((prev) => ({ ...prev, [key]: e.target.checked }))} />
                  {label}
                </label>
              ))}
            </div>
            {kind === 'marriage' ? (
              <fieldset className="mar-national" data-testid="national-check">
                <legend className="field-label">全国婚姻登记信息系统联网核查（登记前必须核查双方）</legend>
                {NATIONAL_CHECK_LABELS.map((label, i) => (
                  <label key={label} className="check">
                    <input
                      type="checkbox"
                      checked={nationalCheck[i] === true}
                      onChange={(e) => setNationalCheck((prev) => (i === 0 ? [e.target.checked, prev[1]] : [prev[0], e.target.checked]))}
                    />
                    {label}
                  </label>
                ))}
                {error?.fields?.nationalCheck && !(nationalCheck[0] && nationalCheck[1]) ? <span className="field-error">{error.fields.nationalCheck}</span> : null}
              </fieldset>
            ) : null}
            {kind === 'divorce' ? (
              <div className="field mar-cert">
                <label className="field-label" htmlFor={`${prefix}-marriageCertificateNos`}>
                  结婚证字号
                </label>
                <input
                  id={`${prefix}-marriageCertificateNos`}
                  aria-label="结婚证字号"
                  className="mar-mono"
                  value={marriageCertificateNos}
                  maxLength={90}
                  autoComplete="off"
                  placeholder="如 J110105-2020-000123"
                  onChange={(e) => setMarriageCertificateNos(e.target.value)}
                />
                {error?.fields?.marriageCertificateNos ? <span className="field-error">{error.fields.marriageCertificateNos}</span> : null}
                <span className="field-hint" data-testid="ledger-marriage">
                  {ledgerCertificateNo !== null
                    ? `本登记处记录双方的结婚证字号为 ${ledgerCertificateNo}，已填入，请与双方出示的结婚证核对`
                    : '按双方出示的结婚证填写；两本字号不同时用逗号分开'}
                </span>
              </div>
            ) : (
              <div className="field mar-cert">
                <label className="field-label" htmlFor={`${prefix}-certificateNo`}>
                  证书字号
                </label>
                <input
                  id={`${prefix}-certificateNo`}
                  aria-label="证书字号"
                  className="mar-mono"
                  value={certificateNo}
                  maxLength={40}
                  autoComplete="off"
                  placeholder="留空则自动编号"
                  onChange={(e) => setCertificateNo(e.target.value)}
                />
                <span className="field-hint">留空由系统按字号格式自动编号；使用预印证书时填写证书上的字号</span>
              </div>
            )}
          </div>

          <div className="card mar-eligibility" aria-live="polite">
            <h3>登记条件检查{checking ? <span className="muted mar-checking">检查中…</span> : null}</h3>
            {!complete ? (
              <p className="muted">填写完双方信息后自动检查登记条件。</p>
            ) : eligibility.length === 0 && check ? (
              <p className="mar-ok">未发现问题，可以{primaryLabel}。</p>
            ) : (
              <ul className="mar-problems" data-testid="eligibility-problems">
                {eligibility.map((p, i) => (
                  <li key={`${p.code}-${i}`} data-code={p.code}>
                    {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>

          {refusal ? (
            <div className="card mar-refusal" role="group" aria-label="不予登记">
              <h3>不予登记</h3>
              <fieldset>
                <legend className="field-label">不予登记的理由（将印在不予登记告知书上）</legend>
                {REFUSAL_REASONS.map((r, i) => (
                  <label key={r} className="check">
                    <input
                      id={`${prefix}-reason-${i}`}
                      type="checkbox"
                      checked={refusal.reasons.has(r)}
                      onChange={(e) => {
                        const reasons = new Set(refusal.reasons);
                        if (e.target.checked) reasons.add(r);
                        else reasons.delete(r);
                        setRefusal({ ...refusal, reasons });
                      }}
                    />
                    {REFUSAL_REASON_LABELS[r]}
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label className="field-label" htmlFor={`${prefix}-refusal-note`}>
                  说明
                </label>
                <textarea
                  id={`${prefix}-refusal-note`}
                  aria-label="不予登记说明"
                  rows={2}
                  maxLength={200}
                  value={refusal.note}
                  onChange={(e) => setRefusal({ ...refusal, note: e.target.value })}
                />
              </div>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => setRefusal(null)}>
                  取消（Esc）
                </button>
                <button type="button" className="danger-button" disabled={refusal.reasons.size === 0} onClick={() => void confirmRefusal()}>
                  确认不予登记并打印告知书（Ctrl+Enter）
                </button>
              </div>
            </div>
          ) : (
            <div className="actions mar-actions">
              <button type="button" id={`${prefix}-refuse`} className="secondary danger-outline" onClick={openRefusal}>
                不予登记（Alt+R）
              </button>
              <button type="button" className="primary big" onClick={() => void submit()}>
                {primaryLabel}（Ctrl+Enter）
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </div>
  );
}

function ReissueFields({ prefix, value, onChange }: { prefix: string; value: ReissueForm; onChange: (next: ReissueForm) => void }) {
  const id = (k: string) => `${prefix}-reissue-${k}`;
  return (
    <div className="card mar-reissue">
      <h3>原登记信息</h3>
      <div className="mar-grid">
        <div className="field">
          <label className="field-label" htmlFor={id('kind')}>
            补领证件
          </label>
          <select id={id('kind')} aria-label="补领证件" value={value.originalKind} onChange={(e) => onChange({ ...value, originalKind: e.target.value as ReissueForm['originalKind'] })}>
            <option value="marriage">结婚证</option>
            <option value="divorce">离婚证</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('date')}>
            原登记日期
          </label>
          <input
            id={id('date')}
            aria-label="原登记日期"
            value={value.originalDate}
            maxLength={10}
            placeholder="2015-05-20"
            autoComplete="off"
            onChange={(e) => onChange({ ...value, originalDate: e.target.value })}
            onBlur={() => onChange({ ...value, originalDate: normalizeDateTyping(value.originalDate) })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('no')}>
            原证字号
          </label>
          <input id={id('no')} aria-label="原证字号" className="mar-mono" value={value.originalCertificateNo} maxLength={40} autoComplete="off" placeholder="不清楚可不填" onChange={(e) => onChange({ ...value, originalCertificateNo: e.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('reason')}>
            补领原因
          </label>
          <input id={id('reason')} aria-label="补领原因" list={`${prefix}-reissue-reasons`} value={value.reason} maxLength={60} autoComplete="off" onChange={(e) => onChange({ ...value, reason: e.target.value })} />
          <datalist id={`${prefix}-reissue-reasons`}>
            <option value="遗失" />
            <option value="损毁" />
            <option value="被盗" />
          </datalist>
        </div>
      </div>
    </div>
  );
}

function OutcomeView({ outcome, prefix, onNext }: { outcome: Outcome; prefix: string; onNext: () => void }) {
  const c = outcome.civilCase;
  const title = outcome.kind === 'refused' ? '已不予登记' : outcome.kind === 'accepted' ? '离婚登记申请已受理' : c.kind === 'reissue' ? '补领登记已办结' : '结婚登记已办结';
  return (
    <div className="panel mar-panel">
      <div className={`card mar-outcome mar-outcome-${outcome.kind}`} role="status" data-testid="marriage-outcome">
        <h2>{title}</h2>
        <dl className="mar-facts">
          <dt>受理编号</dt>
          <dd data-testid="case-no">{c.caseNo}</dd>
          <dt>当事人</dt>
          <dd>{c.parties.map((p) => `${p.name}（${p.documentNumberMasked}）`).join('、')}</dd>
          {c.certificateNo ? (
            <>
              <dt>证书字号</dt>
              <dd className="mar-mono" data-testid="certificate-no">
                {c.certificateNo}
              </dd>
            </>
          ) : null}
          {c.refusal ? (
            <>
              <dt>不予登记理由</dt>
              <dd>{c.refusal.labels.join('；')}</dd>
            </>
          ) : null}
          {c.divorce ? (
            <>
              <dt>冷静期届满</dt>
              <dd data-testid="cooling-off-end">{c.divorce.coolingOffEnd ?? '待定'}</dd>
              <dt>领证截止</dt>
              <dd data-testid="certificate-deadline">{c.divorce.certificateDeadline ?? '待定'}</dd>
              {c.divorce.pendingReason ? (
                <>
                  <dt>待定原因</dt>
                  <dd>{c.divorce.pendingReason}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
        {outcome.kind === 'accepted' ? <p className="muted">冷静期内任何一方可以撤回申请；冷静期届满后，双方须在领证截止日前共同到场办理离婚登记，逾期视为撤回申请。</p> : null}
        {outcome.warning ? <div className="banner banner-warn">{outcome.warning}</div> : null}
        <div className="banner banner-ok" data-testid="slip-printing" data-print-job={outcome.printJobId} title={outcome.printJobId}>
          {slipName(outcome)}已送打印，可在“打印”中查看和补打
        </div>
        <div className="actions">
          <button type="button" id={`${prefix}-next`} className="primary big" onClick={onNext}>
            下一位（Alt+N / Ctrl+Enter）
          </button>
        </div>
      </div>
    </div>
  );
}
