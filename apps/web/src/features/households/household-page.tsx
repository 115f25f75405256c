import { useState } from 'react';
import { HOUSE_STATUS_LABELS, HOUSING_CONDITION_LABELS, HOUSING_NEED_LABELS, RELATION_LABELS, SUPPORT_KIND_LABELS } from '@contract/households-values';
import { formatDate, formatVnd, tetYear, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { useSession } from '../auth/session';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';
import { useEndpoint } from '../../query';
import { thisYear } from './frame';
import { ClassifyDialog } from './classify-form';
import { HouseActions } from './house-actions';
import { classList } from './labels';
import { SupportFormDialog } from './support-form';
import { StackTable } from '../../ui/table';

/** One household: members (ID numbers masked), classification year by year, and every act of support. */
export function HouseholdPage({ id }: { id: number }) {
  const { can } = useSession();
  const { t, pick } = useI18n();
  const [query] = useQueryState();
  const year = query.year ? Number(query.year) : thisYear();
  const res = useEndpoint('GET /api/households/:id', { params: { id }, query: { year } });
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [classifying, setClassifying] = useState(false);
  const h = res.data;
  if (res.error) return <ErrorNote error={res.error} onRetry={res.reload} />;
  if (!h) return <Loading />;
  return (
    <>
      <PageTitle
        title={h.headName}
        sub={
          <>
            <Link to={`/units/${h.unitId}`}>{h.villageName}</Link>
            {h.communeName ? `, ${h.communeName}` : ''}
          </>
        }
        actions={
          h.canWrite && (
            <button type="button" className="btn btn-primary" onClick={() => setRecording(true)}>
              {t('hh.recordSupport')}
            </button>
          )
        }
      />
      {saved && <Notice kind="ok">{saved}</Notice>}
      <Section title={t('hh.members')}>
        {h.address && (
          <p>
            {t('hh.address')}: {h.address}
          </p>
        )}
        <ul className="member-list">
          {h.members.map((m) => (
            <li key={m.id}>
              <strong>{m.fullName}</strong> {m.birthYear && <span className="muted">({m.birthYear})</span>} · {pick(RELATION_LABELS[m.relation])}
              {m.nationalIdMasked && <span className="small muted"> · CCCD {m.nationalIdMasked}</span>}
            </li>
          ))}
        </ul>
      </Section>
      <Section
        title={t('hh.history')}
        actions={
          h.canWrite && (
            <button type="button" className="btn btn-small" onClick={() => setClassifying(true)}>
              {t('hh.classify', { year })}
            </button>
          )
        }
      >
        {h.history.length === 0 && <Empty>{t('hh.notReviewed')}</Empty>}
        <StackTable>
          <thead>
            <tr>
              <th>{t('hh.year')}</th>
              <th>{t('hh.class')}</th>
              <th>{t('hh.housingCondition')}</th>
              <th>{t('hh.housingNeed')}</th>
            </tr>
          </thead>
          <tbody>
            {h.history.map((c) => (
              <tr key={c.year}>
                <td>{c.year}</td>
                <td>{classList(pick, c.classes) || '—'}</td>
                <td>{c.housingCondition ? pick(HOUSING_CONDITION_LABELS[c.housingCondition]) : '—'}</td>
                <td>{pick(HOUSING_NEED_LABELS[c.housingNeed])}</td>
              </tr>
            ))}
          </tbody>
        </StackTable>
      </Section>
      <Section title={t('hh.supports')}>
        {h.supports.length === 0 && <Empty>{t('hh.noSupports')}</Empty>}
        <ul className="member-list">
          {h.supports.map((s) => (
            <li key={s.id}>
              <div className="member-main">
                <strong>{pick(SUPPORT_KIND_LABELS[s.kind])}</strong> · {formatDate(s.supportDate)} · {formatVnd(s.valueVnd)}
              </div>
              <div className="small muted">
                {[
                  s.unitName,
                  s.provider,
                  s.campaign,
                  s.memberName,
                  s.loanGroup,
                  s.note,
                  s.house &&
                    `${pick(HOUSE_STATUS_LABELS[s.house.status])} — ${t('hh.houseFromFund')}: ${formatVnd(s.house.fromFundVnd)}, ${t('hh.labourDays')}: ${s.house.labourDays}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              {s.disbursementId && s.fundId && (
                <div className="small">{can('fund.read') ? <Link to={`/fund/funds/${s.fundId}`}>{t('hh.paidFromFund')}</Link> : t('hh.paidFromFund')}</div>
              )}
              {s.house && h.canWrite && <HouseActions support={s} onChanged={res.reload} />}
            </li>
          ))}
        </ul>
      </Section>
      {classifying && (
        <ClassifyDialog
          open
          onClose={() => setClassifying(false)}
          householdId={h.id}
          headName={h.headName}
          year={year}
          current={h.history.find((c) => c.year === year)}
          onSaved={(queued) => {
            setSaved(queued ? t('offline.saved') : t('common.savedOk'));
            if (!queued) res.reload();
          }}
        />
      )}
      {recording && (
        <SupportFormDialog
          open
          onClose={() => setRecording(false)}
          householdId={h.id}
          headName={h.headName}
          year={query.year ? year : tetYear(todayIso())}
          onSaved={(x) => {
            setSaved(x ? t('hh.supportSaved') : t('offline.saved'));
            if (x) res.reload();
          }}
        />
      )}
    </>
  );
}
