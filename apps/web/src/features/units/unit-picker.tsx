import { useState } from 'react';
import type { Unit } from '@contract/units';
import { UNIT_LEVEL_LABELS } from '@contract/units-values';
import { naturalCompare } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { useEndpoint } from '../../query';
import { ErrorNote, Empty, Loading } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { ChevronIcon } from '../../ui/icons';
import { useDebounced } from '../../ui/use-debounced';

const SEARCH_LIMIT = 50;

type Mode = {
  asOf: string;
  /** Browse: each unit is a link to this address. */
  linkTo?: (u: Unit) => string;
  /** Choose: each unit is a button calling this. */
  onPick?: (u: Unit) => void;
  selectedId?: number | null;
};

/**
 * Finds a unit: a tree from the roots of what I may see (children load when opened), or a search
 * that matches with or without diacritics ("tran phu" finds "Trần Phú").
 */
export function UnitPicker(props: Mode) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  return (
    <div className="unit-picker">
      <TextField label={t('units.search')} hint={t('units.searchHint')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" spellCheck={false} />
      <div className="picker-body" aria-live="polite">
        {query ? <SearchResults q={query} {...props} /> : <Roots {...props} />}
      </div>
    </div>
  );
}

function SearchResults({ q, asOf, ...mode }: Mode & { q: string }) {
  const { t } = useI18n();
  const res = useEndpoint('GET /api/units', { query: { q, asOf, limit: SEARCH_LIMIT } });
  if (res.error) return <ErrorNote error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading inline />;
  if (!res.data.length) return <Empty>{t('units.noResults')}</Empty>;
  return (
    <>
      <h3 className="sr-only">{t('units.results')}</h3>
      <ul className="results">
        {res.data.map((u) => (
          <li key={u.id}>
            <UnitRow unit={u} {...mode} asOf={asOf} showParent />
          </li>
        ))}
      </ul>
      {res.data.length >= SEARCH_LIMIT && <p className="hint">{t('units.more', { n: SEARCH_LIMIT })}</p>}
    </>
  );
}

function Roots({ asOf, ...mode }: Mode) {
  const { t } = useI18n();
  const res = useEndpoint('GET /api/units', { query: { asOf } });
  if (res.error) return <ErrorNote error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading inline />;
  if (!res.data.length) return <Empty>{t('units.noneAtDate')}</Empty>;
  // One root (a ward's staff see their ward): open it straight away.
  const single = res.data.length === 1;
  return (
    <ul className="tree" aria-label={t('units.tree')}>
      {res.data.map((u) => (
        <TreeNode key={u.id} unit={u} asOf={asOf} initiallyOpen={single} {...mode} />
      ))}
    </ul>
  );
}

function TreeNode({ unit, asOf, initiallyOpen = false, ...mode }: Mode & { unit: Unit; initiallyOpen?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(initiallyOpen);
  const hasChildren = (unit.childCount ?? 0) > 0;
  const kids = useEndpoint('GET /api/units', open && hasChildren ? { query: { parent: unit.id, asOf, limit: 500 } } : null);
  return (
    <li>
      <div className={mode.selectedId === unit.id ? 'tree-row selected' : 'tree-row'}>
        {hasChildren ? (
          <button
            type="button"
            className="icon-btn tree-toggle"
            aria-expanded={open}
            aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
            onClick={() => setOpen((o) => !o)}
          >
            <ChevronIcon />
          </button>
        ) : (
          <span className="tree-spacer" />
        )}
        <UnitRow unit={unit} asOf={asOf} {...mode} />
      </div>
      {open && hasChildren && (
        <ul>
          {kids.error && (
            <li>
              <ErrorNote error={kids.error} onRetry={kids.reload} />
            </li>
          )}
          {!kids.data && !kids.error && (
            <li>
              <Loading inline />
            </li>
          )}
          {kids.data && [...kids.data].sort((a, b) => naturalCompare(a.name, b.name)).map((c) => <TreeNode key={c.id} unit={c} asOf={asOf} {...mode} />)}
        </ul>
      )}
    </li>
  );
}

function UnitRow({ unit, linkTo, onPick, showParent }: Mode & { unit: Unit; showParent?: boolean }) {
  const { t, pick } = useI18n();
  // The name usually says the kind ("Phường …", "Tổ dân phố …"); say the level only when it does not.
  const kindShown = unit.name.toLowerCase().startsWith(unit.kind.toLowerCase());
  const meta = [
    unit.code,
    !kindShown && (unit.kind || pick(UNIT_LEVEL_LABELS[unit.level])),
    showParent && unit.parentName && t('units.in', { name: unit.parentName }),
    (unit.childCount ?? 0) > 0 && t('units.childCount', { n: unit.childCount ?? 0 }),
  ]
    .filter(Boolean)
    .join(' · ');
  if (onPick) {
    return (
      <span className="tree-label">
        <button type="button" className="tree-choose" onClick={() => onPick(unit)}>
          {unit.name}
        </button>
        {meta && <span className="small muted">{meta}</span>}
      </span>
    );
  }
  return (
    <span className="tree-label">
      <Link className="unit-name" to={linkTo ? linkTo(unit) : `/units/${unit.id}`}>
        {unit.name}
      </Link>
      {meta && <span className="small muted">{meta}</span>}
    </span>
  );
}
