import { useState } from 'react';
import { ANSWER_STATUS_LABELS, DIRECTIVE_KIND_LABELS, DIRECTIVE_KINDS, OBLIGATION_KIND_LABELS, OBLIGATION_KINDS, type AnswerStatus } from '@contract/direction-values';
import type { DutyRow } from '@contract/direction';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { CheckboxField, Field, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { DirectionTabs } from './tabs';
import { call } from '../../client';
import { useEndpoint } from '../../query';
import type { DirectiveKind, ObligationKind } from '@contract/direction-values';

const BADGE: Record<AnswerStatus, string> = { on_time: 'badge-ok', late: 'badge-warn', not_answered: 'badge-red', pending: '' };

/**
 * Direction at one glance: what the levels above asked of the unit and by when (with answers), and
 * which units below have not answered what the unit (or a unit below it) asked.
 */
export function DirectionPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const [answering, setAnswering] = useState<DutyRow | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [inspecting, setInspecting] = useState(false);
  const inspections = useEndpoint('GET /api/inspections', unit ? { query: { unit } } : null);
  const [note, setNote] = useState<string | null>(null);
  const inbox = useEndpoint('GET /api/direction/inbox', unit ? { query: { unit, limit: 500 } } : null);
  const below = useEndpoint('GET /api/direction/duties', unit ? { query: { unit, limit: 1000 } } : null);
  const reload = () => {
    inbox.reload();
    below.reload();
  };
  const overdue = (below.data?.rows ?? []).filter((r) => r.unitId !== unit && (r.status === 'not_answered' || r.status === 'late'));
  const byDirective = new Map<number, DutyRow[]>();
  for (const r of overdue) byDirective.set(r.obligationId, [...(byDirective.get(r.obligationId) ?? []), r]);

  return (
    <>
      <PageTitle
        title={t('direction.title')}
        sub={t('direction.sub')}
        actions={
          can('direction.issue') &&
          unit && (
            <button type="button" className="btn btn-primary" onClick={() => setIssuing(true)}>
              {t('direction.issue')}
            </button>
          )
        }
      />
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
                <div>
                  {pick(OBLIGATION_KIND_LABELS[r.obligationKind])}: {r.what}
                </div>
                <div className="small muted">
                  {t('direction.from', { issuer: r.issuerName, date: formatDate(r.issuedOn) })} · <strong>{t('direction.due', { date: formatDate(r.dueOn) })}</strong>
                  {r.answeredOn && ` · ${t('direction.answeredOn', { date: formatDate(r.answeredOn) })}`}
                </div>
                {r.answerText && <div className="small">{r.answerText}</div>}
                {can('direction.write') && (
                  <div className="row-actions">
                    {!r.acknowledgedOn && !r.answeredOn && (
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={async () => {
                          await call('POST /api/directives/:id/acknowledge', { params: { id: r.directiveId }, body: { unitId: r.unitId } });
                          reload();
                        }}
                      >
                        {t('direction.acknowledge')}
                      </button>
                    )}
                    {!r.answeredOn && (
                      <button type="button" className="btn btn-small btn-primary" onClick={() => setAnswering(r)}>
                        {t('direction.answer')}
                      </button>
                    )}
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
              <h3 className="subhead">
                {r0.number} — {r0.title}
              </h3>
              <p className="small muted">
                {r0.what} · {t('direction.due', { date: formatDate(r0.dueOn) })} · {t('direction.from', { issuer: r0.issuerName, date: formatDate(r0.issuedOn) })}
              </p>
              <p>{t('direction.counts', { missing: missing.length, late: late.length })}</p>
              {missing.length > 0 && (
                <>
                  <h4 className="small">{t('direction.missingList')}</h4>
                  <ul className="plain-list" aria-label={t('direction.missingList')}>
                    {missing.map((r) => (
                      <li key={r.unitId}>{r.unitName}</li>
                    ))}
                  </ul>
                </>
              )}
              {late.length > 0 && (
                <>
                  <h4 className="small">{t('direction.lateList')}</h4>
                  <ul className="plain-list">
                    {late.map((r) => (
                      <li key={r.unitId}>
                        {r.unitName} ({t('direction.answeredOn', { date: formatDate(r.answeredOn) })})
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {can('direction.issue') && missing.length > 0 && r0.issuerId === unit && (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={async () => {
                    const res = await call('POST /api/directives/:id/remind', { params: { id: r0.directiveId } });
                    setNote(t('direction.reminded', { n: res.reminded }));
                  }}
                >
                  {t('direction.remind')}
                </button>
              )}
            </div>
          );
        })}
      </Section>
      <Section
        title={t('direction.inspectionsTitle')}
        actions={
          can('direction.issue') &&
          unit && (
            <button type="button" className="btn" onClick={() => setInspecting(true)}>
              {t('direction.addInspection')}
            </button>
          )
        }
      >
        {inspections.error && <ErrorNote error={inspections.error} onRetry={inspections.reload} />}
        {inspections.data && inspections.data.length === 0 && <Empty>{t('direction.inspectionsEmpty')}</Empty>}
        {inspections.data && inspections.data.length > 0 && (
          <ul className="member-list">
            {inspections.data.map((i) => (
              <li key={i.id}>
                <div className="member-main">
                  <strong>{i.inspectedUnitName}</strong> · {formatDate(i.heldOn)}
                </div>
                <div>{i.topic}</div>
                {i.conclusions && (
                  <div className="small">
                    {t('direction.conclusions')}: {i.conclusions}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {answering && <AnswerDialog row={answering} onClose={() => setAnswering(null)} onSaved={reload} />}
      {issuing && unit && (
        <IssueDialog
          unit={unit}
          onClose={() => setIssuing(false)}
          onSaved={(n) => {
            reload();
            setNote(t('direction.issued', { n }));
          }}
        />
      )}
      {inspecting && unit && <InspectionDialog unit={unit} onClose={() => setInspecting(false)} onSaved={inspections.reload} />}
    </>
  );
}

function AnswerDialog({ row, onClose, onSaved }: { row: DutyRow; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ text: '', figureLabel: '', figure: '' });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`${t('direction.answer')} — ${row.number}`}
      submitLabel={t('direction.send')}
      onSubmit={async () => {
        const figures = v.figureLabel.trim() && v.figure.trim() ? { [v.figureLabel.trim()]: Number(v.figure) } : {};
        await call('POST /api/directive-obligations/:id/answer', { params: { id: row.obligationId }, body: { unitId: row.unitId, text: v.text, figures } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <p className="small muted">
            {row.what} · {t('direction.due', { date: formatDate(row.dueOn) })} · {t('direction.today', { date: formatDate(todayIso()) })}
          </p>
          <TextField label={t('direction.answerText')} value={v.text} error={errs.text} onChange={(e) => setV({ ...v, text: e.target.value })} />
          <TextField label={t('direction.figureLabel')} value={v.figureLabel} onChange={(e) => setV({ ...v, figureLabel: e.target.value })} />
          <TextField label={t('direction.figure')} inputMode="decimal" value={v.figure} onChange={(e) => setV({ ...v, figure: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}

/** Sends a directive down: to every unit of the chosen levels below the unit on the day of issue, one obligation with its due date. */
function IssueDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: (recipients: number) => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ kind: 'directive', number: '', issuedOn: todayIso(), title: '', summary: '', obligationKind: 'report', what: '', dueOn: '' });
  const [levels, setLevels] = useState<Record<'commune' | 'village', boolean>>({ commune: true, village: false });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('direction.issue')}
      submitLabel={t('direction.sendDirective')}
      onSubmit={async () => {
        const d = await call('POST /api/directives', {
          body: {
            unitId: unit,
            kind: v.kind as DirectiveKind,
            number: v.number,
            issuedOn: v.issuedOn,
            title: v.title,
            summary: v.summary,
            files: [],
            recipientLevels: (['commune', 'village'] as const).filter((l) => levels[l]),
            obligations: [{ kind: v.obligationKind as ObligationKind, what: v.what, dueOn: v.dueOn }],
          },
        });
        onSaved(d.recipients);
      }}
    >
      {(errs) => (
        <>
          <SelectField
            label={t('direction.kind')}
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.target.value })}
            options={DIRECTIVE_KINDS.map((k) => ({ value: k, label: pick(DIRECTIVE_KIND_LABELS[k]) }))}
          />
          <TextField label={t('direction.number')} value={v.number} error={errs.number} onChange={(e) => setV({ ...v, number: e.target.value })} />
          <DateField label={t('direction.issuedOn')} value={v.issuedOn} error={errs.issuedOn} onChange={(issuedOn) => setV({ ...v, issuedOn })} />
          <TextField label={t('direction.docTitle')} value={v.title} error={errs.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
          <Field label={t('direction.docSummary')} error={errs.summary}>
            {(a) => <textarea {...a} rows={3} value={v.summary} onChange={(e) => setV({ ...v, summary: e.target.value })} />}
          </Field>
          <fieldset className="field">
            <legend>{t('direction.recipients')}</legend>
            <CheckboxField label={t('direction.toCommunes')} checked={levels.commune} onChange={(e) => setLevels({ ...levels, commune: e.target.checked })} />
            <CheckboxField label={t('direction.toVillages')} checked={levels.village} onChange={(e) => setLevels({ ...levels, village: e.target.checked })} />
          </fieldset>
          <SelectField
            label={t('direction.obligationKind')}
            value={v.obligationKind}
            onChange={(e) => setV({ ...v, obligationKind: e.target.value })}
            options={OBLIGATION_KINDS.map((k) => ({ value: k, label: pick(OBLIGATION_KIND_LABELS[k]) }))}
          />
          <TextField label={t('direction.what')} value={v.what} error={errs['obligations.0.what'] ?? errs.obligations} onChange={(e) => setV({ ...v, what: e.target.value })} />
          <DateField label={t('direction.dueOnLabel')} value={v.dueOn} error={errs['obligations.0.dueOn']} onChange={(dueOn) => setV({ ...v, dueOn })} />
        </>
      )}
    </FormDialog>
  );
}

/** An inspection of a unit below, with its conclusions. */
function InspectionDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [inspected, setInspected] = useState<number | null>(null);
  const [v, setV] = useState({ heldOn: todayIso(), topic: '', conclusions: '' });
  // The units right below on the day (a picker of its own would be a dialog inside this one).
  const below = useEndpoint('GET /api/units', { query: { parent: unit, asOf: v.heldOn, limit: 500 } });
  const options = [{ value: '', label: t('direction.chooseUnit') }, ...(below.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))];
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('direction.addInspection')}
      submitLabel={t('common.save')}
      canSubmit={inspected !== null}
      onSubmit={async () => {
        await call('POST /api/inspections', { body: { unitId: unit, inspectedUnitId: inspected!, ...v } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <SelectField
            label={t('direction.inspectedUnit')}
            value={inspected ? String(inspected) : ''}
            error={errs.inspectedUnitId}
            options={options}
            onChange={(e) => setInspected(e.target.value ? Number(e.target.value) : null)}
          />
          <DateField label={t('direction.heldOnInspection')} value={v.heldOn} error={errs.heldOn} onChange={(heldOn) => setV({ ...v, heldOn })} />
          <TextField label={t('direction.topic')} value={v.topic} error={errs.topic} onChange={(e) => setV({ ...v, topic: e.target.value })} />
          <Field label={t('direction.conclusions')} error={errs.conclusions}>
            {(a) => <textarea {...a} rows={3} value={v.conclusions} onChange={(e) => setV({ ...v, conclusions: e.target.value })} />}
          </Field>
        </>
      )}
    </FormDialog>
  );
}
