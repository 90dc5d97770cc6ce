/** The clerk's contacts not yet finished, each opening on a click, with where it stands. */
import type { Contact } from '../../../shared/api/intake';
import { CONTACT_STATUS_LABELS } from '../../../shared/domain/contact-status';

export function MyContacts({ mine, onOpen }: { mine: readonly Contact[]; onOpen: (c: Contact) => void }) {
  return (
    <section className="card">
      <h2>我的未结接待</h2>
      {mine.length === 0 ? <p className="muted">暂无</p> : null}
      <ul className="contact-list" data-testid="my-contacts">
        {mine.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => onOpen(c)}>
              {c.applicantName} · {c.itemName}
            </button>
            <span className={`tag tag-${c.status}`}>{CONTACT_STATUS_LABELS[c.status]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
