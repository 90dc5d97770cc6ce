/** The contact being served: who and what, the referral or the materials checklist, what the clerk can do next, and the slip printed. */
import type { Ref } from 'react';
import type { Contact } from '../../../shared/api/intake';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import { CONTACT_STATUS_LABELS } from '../../../shared/domain/contact-status';
import { marriageFormKind } from '../../../shared/domain/marriage-rules';
import type { RendererApi } from '../api';
import { JobPreview } from '../printing/PrintJobsPanel';
import { RatingRequest } from '../rating/RatingRequest';
import { Notice } from '../ui';
import { MaterialsTable } from './MaterialsTable';
import type { MaterialsChecklist } from './useMaterialsChecklist';

export type CloseReason = 'consulted' | 'referralDone' | 'withdrawn';

/** What the clerk can do with the contact; the panel runs each through the core. */
export interface ContactActions {
  busy: boolean;
  refer: () => void;
  close: (reason: CloseReason) => void;
  notify: () => void;
  accept: () => void;
  openMarriageForm: () => void;
}

export interface Outcome {
  message: string;
  printJobId: string;
}

function ContactHeader({ contact }: { contact: Contact }) {
  return (
    <>
      <div className="card-head">
        <h2>
          {contact.itemName} · {contact.applicantName}
        </h2>
        <span className={`tag tag-${contact.status}`} data-testid="contact-status">
          {CONTACT_STATUS_LABELS[contact.status]}
        </span>
      </div>
      <p className="muted">
        接待编号 {contact.number} · {contact.channel === 'walkIn' ? '现场' : '预约'} · 首问责任人 {contact.owner.name}（{contact.owner.staffNo}）
        {contact.applicantIdMasked ? ` · 证件 ${contact.applicantIdMasked}` : ''}
        {contact.applicantPhone ? ` · 电话 ${contact.applicantPhone}` : ''}
        {contact.notification ? ` · 告知单 ${contact.notification.slipNo}` : ''}
        {contact.caseNo ? ` · 受理编号 ${contact.caseNo}` : ''}
      </p>
    </>
  );
}

function ReferralBox({ contact, actions }: { contact: Contact; actions: ContactActions }) {
  return (
    <div className="referral-box">
      <p>本窗口不办理“{contact.itemName}”。请开具引导单，告诉申请人到哪里办理；该接待仍由您负责跟进，直到结束。</p>
      <div className="actions">
        <button type="button" className="primary" onClick={actions.refer} disabled={actions.busy}>
          打印引导单
        </button>
        {contact.status === 'referred' ? (
          <button type="button" className="secondary" onClick={() => actions.close('referralDone')} disabled={actions.busy}>
            引导完毕，结束接待
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** 仅咨询 / 告知单 / 受理 — or, for marriage, divorce and 补领, their 婚姻登记 form (rules, certificate numbers, cooling-off). */
function ChecklistActions({ contact, missingCount, actions }: { contact: Contact; missingCount: number; actions: ContactActions }) {
  const { busy } = actions;
  const formKind = marriageFormKind(contact.itemCode);
  return (
    <>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => actions.close('consulted')} disabled={busy}>
          仅咨询，结束接待
        </button>
        <button type="button" className="warning" onClick={actions.notify} disabled={busy || missingCount === 0}>
          打印一次性告知单{missingCount > 0 ? `（缺 ${missingCount} 项）` : ''}
        </button>
        {formKind !== null ? (
          <button type="button" className="primary" onClick={actions.openMarriageForm} disabled={busy}>
            在婚姻登记中办理
          </button>
        ) : (
          <button type="button" className="primary" onClick={actions.accept} disabled={busy || missingCount > 0}>
            受理并打印回执
          </button>
        )}
      </div>
      {formKind !== null ? (
        <p className="muted" data-testid="marriage-form-note">
          “{contact.itemName}”在“婚姻登记”中办理（核对登记条件、证书字号{formKind === 'divorce' ? '、离婚冷静期' : ''}），申请人的姓名、证件号码和电话将带入登记表。
        </p>
      ) : null}
    </>
  );
}

interface Props {
  api: RendererApi;
  contact: Contact;
  item: CatalogueItem | undefined;
  checklist: MaterialsChecklist;
  checklistRef: Ref<HTMLTableElement>;
  outcome: Outcome | null;
  warning: string | null;
  actions: ContactActions;
}

export function ContactCard({ api, contact, item, checklist, checklistRef, outcome, warning, actions }: Props) {
  const editable = contact.status === 'open' || contact.status === 'notified';
  return (
    <>
      <ContactHeader contact={contact} />
      {outcome ? <Notice>{outcome.message}</Notice> : null}
      {contact.status === 'accepted' || contact.status === 'closed' ? <RatingRequest key={contact.id} api={api} contactId={contact.id} /> : null}
      {warning ? <div className="banner banner-warn">{warning}</div> : null}
      {!contact.handledHere && contact.status !== 'closed' ? <ReferralBox contact={contact} actions={actions} /> : null}
      {contact.handledHere && item ? (
        <>
          <MaterialsTable item={item} checklist={checklist} editable={editable} tableRef={checklistRef} />
          {editable ? <ChecklistActions contact={contact} missingCount={checklist.missingCount} actions={actions} /> : null}
        </>
      ) : null}
      {outcome ? <JobPreview api={api} jobId={outcome.printJobId} /> : null}
    </>
  );
}
