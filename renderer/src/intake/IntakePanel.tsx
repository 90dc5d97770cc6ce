/**
 * 接待受理: first contact, the materials checklist, one-time notification,
 * referral, acceptance with a receipt, and resuming by notification number.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Contact } from '../../../shared/api/intake';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import { marriageFormKind } from '../../../shared/domain/marriage-rules';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { JobPreview } from '../printing/PrintJobsPanel';
import { RatingRequest } from '../rating/RatingRequest';
import type { ServiceStart } from '../marriage/form';
import { TableHead } from '../TableHead';

const STATUS_LABELS: Record<Contact['status'], string> = {
  open: '接待中',
  notified: '已告知，待补材料',
  referred: '已引导',
  accepted: '已受理',
  closed: '已结束',
};

const BLANK_START = { itemCode: '', channel: 'walkIn' as 'walkIn' | 'appointment', applicantName: '', applicantPhone: '', applicantIdNumber: '' };

interface Outcome {
  message: string;
  printJobId: string;
}

export function IntakePanel(props: { api: RendererApi; start: ServiceStart | null; onStartService: (start: ServiceStart) => void }) {
  const { api, start: carried, onStartService } = props;
  const [start, setStart] = useState(BLANK_START);
  const [contact, setContact] = useState<Contact | null>(null);
  const [received, setReceived] = useState<Set<string>>(new Set());
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [slipNo, setSlipNo] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const { run, error, busy, clear } = useAction(api);

  const catalogueQuery = useQuery(api, 'catalogue.get', {});
  const mineQuery = useQuery(api, 'intake.mine', {});
  const catalogue = catalogueQuery.data ?? null;
  const mine: Contact[] = mineQuery.data ?? [];
  const reloadMine = mineQuery.reload;

  // a contact started from 今日预约 opens at once, with what was booked (name, document number, phone)
  useEffect(() => {
    if (!carried) return;
    void api.call('intake.mine', {}).then((r) => {
      const c = r.ok ? r.value.find((m) => m.id === carried.contactId) : undefined;
      if (!c) return;
      setContact(c);
      setReceived(new Set(c.receivedMaterialIds));
    });
  }, [api, carried]);

  const item: CatalogueItem | undefined = useMemo(
    () => catalogue?.items.find((i) => i.code === contact?.itemCode),
    [catalogue, contact],
  );

  const open = (c: Contact) => {
    clear();
    setOutcome(null);
    setWarning(null);
    setContact(c);
    setReceived(new Set(c.receivedMaterialIds));
    setProblems({});
  };

  // after 开始接待 the clerk goes on with the materials checklist
  const checklist = useRef<HTMLTableElement>(null);
  const [toChecklist, setToChecklist] = useState(false);
  useEffect(() => {
    if (!toChecklist) return;
    checklist.current?.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus();
    setToChecklist(false);
  }, [toChecklist]);

  const begin = async (e: FormEvent) => {
    e.preventDefault();
    const c = await run('intake.start', start);
    if (c) {
      setStart(BLANK_START);
      open(c);
      setToChecklist(true);
      await reloadMine();
    }
  };

  const resume = async (e: FormEvent) => {
    e.preventDefault();
    const c = await run('intake.resume', { slipNo });
    if (c) {
      setSlipNo('');
      open(c);
    }
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(received);
    if (on) next.add(id);
    else next.delete(id);
    setReceived(next);
  };

  const problemList = Object.entries(problems)
    .filter(([id, text]) => received.has(id) && text.trim() !== '')
    .map(([materialId, problem]) => ({ materialId, problem: problem.trim() }));
  const missingCount = item ? item.materials.filter((m) => m.required && !received.has(m.id)).length + problemList.length : 0;

  const after = async (result: { contact: Contact; printJobId: string } | undefined, message: string) => {
    if (!result) return;
    setContact(result.contact);
    setOutcome({ message, printJobId: result.printJobId });
    await reloadMine();
  };

  const notify = async () =>
    after(await run('intake.notify', { id: contact?.id ?? '', receivedMaterialIds: [...received], problems: problemList }), '一次性告知单已送打印');
  const refer = async () => after(await run('intake.refer', { id: contact?.id ?? '' }), '引导单已送打印');
  const accept = async () => {
    const result = await run('intake.accept', { id: contact?.id ?? '', receivedMaterialIds: [...received] });
    if (result) {
      setWarning(result.warning);
      await after(result, `已受理，受理编号 ${result.case.caseNo}，承诺办结：${result.case.dueDate ?? '待定'}，回执已送打印`);
    }
  };
  const close = async (reason: 'consulted' | 'referralDone' | 'withdrawn') => {
    const c = await run('intake.close', { id: contact?.id ?? '', reason });
    if (c) {
      // the finished contact stays on screen: the clerk may ask the applicant to rate the service
      setContact(c);
      setOutcome(null);
      await reloadMine();
    }
  };

  const editable = contact && (contact.status === 'open' || contact.status === 'notified');
  // marriage, divorce and 补领 are handled by their 婚姻登记 form (rules, certificate numbers, cooling-off), not accepted here
  const marriageForm = contact !== null && marriageFormKind(contact.itemCode) !== null;

  const openMarriageForm = async () => {
    if (!contact) return;
    const prefill = await run('marriage.prefill', { contactId: contact.id });
    if (prefill) onStartService({ contactId: contact.id, itemCode: contact.itemCode, parties: prefill.parties });
  };

  return (
    <div className="panel intake-panel">
      <div className="intake-side">
        <form className="card" onSubmit={begin} noValidate>
          <h2>新接待</h2>
          <Field label="办理事项" error={fieldError(error, 'itemCode')}>
            {/* the first field of the clerk's first screen has the cursor after login */}
            <select name="itemCode" autoFocus value={start.itemCode} onChange={(e) => setStart({ ...start, itemCode: e.target.value })}>
              <option value="">请选择…</option>
              {catalogue?.items.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="radio-row" role="radiogroup" aria-label="接待方式">
            {(['walkIn', 'appointment'] as const).map((ch) => (
              <label key={ch} className="check">
                <input type="radio" name="channel" checked={start.channel === ch} onChange={() => setStart({ ...start, channel: ch })} />
                {ch === 'walkIn' ? '现场' : '预约'}
              </label>
            ))}
          </div>
          <Field label="申请人姓名" error={fieldError(error, 'applicantName')}>
            <input name="applicantName" value={start.applicantName} maxLength={30} onChange={(e) => setStart({ ...start, applicantName: e.target.value })} />
          </Field>
          <Field label="联系电话（可不填）" error={fieldError(error, 'applicantPhone')}>
            <input name="applicantPhone" value={start.applicantPhone} inputMode="tel" maxLength={20} onChange={(e) => setStart({ ...start, applicantPhone: e.target.value })} />
          </Field>
          <Field label="证件号码（可不填，加密保存，屏幕和单据只显示脱敏值）" error={fieldError(error, 'applicantIdNumber')}>
            <input name="applicantIdNumber" value={start.applicantIdNumber} maxLength={40} onChange={(e) => setStart({ ...start, applicantIdNumber: e.target.value })} />
          </Field>
          <button type="submit" className="primary" disabled={busy}>
            开始接待
          </button>
        </form>
        <form className="card" onSubmit={resume} noValidate>
          <h2>凭告知单继续办理</h2>
          <Field label="告知单编号" error={fieldError(error, 'slipNo')} hint="扫描告知单上的二维码，或输入编号后按回车">
            <input name="slipNo" value={slipNo} onChange={(e) => setSlipNo(e.target.value)} maxLength={40} />
          </Field>
          <button type="submit" className="secondary" disabled={busy}>
            查找
          </button>
        </form>
        <section className="card">
          <h2>我的未结接待</h2>
          {mine.length === 0 ? <p className="muted">暂无</p> : null}
          <ul className="contact-list" data-testid="my-contacts">
            {mine.map((c) => (
              <li key={c.id}>
                <button type="button" className="link" onClick={() => open(c)}>
                  {c.applicantName} · {c.itemName}
                </button>
                <span className={`tag tag-${c.status}`}>{STATUS_LABELS[c.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="card intake-main" data-testid="contact-card">
        <QueryError query={catalogueQuery} what="事项目录" />
        <QueryError query={mineQuery} what="本窗口接待记录" />
        <ErrorBanner error={error} />
        {!contact ? (
          <p className="muted">选择办理事项并填写申请人，开始接待；或凭一次性告知单编号继续办理。</p>
        ) : (
          <>
            <div className="card-head">
              <h2>
                {contact.itemName} · {contact.applicantName}
              </h2>
              <span className={`tag tag-${contact.status}`} data-testid="contact-status">
                {STATUS_LABELS[contact.status]}
              </span>
            </div>
            <p className="muted">
              接待编号 {contact.number} · {contact.channel === 'walkIn' ? '现场' : '预约'} · 首问责任人 {contact.owner.name}（{contact.owner.staffNo}）
              {contact.applicantIdMasked ? ` · 证件 ${contact.applicantIdMasked}` : ''}
              {contact.applicantPhone ? ` · 电话 ${contact.applicantPhone}` : ''}
              {contact.notification ? ` · 告知单 ${contact.notification.slipNo}` : ''}
              {contact.caseNo ? ` · 受理编号 ${contact.caseNo}` : ''}
            </p>
            {outcome ? <Notice>{outcome.message}</Notice> : null}
            {contact.status === 'accepted' || contact.status === 'closed' ? <RatingRequest key={contact.id} api={api} contactId={contact.id} /> : null}
            {warning ? <div className="banner banner-warn">{warning}</div> : null}
            {!contact.handledHere && contact.status !== 'closed' ? (
              <div className="referral-box">
                <p>本窗口不办理“{contact.itemName}”。请开具引导单，告诉申请人到哪里办理；该接待仍由您负责跟进，直到结束。</p>
                <div className="actions">
                  <button type="button" className="primary" onClick={refer} disabled={busy}>
                    打印引导单
                  </button>
                  {contact.status === 'referred' ? (
                    <button type="button" className="secondary" onClick={() => close('referralDone')} disabled={busy}>
                      引导完毕，结束接待
                    </button>
                  ) : null}
                </div>
              </div>
            ) : null}
            {contact.handledHere && item ? (
              <>
                <h3>材料清单（勾选已收到的材料）</h3>
                <table className="table materials" data-testid="materials" ref={checklist}>
                  <TableHead columns={['已收', '材料', '要求', '不符合要求时填写原因']} />
                  <tbody>
                    {item.materials.map((m) => (
                      <tr key={m.id}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={m.name}
                            checked={received.has(m.id)}
                            disabled={!editable}
                            onChange={(e) => toggle(m.id, e.target.checked)}
                          />
                        </td>
                        <td>
                          {m.name}
                          {m.required ? null : <span className="muted">（如有）</span>}
                        </td>
                        <td className="muted">{m.standard}</td>
                        <td>
                          <input
                            aria-label={`${m.name}不符合原因`}
                            className="problem-input"
                            value={problems[m.id] ?? ''}
                            maxLength={60}
                            disabled={!editable || !received.has(m.id)}
                            onChange={(e) => setProblems({ ...problems, [m.id]: e.target.value })}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="muted">
                  法律依据：{item.legalBasis} · 时限：{item.timeLimit.kind === 'onTheSpot' ? '当场办结' : `${item.timeLimit.days} 个工作日`} · 收费：{item.fee}
                </p>
                {editable ? (
                  <div className="actions">
                    <button type="button" className="secondary" onClick={() => close('consulted')} disabled={busy}>
                      仅咨询，结束接待
                    </button>
                    <button type="button" className="warning" onClick={notify} disabled={busy || missingCount === 0}>
                      打印一次性告知单{missingCount > 0 ? `（缺 ${missingCount} 项）` : ''}
                    </button>
                    {marriageForm ? (
                      <button type="button" className="primary" onClick={() => void openMarriageForm()} disabled={busy}>
                        在婚姻登记中办理
                      </button>
                    ) : (
                      <button type="button" className="primary" onClick={accept} disabled={busy || missingCount > 0}>
                        受理并打印回执
                      </button>
                    )}
                  </div>
                ) : null}
                {editable && marriageForm ? (
                  <p className="muted" data-testid="marriage-form-note">
                    “{contact.itemName}”在“婚姻登记”中办理（核对登记条件、证书字号{marriageFormKind(contact.itemCode) === 'divorce' ? '、离婚冷静期' : ''}），申请人的姓名、证件号码和电话将带入登记表。
                  </p>
                ) : null}
              </>
            ) : null}
            {outcome ? <JobPreview api={api} jobId={outcome.printJobId} /> : null}
          </>
        )}
      </section>
    </div>
  );
}
