/**
 * 接待受理: first contact, the materials checklist, one-time notification,
 * referral, acceptance with a receipt, and resuming by notification number.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Contact } from '../../../shared/api/intake';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, useAction } from '../ui';
import { useQuery } from '../useQuery';
import type { ServiceStart } from '../marriage/form';
import { ContactCard, type CloseReason, type ContactActions, type Outcome } from './ContactCard';
import { BLANK_START, NewContactForm, ResumeForm } from './IntakeForms';
import { MyContacts } from './MyContacts';
import { useMaterialsChecklist } from './useMaterialsChecklist';

export function IntakePanel(props: { api: RendererApi; start: ServiceStart | null; onStartService: (start: ServiceStart) => void }) {
  const { api, start: carried, onStartService } = props;
  const [start, setStart] = useState(BLANK_START);
  const [contact, setContact] = useState<Contact | null>(null);
  const [slipNo, setSlipNo] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const { run, error, busy, clear } = useAction(api);

  const catalogueQuery = useQuery(api, 'catalogue.get', {});
  const mineQuery = useQuery(api, 'intake.mine', {});
  const catalogue = catalogueQuery.data ?? null;
  const mine: Contact[] = mineQuery.data ?? [];
  const reloadMine = mineQuery.reload;

  const item: CatalogueItem | undefined = useMemo(
    () => catalogue?.items.find((i) => i.code === contact?.itemCode),
    [catalogue, contact],
  );
  const checklist = useMaterialsChecklist(item);
  const { take: takeReceived } = checklist;

  // a contact started from 今日预约 opens at once, with what was booked (name, document number, phone)
  useEffect(() => {
    if (!carried) return;
    // a ticket called at the window: a new contact for its matter, with the ID card read at the kiosk if any
    if (carried.contactId === null) {
      setContact(null);
      setStart({ ...BLANK_START, itemCode: carried.itemCode, applicantIdNumber: carried.parties[0]?.documentNumber ?? '' });
      return;
    }
    void api.call('intake.mine', {}).then((r) => {
      const c = r.ok ? r.value.find((m) => m.id === carried.contactId) : undefined;
      if (!c) return;
      setContact(c);
      takeReceived(c.receivedMaterialIds);
    });
  }, [api, carried, takeReceived]);

  const open = (c: Contact) => {
    clear();
    setOutcome(null);
    setWarning(null);
    setContact(c);
    checklist.reset(c.receivedMaterialIds);
  };

  // after 开始接待 the clerk goes on with the materials checklist
  const checklistTable = useRef<HTMLTableElement>(null);
  const [toChecklist, setToChecklist] = useState(false);
  useEffect(() => {
    if (!toChecklist) return;
    checklistTable.current?.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus();
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

  const after = async (result: { contact: Contact; printJobId: string } | undefined, message: string) => {
    if (!result) return;
    setContact(result.contact);
    setOutcome({ message, printJobId: result.printJobId });
    await reloadMine();
  };

  const notify = async () =>
    after(await run('intake.notify', { id: contact?.id ?? '', receivedMaterialIds: [...checklist.received], problems: checklist.problemList }), '一次性告知单已送打印');
  const refer = async () => after(await run('intake.refer', { id: contact?.id ?? '' }), '引导单已送打印');
  const accept = async () => {
    const result = await run('intake.accept', { id: contact?.id ?? '', receivedMaterialIds: [...checklist.received] });
    if (result) {
      setWarning(result.warning);
      await after(result, `已受理，受理编号 ${result.case.caseNo}，承诺办结：${result.case.dueDate ?? '待定'}，回执已送打印`);
    }
  };
  const close = async (reason: CloseReason) => {
    const c = await run('intake.close', { id: contact?.id ?? '', reason });
    if (c) {
      // the finished contact stays on screen: the clerk may ask the applicant to rate the service
      setContact(c);
      setOutcome(null);
      await reloadMine();
    }
  };

  // marriage, divorce and 补领 are handled by their 婚姻登记 form (rules, certificate numbers, cooling-off), not accepted here
  const openMarriageForm = async () => {
    if (!contact) return;
    const prefill = await run('marriage.prefill', { contactId: contact.id });
    if (prefill) onStartService({ contactId: contact.id, itemCode: contact.itemCode, parties: prefill.parties });
  };

  const actions: ContactActions = {
    busy,
    refer: () => void refer(),
    close: (reason) => void close(reason),
    notify: () => void notify(),
    accept: () => void accept(),
    openMarriageForm: () => void openMarriageForm(),
  };

  return (
    <div className="panel intake-panel">
      <div className="intake-side">
        <NewContactForm items={catalogue?.items} start={start} setStart={setStart} error={error} busy={busy} onSubmit={(e) => void begin(e)} />
        <ResumeForm slipNo={slipNo} setSlipNo={setSlipNo} error={error} busy={busy} onSubmit={(e) => void resume(e)} />
        <MyContacts mine={mine} onOpen={open} />
      </div>
      <section className="card intake-main" data-testid="contact-card">
        <QueryError query={catalogueQuery} what="事项目录" />
        <QueryError query={mineQuery} what="本窗口接待记录" />
        <ErrorBanner error={error} />
        {!contact ? (
          <p className="muted">选择办理事项并填写申请人，开始接待；或凭一次性告知单编号继续办理。</p>
        ) : (
          <ContactCard api={api} contact={contact} item={item} checklist={checklist} checklistRef={checklistTable} outcome={outcome} warning={warning} actions={actions} />
        )}
      </section>
    </div>
  );
}
