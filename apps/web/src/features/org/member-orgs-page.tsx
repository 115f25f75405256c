import { useState } from 'react';
import type { MemberOrg } from '@contract/org';
import { MEMBER_ORG_KIND_LABELS, MEMBER_ORG_KINDS, type MemberOrgKind } from '@contract/org-values';
import type { UnitDetail } from '@contract/units';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { DateField } from '../../ui/date-field';
import { FormDialog } from '../../ui/form-dialog';
import { Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { dateWithin } from '../units/dates';
import { useDefaultAsOf } from '../units/use-as-of';
import { OrgFrame } from './org-frame';
import { useEndpoint } from '../../query';
import { call } from '../../client';

/** Member organisations (tổ chức thành viên) of a unit, current and former. */
export function MemberOrgsPage() {
  return <OrgFrame tab="memberOrgs">{(unit) => <MemberOrgs unit={unit} />}</OrgFrame>;
}

function MemberOrgs({ unit }: { unit: UnitDetail }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const [editing, setEditing] = useState<MemberOrg | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fallback = useDefaultAsOf();
  const scope = query.scope === 'subtree' ? 'subtree' : 'unit';
  const res = useEndpoint('GET /api/org/member-organisations', { query: { unit: unit.id, scope } });

  return (
    <Section
      title={t('org.memberOrgsOf', { unit: unit.name })}
      actions={
        can('org.write') && (
          <button type="button" className="btn btn-primary btn-small" onClick={() => setEditing('new')}>
            {t('org.addMemberOrg')}
          </button>
        )
      }
    >
      {done && <Notice kind="ok">{done}</Notice>}
      {unit.level !== 'village' && (
        <CheckboxField label={t('org.includeSubtree')} checked={scope === 'subtree'} onChange={(e) => setQuery({ scope: e.target.checked ? 'subtree' : null })} />
      )}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading inline />}
      {res.data?.length === 0 && <Empty>{t('org.noMemberOrgs')}</Empty>}
      {res.data && res.data.length > 0 && (
        <ul className="member-list" aria-busy={res.loading}>
          {res.data.map((m) => (
            <li key={m.id}>
              <div className="member-main">
                <strong>{m.name}</strong>
                <span className="badge">{pick(MEMBER_ORG_KIND_LABELS[m.kind])}</span>
                {m.leftOn && <span className="badge badge-warn">{t('org.formerMember')}</span>}
              </div>
              <div className="small muted">
                {[scope === 'subtree' && m.unitName, t('org.joinedOn', { date: formatDate(m.joinedOn) }), m.leftOn && t('org.leftOn', { date: formatDate(m.leftOn) }), m.note]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              {can('org.write') && (
                <div className="member-actions">
                  <button type="button" className="btn btn-small" onClick={() => setEditing(m)} aria-label={t('org.editNamed', { name: m.name })}>
                    {t('common.edit')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <MemberOrgDialog
          unitId={unit.id}
          existing={editing === 'new' ? undefined : editing}
          defaultDate={dateWithin(fallback, unit.validFrom, unit.validTo)}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setDone(t('org.savedNamed', { name: m.name }));
            res.reload();
          }}
        />
      )}
    </Section>
  );
}

function MemberOrgDialog({
  unitId,
  existing,
  defaultDate,
  onClose,
  onSaved,
}: {
  unitId: number;
  existing?: MemberOrg;
  defaultDate: string;
  onClose: () => void;
  onSaved: (m: MemberOrg) => void;
}) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({
    kind: existing?.kind ?? ('women' as MemberOrgKind),
    name: existing?.name ?? '',
    joinedOn: existing?.joinedOn ?? defaultDate,
    leftOn: existing?.leftOn ?? '',
    note: existing?.note ?? '',
  });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const submit = async () => {
    const common = { kind: v.kind, name: v.name.trim(), joinedOn: v.joinedOn, leftOn: v.leftOn || null };
    onSaved(
      existing
        ? await call('PATCH /api/org/member-organisations/:id', { params: { id: existing.id }, body: { ...common, note: v.note.trim() || null } })
        : await call('POST /api/org/member-organisations', { body: { ...common, unitId, ...(v.note.trim() ? { note: v.note.trim() } : {}) } }),
    );
  };
  return (
    <FormDialog
      open
      onClose={onClose}
      onSubmit={submit}
      canSubmit={!!v.name.trim() && !!v.joinedOn}
      title={existing ? t('org.editNamed', { name: existing.name }) : t('org.addMemberOrg')}
      submitLabel={existing ? t('common.save') : t('common.create')}
    >
      {(errs) => (
        <>
          <SelectField
            label={t('org.memberOrgKind')}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value as MemberOrgKind })}
            options={MEMBER_ORG_KINDS.map((k) => ({ value: k, label: pick(MEMBER_ORG_KIND_LABELS[k]) }))}
          />
          <TextField label={t('org.memberOrgName')} hint={t('org.memberOrgNameHint')} required value={v.name} error={errs.name} onChange={(e) => set({ name: e.target.value })} />
          <DateField label={t('org.joinedOnLabel')} value={v.joinedOn} required error={errs.joinedOn} onChange={(d) => set({ joinedOn: d })} />
          <DateField label={t('org.leftOnLabel')} hint={t('org.leftOnHint')} value={v.leftOn} allowEmpty error={errs.leftOn} onChange={(d) => set({ leftOn: d })} />
          <TextField label={t('org.note')} value={v.note} onChange={(e) => set({ note: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}
