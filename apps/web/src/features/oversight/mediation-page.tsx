import { useState } from 'react';
import type { MediationCase, MediationTeam } from '@contract/oversight';
import { MEDIATION_KIND_LABELS, MEDIATION_OUTCOME_LABELS } from '@contract/oversight-values';
import type { MediationOutcome } from '@contract/oversight-values';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { sendOrKeep } from '../../offline/outbox';
import { DateField } from '../../ui/date-field';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { checkForm } from './form-check';
import { call } from '../../client';
import { useEndpoint } from '../../query';

/** A village's (or ward's) mediation cases, parties masked; phone-first for the village team's head. */
export function MediationPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const year = Number(todayIso().slice(0, 4));
  const cases = useEndpoint('GET /api/mediation/cases', unit ? { query: { unit } } : null);
  const stats = useEndpoint('GET /api/mediation/stats', unit ? { query: { unit, year } } : null);
  const teams = useEndpoint('GET /api/mediation/teams', unit ? { query: { unit } } : null);
  const level = useEndpoint('GET /api/units/:id', unit ? { params: { id: unit } } : null).data?.level;
  const [adding, setAdding] = useState(false);
  const [addingTeam, setAddingTeam] = useState(false);
  const [closing, setClosing] = useState<MediationCase | null>(null);
  const [shown, setShown] = useState<Record<number, string>>({});
  const [queued, setQueued] = useState(false);
  const reload = () => {
    cases.reload();
    stats.reload();
  };
  const reveal = async (c: MediationCase) => {
    const p = await call('GET /api/mediation/cases/:id/parties', { params: { id: c.id } });
    setShown((s) => ({ ...s, [c.id]: p.parties.map((x) => [x.name, x.phone].filter(Boolean).join(', ')).join(' – ') }));
  };
  return (
    <>
      <PageTitle
        title={t('mediation.title')}
        actions={
          can('mediation.write') &&
          unit && (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {t('mediation.add')}
            </button>
          )
        }
      />
      {queued && <Notice kind="info">{t('offline.saved')}</Notice>}
      <div className="filters">
        <UnitSelect label={t('oversight.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
      </div>
      {stats.data && stats.data.rate !== null && (
        <p className="muted">{t('mediation.rate', { year, rate: `${String(stats.data.rate).replace('.', ',')}%`, ok: stats.data.successful, closed: stats.data.closed })}</p>
      )}
      {unit && (
        <p>
          <a className="btn btn-small" href={`/api/mediation/cases/export.csv?unit=${unit}`}>
            {t('mediation.export')}
          </a>
        </p>
      )}
      <TeamsSection teams={teams.data} canAdd={can('mediation.write') && level === 'village' && teams.data?.length === 0} onAdd={() => setAddingTeam(true)} />
      {cases.error && <ErrorNote error={cases.error} onRetry={cases.reload} />}
      {!cases.data && !cases.error && <Loading />}
      {cases.data?.length === 0 && <Empty>{t('oversight.none')}</Empty>}
      <ul className="member-list" data-testid="cases">
        {cases.data?.map((c) => (
          <li key={c.id}>
            <strong>{pick(MEDIATION_KIND_LABELS[c.kind])}</strong> · {formatDate(c.receivedOn)} · {pick(MEDIATION_OUTCOME_LABELS[c.outcome])}
            <div className="small">
              {t('mediation.parties')}: {shown[c.id] ?? c.partiesMasked}
            </div>
            <div className="small muted">
              {c.summary} · {c.unitName}
            </div>
            {c.canReadParties && !shown[c.id] && (
              <button type="button" className="btn btn-small" onClick={() => void reveal(c)}>
                {t('mediation.showParties')}
              </button>
            )}
            {c.outcome === 'pending' && can('mediation.write') && (
              <button type="button" className="btn btn-small" onClick={() => setClosing(c)}>
                {t('mediation.close')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {adding && unit && (
        <CaseDialog
          unitId={unit}
          onClose={() => setAdding(false)}
          onSaved={(queued) => {
            setQueued(queued);
            reload();
          }}
        />
      )}
      {closing && <CloseDialog c={closing} onClose={() => setClosing(null)} onSaved={reload} />}
      {addingTeam && unit && <TeamDialog unitId={unit} onClose={() => setAddingTeam(false)} onSaved={teams.reload} />}
    </>
  );
}

function CaseDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: (queued: boolean) => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ receivedOn: todayIso(), kind: 'neighbour', summary: '', p1: '', ph1: '', p2: '', ph2: '' });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const submit = async () => {
    const party = (name: string, phone: string) => ({ name, ...(phone.trim() ? { phone } : {}) });
    // Without a connection the case waits on the phone and is sent once when it returns (offline/outbox).
    const sent = await sendOrKeep<MediationCase>(
      '/api/mediation/cases',
      { unitId, receivedOn: v.receivedOn, kind: v.kind, summary: v.summary, parties: [party(v.p1, v.ph1), party(v.p2, v.ph2)] },
      `${t('mediation.case')} — ${pick(MEDIATION_KIND_LABELS[v.kind as keyof typeof MEDIATION_KIND_LABELS])}`,
    );
    onSaved(sent.queued);
  };
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('mediation.add')} submitLabel={t('oversight.save')} canSubmit={v.p1.trim().length > 1 && v.p2.trim().length > 1}>
      {(errs) => (
        <>
          <DateField label={t('mediation.receivedOn')} value={v.receivedOn} required error={errs.receivedOn} onChange={(d) => set({ receivedOn: d })} />
          <SelectField
            label={t('mediation.kind')}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value })}
            options={Object.entries(MEDIATION_KIND_LABELS).map(([value, l]) => ({ value, label: pick(l) }))}
          />
          <TextField label={t('mediation.summary')} value={v.summary} onChange={(e) => set({ summary: e.target.value })} />
          <TextField label={t('mediation.party', { n: 1 })} required autoComplete="off" value={v.p1} onChange={(e) => set({ p1: e.target.value })} />
          <TextField label={t('mediation.phone', { n: 1 })} type="tel" autoComplete="off" value={v.ph1} onChange={(e) => set({ ph1: e.target.value })} />
          <TextField label={t('mediation.party', { n: 2 })} required autoComplete="off" value={v.p2} onChange={(e) => set({ p2: e.target.value })} />
          <TextField label={t('mediation.phone', { n: 2 })} type="tel" autoComplete="off" value={v.ph2} onChange={(e) => set({ ph2: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}

function CloseDialog({ c, onClose, onSaved }: { c: MediationCase; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ outcome: 'success', closedOn: todayIso() });
  const submit = async () => {
    await call('POST /api/mediation/cases/:id/close', { params: { id: c.id }, body: { ...v, outcome: v.outcome as Exclude<MediationOutcome, 'pending'> } });
    onSaved();
  };
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('mediation.close')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <SelectField
            label={t('mediation.outcome')}
            value={v.outcome}
            onChange={(e) => setV({ ...v, outcome: e.target.value })}
            options={(['success', 'failure', 'referred'] as const).map((o) => ({ value: o, label: pick(MEDIATION_OUTCOME_LABELS[o]) }))}
          />
          <DateField label={t('mediation.closedOn')} value={v.closedOn} required error={errs.closedOn} onChange={(d) => setV({ ...v, closedOn: d })} />
        </>
      )}
    </FormDialog>
  );
}

/** The unit's mediation teams (one per village): a village sees its own, a ward the list of its villages'. */
function TeamsSection({ teams, canAdd, onAdd }: { teams: MediationTeam[] | undefined; canAdd: boolean; onAdd: () => void }) {
  const { t } = useI18n();
  if (!teams) return null;
  const list = (
    <ul className="member-list" data-testid="mediation-teams">
      {teams.map((m) => (
        <li key={m.id}>
          <strong>{m.name}</strong>{' '}
          <span className="small muted">
            {m.unitName} · {t('mediation.teamSummary', { members: m.members, cases: m.cases })}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <Section
      title={t('mediation.teams', { n: teams.length })}
      actions={
        canAdd && (
          <button type="button" className="btn btn-small" onClick={onAdd}>
            {t('mediation.addTeam')}
          </button>
        )
      }
    >
      {teams.length === 0 ? (
        <p className="muted">{t(canAdd ? 'mediation.noTeamHere' : 'mediation.noTeam')}</p>
      ) : teams.length <= 3 ? (
        list
      ) : (
        <details className="audit-details">
          <summary>{t('mediation.showTeams')}</summary>
          {list}
        </details>
      )}
    </Section>
  );
}

type TeamMember = { fullName: string; role: 'head' | 'member' };

function TeamDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const [v, setV] = useState({ name: t('mediation.teamDefaultName'), validFrom: today });
  const [members, setMembers] = useState<TeamMember[]>([
    { fullName: '', role: 'head' },
    { fullName: '', role: 'member' },
    { fullName: '', role: 'member' },
  ]);
  const setMember = (i: number, patch: Partial<TeamMember>) => setMembers((ms) => ms.map((m, k) => (k === i ? { ...m, ...patch } : m)));
  const submit = async () => {
    const named = members.filter((m) => m.fullName.trim());
    checkForm({
      name: !v.name.trim() && t('form.required'),
      validFrom: !v.validFrom ? t('form.required') : v.validFrom > today && t('form.notFuture'),
      members: named.length === 0 && t('mediation.errMembers'),
      ...Object.fromEntries(members.map((m, i) => [`m${i}.fullName`, m.fullName.trim().length === 1 && t('boards.errName')])),
    });
    await call('POST /api/mediation/teams', { body: { unitId, name: v.name, validFrom: v.validFrom, members: named } });
    onSaved();
  };
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t('mediation.addTeam')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <TextField label={t('mediation.teamName')} required value={v.name} error={errs.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
          <DateField label={t('mediation.teamFrom')} value={v.validFrom} required error={errs.validFrom} onChange={(d) => setV({ ...v, validFrom: d })} />
          {errs.members && (
            <p className="field-error" role="alert">
              {errs.members}
            </p>
          )}
          {members.map((m, i) => (
            <div key={i} className="form-row">
              <TextField
                label={t('boards.memberN', { n: i + 1 })}
                autoComplete="off"
                value={m.fullName}
                error={errs[`m${i}.fullName`]}
                onChange={(e) => setMember(i, { fullName: e.target.value })}
              />
              <SelectField
                label={t('boards.role')}
                value={m.role}
                onChange={(e) => setMember(i, { role: e.target.value as TeamMember['role'] })}
                options={[
                  { value: 'head', label: t('mediation.head') },
                  { value: 'member', label: t('mediation.member') },
                ]}
              />
            </div>
          ))}
          <button type="button" className="btn btn-small" onClick={() => setMembers((ms) => [...ms, { fullName: '', role: 'member' }])}>
            {t('boards.addMember')}
          </button>
        </>
      )}
    </FormDialog>
  );
}
