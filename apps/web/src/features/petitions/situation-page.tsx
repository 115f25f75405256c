import { useState } from 'react';
import { SITUATION_PERIOD_KIND_LABELS, SITUATION_PERIOD_KINDS, type SituationStatus } from '@contract/petitions-values';
import type { SituationOverview } from '@contract/petitions';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { useFetch } from '../../use-fetch';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { petitionsApi } from './api';
import { PetitionTabs } from './tabs';

const BADGE: Record<SituationStatus, string> = { on_time: 'badge-ok', late: 'badge-warn', not_filed: 'badge-red', pending: '' };

/** People's situation reports: who owed which report, filed on time, late or not at all; hot issues combined. */
export function SituationPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : me?.unitId ?? null;
  const [filing, setFiling] = useState<SituationOverview['rows'][number] | null>(null);
  const res = useFetch(unit ? `situation:${unit}:${q.period ?? ''}` : null, () => petitionsApi.situation({ unit: unit!, period: q.period }));
  const periodLabel = (id: number) => {
    const p = res.data?.periods.find((x) => x.id === id);
    return p ? `${pick(SITUATION_PERIOD_KIND_LABELS[p.kind])} ${formatDate(p.startsOn)}–${formatDate(p.endsOn)}` : '';
  };
  return (
    <>
      <PageTitle title={t('petitions.situationTitle')} sub={t('petitions.situationSub')} />
      <PetitionTabs tab="situation" />
      <div className="filters">
        <UnitSelect label={t('petitions.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
        <SelectField label={t('petitions.periodKind')} value={q.period ?? ''} onChange={(e) => setQ({ period: e.target.value || null })}
          options={[{ value: '', label: t('petitions.all') }, ...SITUATION_PERIOD_KINDS.map((k) => ({ value: k, label: pick(SITUATION_PERIOD_KIND_LABELS[k]) }))]} />
      </div>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && unit && <Loading />}
      {res.data && (
        <>
          <Section title={t('petitions.situationSummary')}>
            <p>{t('petitions.situationCounts', { onTime: res.data.summary.onTime, late: res.data.summary.late, notFiled: res.data.summary.notFiled, pending: res.data.summary.pending })}</p>
            {res.data.hotIssues.length > 0 && (
              <>
                <h3 className="subhead">{t('petitions.hotIssues')}</h3>
                <ul className="plain-list">{res.data.hotIssues.map((h) => <li key={h.issue}>{h.issue} <span className="badge">{h.count}</span></li>)}</ul>
              </>
            )}
          </Section>
          <Section title={t('petitions.situationRows')}>
            {res.data.rows.length === 0 && <Empty>{t('petitions.noneYet')}</Empty>}
            <ul className="member-list">
              {res.data.rows.slice(0, 300).map((r) => (
                <li key={`${r.periodId}:${r.unitId}`}>
                  <div className="member-main"><strong>{r.unitName}</strong> <span className={`badge ${BADGE[r.status]}`}>{t(`petitions.status.${r.status}` as const)}</span></div>
                  <div className="small muted">{periodLabel(r.periodId)} · {t('petitions.dueOn', { date: formatDate(r.dueOn) })}
                    {r.filedOn && ` · ${t('petitions.filedOn', { date: formatDate(r.filedOn) })}`}</div>
                  {!r.filedOn && can('petition.write') && (
                    <button type="button" className="btn btn-small" onClick={() => setFiling(r)}>{t('petitions.fileReport')}</button>
                  )}
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
      {filing && <FileDialog row={filing} onClose={() => setFiling(null)} onSaved={res.reload} />}
    </>
  );
}

function FileDialog({ row, onClose, onSaved }: { row: SituationOverview['rows'][number]; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ filedOn: todayIso(), topics: '', hot: '' });
  return (
    <FormDialog open onClose={onClose} title={`${t('petitions.fileReport')} — ${row.unitName}`} submitLabel={t('petitions.save')}
      onSubmit={async () => {
        await petitionsApi.fileReport({ periodId: row.periodId, unitId: row.unitId, filedOn: v.filedOn, topics: v.topics,
          hotIssues: v.hot.split(/[;\n]/).map((s) => s.trim()).filter(Boolean) });
        onSaved();
      }}>
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
