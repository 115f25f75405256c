import { useId, type ReactNode } from 'react';

/** The page's one h1 (focus lands here after navigation) with optional actions beside it. */
export function PageTitle({ title, sub, actions, before }: { title: ReactNode; sub?: ReactNode; actions?: ReactNode; before?: ReactNode }) {
  return (
    <header className="page-title">
      {before}
      <div className="page-title-row">
        <div>
          <h1 tabIndex={-1}>{title}</h1>
          {sub && <div className="page-sub">{sub}</div>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </header>
  );
}

/** A titled card; the h2 names the region for screen readers and tests. */
export function Section({ title, actions, children }: { title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{title}</h2>
        {actions && <div className="card-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
