import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditQuery, AuditRow } from '@contract/audit';
import { ROLE_LABELS, type Role } from '@contract/access-values';
import { dayBefore, formatDate, formatDateTime } from '../../format';
import { useI18n, hasMessage } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { Link } from '../../router';
import { call } from '../../client';
import { asApiError, endpointQueryKey } from '../../query';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { diffRecords, type Change, type Scalar } from './diff';

const PAGE = 30;
/** More changed fields than this (a created record) fold behind a toggle, so the trail stays scannable. */
const OPEN_LIMIT = 4;

/** Audit rows for a filter, newest first, with "older" paging (by id, so new rows never shift pages). */
export function useAuditPages(filter: Partial<AuditQuery>) {
  const q = useInfiniteQuery({
    queryKey: [...endpointQueryKey('GET /api/audit', { query: filter }), 'pages'],
    queryFn: ({ pageParam }) => call('GET /api/audit', { query: { ...filter, before: pageParam, limit: PAGE } }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].id : undefined),
    // Another filter's rows stay while this one loads, but not under its error.
    placeholderData: keepPreviousData,
  });
  return {
    rows: q.data?.pages.flat() ?? [],
    loading: q.isFetching,
    error: q.error ? asApiError(q.error) : null,
    more: q.hasNextPage,
    older: () => void q.fetchNextPage(),
    reload: () => void q.refetch(),
  };
}

const hasKey = hasMessage;

/** A list of audit rows with their changes; `compact` hides what the context already says. */
export function AuditList({ filter, compact = false }: { filter: Partial<AuditQuery>; compact?: boolean }) {
  const { t } = useI18n();
  const p = useAuditPages(filter);
  return (
    <div aria-busy={p.loading}>
      {p.error && <ErrorNote error={p.error} onRetry={p.reload} />}
      {!p.error && !p.loading && p.rows.length === 0 && <Empty>{t('audit.none')}</Empty>}
      <ol className="audit-list">
        {p.rows.map((r) => (
          <AuditEntry key={r.id} row={r} compact={compact} />
        ))}
      </ol>
      {p.loading && <Loading inline />}
      {p.more && !p.loading && (
        <button type="button" className="btn btn-small" onClick={p.older}>
          {t('audit.older')}
        </button>
      )}
    </div>
  );
}

function AuditEntry({ row, compact }: { row: AuditRow; compact: boolean }) {
  const { t } = useI18n();
  const changes = diffRecords(row.before, row.after);
  const action = 'audit.action.' + row.action;
  const entity = 'audit.entity.' + row.entity;
  return (
    <li>
      <div className="audit-meta">
        <strong>{hasKey(action) ? t(action) : row.action}</strong>
        {!compact && (
          <span>
            {hasKey(entity) ? t(entity) : row.entity} <EntityLink row={row} />
          </span>
        )}
        <time dateTime={row.at} className="small muted">
          {formatDateTime(row.at)}
        </time>
        <span className="small">{t('audit.by', { name: row.actorName ?? t('audit.system') })}</span>
        {!compact && row.unitId && row.unitName && (
          <Link className="small" to={`/units/${row.unitId}`}>
            {row.unitName}
          </Link>
        )}
      </div>
      {changes.length > 0 && changes.length <= OPEN_LIMIT && <ChangeList changes={changes} />}
      {changes.length > OPEN_LIMIT && (
        <details className="audit-details">
          <summary>{t('audit.showFields', { n: changes.length })}</summary>
          <ChangeList changes={changes} />
        </details>
      )}
    </li>
  );
}

function ChangeList({ changes }: { changes: Change[] }) {
  const { t } = useI18n();
  return (
    <ul className="diff" aria-label={t('audit.changes')}>
      {changes.map((c) => (
        <li key={c.key}>
          <span className="k">{fieldLabel(c.key, t)}</span>
          {c.kind !== 'added' && (
            <del>
              <Value field={c.key} v={c.before} />
            </del>
          )}
          {c.kind === 'changed' && <span aria-hidden="true">→</span>}
          {c.kind !== 'removed' && (
            <ins>
              <Value field={c.key} v={c.after} />
            </ins>
          )}
        </li>
      ))}
    </ul>
  );
}

function EntityLink({ row }: { row: AuditRow }) {
  if (row.entity === 'unit') return <Link to={`/units/${row.entityId}`}>#{row.entityId}</Link>;
  if (row.entity === 'user') return <Link to={`/users/${row.entityId}`}>#{row.entityId}</Link>;
  return <span>#{row.entityId}</span>;
}

// The API keeps ends exclusive (validTo = first day no longer valid); people read the last day.
const isExclusiveEnd = (key: string) => /(^|\.)validTo$/.test(key);

function fieldLabel(key: string, t: (k: MessageKey) => string): string {
  const last = key.split('.').pop() ?? key;
  const k = 'field.' + last;
  const label = hasKey(k) ? t(k) : last;
  const prefix = key.includes('.') ? key.slice(0, key.length - last.length - 1) + ' · ' : '';
  return prefix + label;
}

/** A value in words: yes/no, dates as dd/mm/yyyy, role names, '(trống)' for nothing. */
function Value({ field, v }: { field: string; v: Scalar }) {
  const { t, pick } = useI18n();
  if (v === null || v === '') return <>{t('audit.empty')}</>;
  if (typeof v === 'boolean') return <>{v ? t('common.yes') : t('common.no')}</>;
  if (field.endsWith('role') && typeof v === 'string' && v in ROLE_LABELS) return <>{pick(ROLE_LABELS[v as Role])}</>;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return <>{formatDate(isExclusiveEnd(field) ? dayBefore(v) : v)}</>;
  if (v === 'infinity') return <>{t('units.present')}</>;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return <>{formatDateTime(v)}</>;
  return <>{String(v)}</>;
}
