/** A console card: its heading (which names the section for assistive technology) with the head's actions on the right, then its body. */
import type { ReactNode } from 'react';

export function Card({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
