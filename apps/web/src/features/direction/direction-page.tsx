import { useState } from 'react';
import { ANSWER_STATUS_LABELS, OBLIGATION_KIND_LABELS, type AnswerStatus } from '@contract/direction-values';
import type { DutyRow } from '@contract/direction';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { useFetch } from '../../use-fetch';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { directionApi } from './api';
import { DirectionTabs } from './tabs';

const BADGE: Record<AnswerStatus, string> = { on_time: 'badge-ok', late: 'badge-warn', not_answered: 'badge-red', pending: '' };

/**
 * Direction at one glance: what the levels above asked of the unit and by when (with answers), and
 * which units below have not answered what the unit (or a unit below it) asked.
 */
export function DirectionPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : me?.unitId ?? null;
  const [answering, setAnswering] = useState<DutyRow | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const inbox = useFetch(unit ? `direction-inbox:${unit}` : null, () => directionApi.inbox(unit!));
  const below = useFetch(unit ? `direction-below:${unit}` : null, () => directionApi.duties(unit!));
  const reload = () => { inbox.reload(); below.reload(); };
  const overdue = (below.data?.rows ?? []).filter((r) => r.unitId !== unit && (r.status === 'not_answered' || r.status === 'late'));
  const byDirective = new Map<number, DutyRow[]>();
  for (const r of overdue) byDirective.set(r.obligationId, [...(byDirective.get(r.obligationId) ?? []), r]);

  return (
    <>
      <PageTitle title={t('direction.title')} sub={t('direction.sub')} />
      <DirectionTabs tab="directives" />
      <div className="filters">
        <UnitSelect label={t('direction.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
      </div>
      {note && <Notice kind="ok">{note}</Notice>}
      <Section title={t('direction.inboxTitle')}>
        {inbox.error && <ErrorNote error={inbox.error} onRetry={inbox.reload} />}
        {!inbox.data && !inbox.error && unit && <Loading />}
        {inbox.data && inbox.data.rows.length === 0 && <Empty>{t('direction.inboxEmpty')}</Empty>}
        {inbox.data && inbox.data.rows.length > 0 && (
          <ul className="member-list">
            {inbox.data.rows.map((r) => (
              <li key={`${r.obligationId}:${r.unitId}`} data-testid={`duty-${r.obligationId}`}>
                <div className="member-main">
                  <strong>{r.number}</strong> — {r.title} <span className={`badge ${BADGE[r.status]}`}>{pick(ANSWER_STATUS_LABELS[r.status])}</span>
                </div>
                <div>{pick(OBLIGATION_KIND_LABELS[r.obligationKind])}: {r.what}</div>
                <div className="small muted">
                  {t('direction.from', { issuer: r.issuerName, date: formatDate(r.issuedOn) })} · <strong>{t('direction.due', { date: formatDate(r.dueOn) })}</strong>
                  {r.answeredOn && ` · ${t('direction.answeredOn', { date: formatDate(r.answeredOn) })}`}
                </div>
                {r.answerText && <div className="small">{r.answerText}</div>}
                {can('direction.write') && (
                  <div className="row-actions">
                    {!r.acknowledgedOn && !r.answeredOn && (
                      <button type="button" className="btn btn-small" onClick={async () => {
                        await directionApi.acknowledge(r.directiveId, r.unitId);
                        reload();
                      }}>{t('direction.acknowledge')}</button>
                    )}
                    {!r.answeredOn && <button type="button" className="btn btn-small btn-primary" onClick={() => setAnswering(r)}>{t('direction.answer')}</button>}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('direction.belowTitle')}>
        {below.error && <ErrorNote error={below.error} onRetry={below.reload} />}
        {below.data && byDirective.size === 0 && <Empty>{t('direction.belowEmpty')}</Empty>}
        {[...byDirective.values()].map((rows) => {
          const r0 = rows[0];
          const missing = rows.filter((r) => r.status === 'not_answered');
          const late = rows.filter((r) => r.status === 'late');
          return (
            <div key={r0.obligationId} className="card" data-testid={`overdue-${r0.obligationId}`}>
              <h3 className="subhead">{r0.number} — {r0.title}</h3>
              <p className="small muted">{r0.what} · {t('direction.due', { date: formatDate(r0.dueOn) })} · {t('direction.from', { issuer: r0.issuerName, date: formatDate(r0.issuedOn) })}</p>
              <p>{t('direction.counts', { missing: missing.length, late: late.length })}</p>
              {missing.length > 0 && (
                <>
                  <h4 className="small">{t('direction.missingList')}</h4>
                  <ul className="plain-list" aria-label={t('direction.missingList')}>{missing.map((r) => <li key={r.unitId}>{r.unitName}</li>)}</ul>
                </>
              )}
              {late.length > 0 && (
                <>
                  <h4 className="small">{t('direction.lateList')}</h4>
                  <ul className="plain-list">{late.map((r) => <li key={r.unitId}>{r.unitName} ({t('direction.answeredOn', { date: formatDate(r.answeredOn) })})</li>)}</ul>
                </>
              )}
              {can('direction.issue') && missing.length > 0 && r0.issuerId === unit && (
                <button type="button" className="btn btn-small" onClick={async () => {
                  const res = await directionApi.remind(r0.directiveId);
                  setNote(t('direction.reminded', { n: res.reminded }));
                }}>{t('direction.remind')}</button>
              )}
            </div>
          );
        })}
      </Section>
      {answering && <AnswerDialog row={answering} onClose={() => setAnswering(null)} onSaved={reload} />}
    </>
  );
}

function AnswerDialog({ row, onClose, onSaved }: { row: DutyRow; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ text: '', figureLabel: '', figure: '' });
  return (
    <FormDialog open onClose={onClose} title={`${t('direction.answer')} — ${row.number}`} submitLabel={t('direction.send')}
      onSubmit={async () => {
        const figures = v.figureLabel.trim() && v.figure.trim() ? { [v.figureLabel.trim()]: Number(v.figure) } : {};
        await directionApi.answer(row.obligationId, { unitId: row.unitId, text: v.text, figures });
        onSaved();
      }}>
      {(errs) => (
        <>
          <p className="small muted">{row.what} · {t('direction.due', { date: formatDate(row.dueOn) })} · {t('direction.today', { date: formatDate(todayIso()) })}</p>
          <TextField label={t('direction.answerText')} value={v.text} error={errs.text} onChange={(e) => setV({ ...v, text: e.target.value })} />
          <TextField label={t('direction.figureLabel')} value={v.figureLabel} onChange={(e) => setV({ ...v, figureLabel: e.target.value })} />
          <TextField label={t('direction.figure')} inputMode="decimal" value={v.figure} onChange={(e) => setV({ ...v, figure: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}
