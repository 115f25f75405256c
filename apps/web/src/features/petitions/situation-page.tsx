import { useState } from 'react';
import { SITUATION_PERIOD_KIND_LABELS, SITUATION_PERIOD_KINDS, type SituationStatus } from '@contract/petitions-values';
import type { SituationOverview } from '@contract/petitions';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { PetitionTabs } from './tabs';
import { call } from '../../client';
import { useEndpoint } from '../../query';
import type { SituationPeriodKind } from '@contract/petitions-values';

const BADGE: Record<SituationStatus, string> = { on_time: 'badge-ok', late: 'badge-warn', not_filed: 'badge-red', pending: '' };

/** People's situation reports: who owed which report, filed on time, late or not at all; hot issues combined. */
export function SituationPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const [filing, setFiling] = useState<SituationOverview['rows'][number] | null>(null);
  const [addingPeriod, setAddingPeriod] = useState(false);
  const res = useEndpoint('GET /api/situation-reports', unit ? { query: { unit, period: q.period } } : null);
  const periodLabel = (id: number) => {
    const p = res.data?.periods.find((x) => x.id === id);
    return p ? `${pick(SITUATION_PERIOD_KIND_LABELS[p.kind])} ${formatDate(p.startsOn)}–${formatDate(p.endsOn)}` : '';
  };
  return (
    <>
      <PageTitle
        title={t('petitions.situationTitle')}
        sub={t('petitions.situationSub')}
        actions={
          can('petition.write') &&
          unit && (
            <button type="button" className="btn btn-primary" onClick={() => setAddingPeriod(true)}>
              {t('petitions.addPeriod')}
            </button>
          )
        }
      />
      <PetitionTabs tab="situation" />
      <div className="filters">
        <UnitSelect label={t('petitions.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
        <SelectField
          label={t('petitions.periodKind')}
          value={q.period ?? ''}
          onChange={(e) => setQ({ period: e.target.value || null })}
          options={[{ value: '', label: t('petitions.all') }, ...SITUATION_PERIOD_KINDS.map((k) => ({ value: k, label: pick(SITUATION_PERIOD_KIND_LABELS[k]) }))]}
        />
      </div>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && unit && <Loading />}
      {res.data && (
        <>
          <Section title={t('petitions.situationSummary')}>
            <p>
              {t('petitions.situationCounts', {
                onTime: res.data.summary.onTime,
                late: res.data.summary.late,
                notFiled: res.data.summary.notFiled,
                pending: res.data.summary.pending,
              })}
            </p>
            {res.data.hotIssues.length > 0 && (
              <>
                <h3 className="subhead">{t('petitions.hotIssues')}</h3>
                <ul className="plain-list">
                  {res.data.hotIssues.map((h) => (
                    <li key={h.issue}>
                      {h.issue} <span className="badge">{h.count}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Section>
          <Section title={t('petitions.situationRows')}>
            {res.data.rows.length === 0 && <Empty>{t('petitions.noneYet')}</Empty>}
            <ul className="member-list">
              {res.data.rows.slice(0, 300).map((r) => (
                <li key={`${r.periodId}:${r.unitId}`}>
                  <div className="member-main">
                    <strong>{r.unitName}</strong> <span className={`badge ${BADGE[r.status]}`}>{t(`petitions.status.${r.status}` as const)}</span>
                  </div>
                  <div className="small muted">
                    {periodLabel(r.periodId)} · {t('petitions.dueOn', { date: formatDate(r.dueOn) })}
                    {r.filedOn && ` · ${t('petitions.filedOn', { date: formatDate(r.filedOn) })}`}
                  </div>
                  {!r.filedOn && can('petition.write') && (
                    <button type="button" className="btn btn-small" onClick={() => setFiling(r)}>
                      {t('petitions.fileReport')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
      {addingPeriod && unit && <PeriodDialog unitId={unit} onClose={() => setAddingPeriod(false)} onSaved={res.reload} />}
      {filing && <FileDialog row={filing} onClose={() => setFiling(null)} onSaved={res.reload} />}
    </>
  );
}

function FileDialog({ row, onClose, onSaved }: { row: SituationOverview['rows'][number]; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ filedOn: todayIso(), topics: '', hot: '' });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`${t('petitions.fileReport')} — ${row.unitName}`}
      submitLabel={t('petitions.save')}
      onSubmit={async () => {
        await call('POST /api/situation-reports', {
          body: {
            periodId: row.periodId,
            unitId: row.unitId,
            filedOn: v.filedOn,
            topics: v.topics,
            hotIssues: v.hot
              .split(/[;\n]/)
              .map((s) => s.trim())
              .filter(Boolean),
          },
        });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <DateField label={t('petitions.filedOnLabel')} value={v.filedOn} required error={errs.filedOn} onChange={(d) => setV({ ...v, filedOn: d })} />
          <TextField label={t('petitions.topics')} value={v.topics} onChange={(e) => setV({ ...v, topics: e.target.value })} />
          <TextField label={t('petitions.hotIssuesInput')} hint={t('petitions.hotIssuesHint')} value={v.hot} onChange={(e) => setV({ ...v, hot: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}

/** A reporting period the unit sets for itself and the units below it (by level). */
function PeriodDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ kind: 'month', startsOn: todayIso().slice(0, 8) + '01', endsOn: '', dueOn: '', commune: true, village: true });
  const levels = (['commune', 'village'] as const).filter((l) => v[l]);
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('petitions.addPeriod')}
      submitLabel={t('petitions.save')}
      canSubmit={!!v.endsOn && !!v.dueOn && levels.length > 0}
      onSubmit={async () => {
        await call('POST /api/situation-periods', { body: { unitId, kind: v.kind as SituationPeriodKind, startsOn: v.startsOn, endsOn: v.endsOn, dueOn: v.dueOn, levels } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <SelectField
            label={t('petitions.periodKind')}
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.target.value })}
            options={SITUATION_PERIOD_KINDS.map((k) => ({ value: k, label: pick(SITUATION_PERIOD_KIND_LABELS[k]) }))}
          />
          <DateField label={t('petitions.periodStarts')} value={v.startsOn} required error={errs.startsOn} onChange={(d) => setV({ ...v, startsOn: d })} />
          <DateField label={t('petitions.periodEnds')} value={v.endsOn} required error={errs.endsOn} onChange={(d) => setV({ ...v, endsOn: d })} />
          <DateField label={t('petitions.periodDue')} value={v.dueOn} required error={errs.dueOn} onChange={(d) => setV({ ...v, dueOn: d })} />
          <CheckboxField label={t('petitions.levelCommune')} checked={v.commune} onChange={(e) => setV({ ...v, commune: e.target.checked })} />
          <CheckboxField label={t('petitions.levelVillage')} checked={v.village} onChange={(e) => setV({ ...v, village: e.target.checked })} />
        </>
      )}
    </FormDialog>
  );
}
