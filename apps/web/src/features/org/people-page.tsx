import { useEffect, useState } from 'react';
import type { FrontPerson } from '@contract/org';
import { FRONT_PERSON_ROLE_LABELS, FRONT_PERSON_ROLES, GENDERS, GENDER_LABELS, type FrontPersonRole, type Gender } from '@contract/org-values';
import type { UnitDetail } from '@contract/units';
import { dayAfter, dayBefore, formatPeriod } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { DateField } from '../../ui/date-field';
import { FormDialog } from '../../ui/form-dialog';
import { Section } from '../../ui/page';
import { useDebounced } from '../../ui/use-debounced';
import { useSession } from '../auth/session';
import { dateWithin } from '../units/dates';
import { useDefaultAsOf } from '../units/use-as-of';
import { OrgFrame } from './org-frame';
import { useEndpoint } from '../../query';
import { call } from '../../client';

const PAGE = 50;

/** Reporters (báo cáo viên) and propagandists (tuyên truyền viên) of a unit or its subtree. */
export function PeoplePage() {
  return <OrgFrame tab="people">{(unit) => <People unit={unit} />}</OrgFrame>;
}

function People({ unit }: { unit: UnitDetail }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const [q, setQ] = useState(query.q ?? '');
  const debounced = useDebounced(q.trim(), 300);
  const [editing, setEditing] = useState<FrontPerson | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fallback = useDefaultAsOf();
  const role = (FRONT_PERSON_ROLES as readonly string[]).includes(query.role) ? (query.role as FrontPersonRole) : undefined;
  const scope = query.scope === 'unit' ? 'unit' : 'subtree';
  const offset = Math.max(0, Number(query.offset) || 0);
  useEffect(() => {
    if ((query.q ?? '') !== debounced) setQuery({ q: debounced || null, offset: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose: only the debounced text drives the address
  }, [debounced]);
  const res = useEndpoint('GET /api/org/people', { query: { unit: unit.id, role, scope, q: query.q || undefined, limit: PAGE, offset } });
  const page = res.data;

  return (
    <Section
      title={t('org.peopleOf', { unit: unit.name })}
      actions={
        can('org.write') && (
          <button type="button" className="btn btn-primary btn-small" onClick={() => setEditing('new')}>
            {t('org.addPerson')}
          </button>
        )
      }
    >
      {done && <Notice kind="ok">{done}</Notice>}
      <div className="filters">
        <SelectField
          label={t('org.personRole')}
          value={role ?? ''}
          onChange={(e) => setQuery({ role: e.target.value || null, offset: null })}
          options={[{ value: '', label: t('common.all') }, ...FRONT_PERSON_ROLES.map((r) => ({ value: r, label: pick(FRONT_PERSON_ROLE_LABELS[r]) }))]}
        />
        <TextField label={t('org.searchName')} hint={t('units.searchHint')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        {unit.level !== 'village' && (
          <CheckboxField label={t('org.includeSubtree')} checked={scope === 'subtree'} onChange={(e) => setQuery({ scope: e.target.checked ? null : 'unit', offset: null })} />
        )}
      </div>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!page && !res.error && <Loading inline />}
      {page && page.total === 0 && <Empty>{t('org.noPeople')}</Empty>}
      {page && page.total > 0 && (
        <>
          <p className="hint">{t('org.showing', { from: offset + 1, to: offset + page.items.length, total: page.total })}</p>
          <ul className="member-list" aria-busy={res.loading}>
            {page.items.map((p) => (
              <li key={p.id}>
                <div className="member-main">
                  <strong>{p.personName}</strong>
                  <span className="badge">{pick(FRONT_PERSON_ROLE_LABELS[p.role])}</span>
                </div>
                <div className="small muted">
                  {[scope === 'subtree' && p.unitName, p.birthYear && t('org.bornN', { year: p.birthYear }), formatPeriod(p.validFrom, p.validTo, t('units.present')), p.note]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                {can('org.write') && (
                  <div className="member-actions">
                    <button type="button" className="btn btn-small" onClick={() => setEditing(p)} aria-label={t('org.editNamed', { name: p.personName })}>
                      {t('common.edit')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {page.total > PAGE && (
            <div className="actions">
              <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setQuery({ offset: Math.max(0, offset - PAGE) || null })}>
                {t('common.prev')}
              </button>
              <button type="button" className="btn btn-small" disabled={offset + PAGE >= page.total} onClick={() => setQuery({ offset: offset + PAGE })}>
                {t('common.next')}
              </button>
            </div>
          )}
        </>
      )}
      {editing && (
        <PersonDialog
          unitId={unit.id}
          existing={editing === 'new' ? undefined : editing}
          defaultDate={dateWithin(fallback, unit.validFrom, unit.validTo)}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setDone(t('org.savedNamed', { name: p.personName }));
            res.reload();
          }}
        />
      )}
    </Section>
  );
}

function PersonDialog({
  unitId,
  existing,
  defaultDate,
  onClose,
  onSaved,
}: {
  unitId: number;
  existing?: FrontPerson;
  defaultDate: string;
  onClose: () => void;
  onSaved: (p: FrontPerson) => void;
}) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({
    role: existing?.role ?? ('propagandist' as FrontPersonRole),
    personName: existing?.personName ?? '',
    gender: existing?.gender ?? (null as Gender | null),
    birthYear: existing?.birthYear ?? (null as number | null),
    validFrom: existing?.validFrom ?? defaultDate,
    lastDay: existing?.validTo ? dayBefore(existing.validTo) : '',
    note: existing?.note ?? '',
  });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const submit = async () => {
    const common = { personName: v.personName.trim(), gender: v.gender, birthYear: v.birthYear, validFrom: v.validFrom, validTo: v.lastDay ? dayAfter(v.lastDay) : null };
    onSaved(
      existing
        ? await call('PATCH /api/org/people/:id', { params: { id: existing.id }, body: { ...common, note: v.note.trim() || null } })
        : await call('POST /api/org/people', { body: { ...common, unitId, role: v.role, ...(v.note.trim() ? { note: v.note.trim() } : {}) } }),
    );
  };
  return (
    <FormDialog
      open
      onClose={onClose}
      onSubmit={submit}
      canSubmit={!!v.personName.trim() && !!v.validFrom}
      title={existing ? t('org.editNamed', { name: existing.personName }) : t('org.addPerson')}
      submitLabel={existing ? t('common.save') : t('common.create')}
    >
      {(errs) => (
        <>
          {!existing && (
            <SelectField
              label={t('org.personRole')}
              value={v.role}
              onChange={(e) => set({ role: e.target.value as FrontPersonRole })}
              options={FRONT_PERSON_ROLES.map((r) => ({ value: r, label: pick(FRONT_PERSON_ROLE_LABELS[r]) }))}
            />
          )}
          <TextField label={t('org.personName')} required value={v.personName} error={errs.personName} onChange={(e) => set({ personName: e.target.value })} />
          <div className="form-row">
            <SelectField
              label={t('org.gender')}
              value={v.gender ?? ''}
              onChange={(e) => set({ gender: (e.target.value || null) as Gender | null })}
              options={[{ value: '', label: '—' }, ...GENDERS.map((g) => ({ value: g, label: pick(GENDER_LABELS[g]) }))]}
            />
            <TextField
              label={t('org.birthYear')}
              inputMode="numeric"
              maxLength={4}
              value={v.birthYear ?? ''}
              error={errs.birthYear}
              onChange={(e) => set({ birthYear: /^\d{1,4}$/.test(e.target.value) ? Number(e.target.value) : null })}
            />
          </div>
          <DateField label={t('org.validFrom')} value={v.validFrom} required error={errs.validFrom} onChange={(d) => set({ validFrom: d })} />
          <DateField label={t('org.validTo')} hint={t('org.validToHint')} value={v.lastDay} allowEmpty error={errs.validTo} onChange={(d) => set({ lastDay: d })} />
          <TextField label={t('org.note')} value={v.note} onChange={(e) => set({ note: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}
