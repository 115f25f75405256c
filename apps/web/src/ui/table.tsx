import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A table that becomes a list of cards on a phone (under 600 px), each cell headed by its column's name, so
 * nothing is clipped or scrolled sideways. The names are copied from the header row after each render rather
 * than repeated on every cell by hand; CSS shows them with `attr(data-label)`.
 */
export function StackTable({ children, busy, className }: { children: ReactNode; busy?: boolean; className?: string }) {
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    const heads = [...(table.tHead?.rows[0]?.cells ?? [])].flatMap((th) => Array<string>(th.colSpan).fill(th.textContent?.trim() ?? ''));
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let col = 0;
        for (const cell of row.cells) {
          const label = cell.colSpan >= heads.length ? '' : (heads[col] ?? '');
          if (cell.dataset.label !== label) cell.dataset.label = label;
          col += cell.colSpan;
        }
      }
    }
  });
  return (
    <div className="table-wrap">
      <table ref={ref} className={['stack', className].filter(Boolean).join(' ')} aria-busy={busy}>
        {children}
      </table>
    </div>
  );
}
