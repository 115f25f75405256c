import { useEffect, useState, type FormEvent } from 'react';
import type { AuditQuery } from '@contract/audit';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { DateField } from '../../ui/date-field';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { UnitSelect } from '../units/unit-select';
import { AuditList } from './audit-list';

const FILTERS = ['entity', 'id', 'actor', 'action', 'unit', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const KNOWN_ENTITIES = ['unit', 'user', 'committee', 'committee_member', 'member_org', 'work_board', 'work_board_member', 'org_person'];
const KNOWN_ACTIONS = ['create', 'update', 'delete', 'import', 'end'];

/** The whole trail (what my scope allows), filtered; filters live in the address. */
export function AuditPage() {
  const { t } = useI18n();
  const [query, setQuery] = useQueryState();
  const applied = Object.fromEntries(FILTERS.map((k) => [k, query[k] ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(applied);
  const set = (k: keyof Filters, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const appliedKey = JSON.stringify(applied);
  // A link from elsewhere (a unit's "audit" link, the menu) replaces the filters being edited.
  useEffect(() => setDraft(JSON.parse(appliedKey) as Filters), [appliedKey]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(Object.fromEntries(FILTERS.map((k) => [k, draft[k].trim() || null])), { push: true });
  };
  const clear = () => {
    const empty = Object.fromEntries(FILTERS.map((k) => [k, ''])) as Filters;
    setDraft(empty);
    setQuery(Object.fromEntries(FILTERS.map((k) => [k, null])), { push: true });
  };

  const filter: Partial<AuditQuery> = {};
  if (applied.entity) filter.entity = applied.entity;
  if (applied.id) filter.id = applied.id;
  if (applied.actor) filter.actor = applied.actor;
  if (applied.action) filter.action = applied.action;
  if (applied.unit && Number(applied.unit) > 0) filter.unit = Number(applied.unit);
  if (applied.from) filter.from = applied.from;
  if (applied.to) filter.to = applied.to;

  return (
    <>
      <PageTitle title={t('audit.title')} sub={t('audit.intro')} />
      <Section title={t('common.filter')}>
        <form onSubmit={submit} className="filters" aria-label={t('common.filter')}>
          <TextField label={t('audit.entity')} list="audit-entities" value={draft.entity} onChange={(e) => set('entity', e.target.value)} />
          <TextField label={t('audit.recordId')} value={draft.id} onChange={(e) => set('id', e.target.value)} />
          <TextField label={t('audit.actor')} hint={t('audit.actorHint')} value={draft.actor} autoCapitalize="none" onChange={(e) => set('actor', e.target.value)} />
          <TextField label={t('audit.actionLabel')} list="audit-actions" value={draft.action} onChange={(e) => set('action', e.target.value)} />
          <UnitSelect label={t('audit.unit')} value={draft.unit ? Number(draft.unit) : null} onChange={(id) => set('unit', id ? String(id) : '')} />
          <DateField label={t('audit.from')} value={draft.from} allowEmpty onChange={(v) => set('from', v)} />
          <DateField label={t('audit.to')} value={draft.to} allowEmpty onChange={(v) => set('to', v)} />
          <div className="filter-buttons">
            <button type="submit" className="btn btn-primary">
              {t('common.apply')}
            </button>
            <button type="button" className="btn" onClick={clear}>
              {t('common.clearFilters')}
            </button>
          </div>
          <datalist id="audit-entities">
            {KNOWN_ENTITIES.map((e) => (
              <option key={e} value={e} />
            ))}
          </datalist>
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </form>
      </Section>
      <Section title={t('audit.results')}>
        <AuditList filter={filter} />
      </Section>
    </>
  );
}
