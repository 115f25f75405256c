import { useEffect, useId, useRef, type ReactNode } from 'react';

let focusPending = false;

/**
 * After a navigation, focus goes to the new page's heading (screen readers announce it). Pages that
 * load first render their heading later; the request waits for it.
 */
export function focusPageHeading(root: HTMLElement | null): void {
  const h1 = root?.querySelector<HTMLElement>('h1');
  if (h1) h1.focus({ preventScroll: true });
  else focusPending = true;
}

/** The page's one h1 (focus lands here after navigation) with optional actions beside it. */
export function PageTitle({ title, sub, actions, before }: { title: ReactNode; sub?: ReactNode; actions?: ReactNode; before?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // The tab and the history list name the page, not only the product.
  useEffect(() => {
    const text = ref.current?.textContent?.trim();
    document.title = text ? `${text} · Đoàn Kết` : 'Đoàn Kết';
  });
  useEffect(() => {
    if (!focusPending) return;
    focusPending = false;
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-title">
      {before}
      <div className="page-title-row">
        <div>
          <h1 ref={ref} tabIndex={-1}>
            {title}
          </h1>
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
