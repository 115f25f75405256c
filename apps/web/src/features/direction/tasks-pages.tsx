import { useState } from 'react';
import { ELECTION_CAMPAIGN_LABELS, ELECTION_CAMPAIGNS, ELECTION_KIND_LABELS, ELECTION_KINDS, ELECTION_TASK_KIND_LABELS, ELECTION_TASK_KINDS } from '@contract/direction-values';
import type { ElectionTask, KeyTask } from '@contract/direction';
import { formatDate, formatNumber, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../ui/date-field';
import { Empty } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { Frame, Loaded, TextArea, pct } from './work-frame';
import { call } from '../../client';
import { useEndpoint } from '../../query';
import type { ElectionCampaign, ElectionKind, ElectionTaskKind } from '@contract/direction-values';

// ---- key tasks (target 16) ----

export function KeyTasksPage() {
  const { t } = useI18n();
  return (
    <Frame tab="keyTasks" title={t('direction.keyTasksTitle')} sub={t('direction.keyTasksSub')} withYear>
      {(unit, year) => <KeyTasks key={`${unit}:${year}`} unit={unit} year={year} />}
    </Frame>
  );
}

function KeyTasks({ unit, year }: { unit: number; year: number }) {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useEndpoint('GET /api/key-tasks', { query: { unit, year } });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<KeyTask | null>(null);
  return (
    <Section
      title={t('direction.keyTasksOf', { year })}
      actions={
        can('direction.write') && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t('direction.registerKeyTask')}
          </button>
        )
      }
    >
      <Loaded f={list}>
        {(all) => {
          const own = all.filter((k) => k.unitId === unit);
          const done = own.filter((k) => k.completedOn).length;
          return own.length === 0 ? (
            <Empty>{t('direction.keyTasksEmpty')}</Empty>
          ) : (
            <>
              <p data-testid="key-task-summary">{t('direction.keyTasksDone', { done, total: own.length })}</p>
              <ul className="member-list">
                {own.map((k) => (
                  <li key={k.id}>
                    <div className="member-main">
                      <strong>{k.title}</strong>{' '}
                      <span className={`badge ${k.completedOn ? 'badge-ok' : ''}`}>
                        {k.completedOn ? t('direction.completedOn', { date: formatDate(k.completedOn) }) : `${k.progress}%`}
                      </span>
                    </div>
                    <div className="small muted">{t('direction.registeredOn', { date: formatDate(k.registeredOn) })}</div>
                    {k.evidence && (
                      <div className="small">
                        {t('direction.evidence')}: {k.evidence}
                      </div>
                    )}
                    {can('direction.write') && !k.completedOn && (
                      <div className="row-actions">
                        <button type="button" className="btn btn-small" onClick={() => setEditing(k)}>
                          {t('direction.updateProgress')}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
      {adding && <KeyTaskDialog unit={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
      {editing && <ProgressDialog task={editing} onClose={() => setEditing(null)} onSaved={list.reload} />}
    </Section>
  );
}

function KeyTaskDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ title: '', registeredOn: todayIso() });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('direction.registerKeyTask')}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('POST /api/key-tasks', { body: { unitId: unit, year: Number(v.registeredOn.slice(0, 4)), ...v } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <TextArea label={t('direction.keyTaskTitle')} value={v.title} error={errs.title} onChange={(title) => setV({ ...v, title })} />
          <DateField label={t('direction.registeredOnLabel')} value={v.registeredOn} error={errs.registeredOn} onChange={(registeredOn) => setV({ ...v, registeredOn })} />
        </>
      )}
    </FormDialog>
  );
}

function ProgressDialog({ task, onClose, onSaved }: { task: KeyTask; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ progress: String(task.progress), completedOn: '', evidence: task.evidence });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`${t('direction.updateProgress')} — ${task.title}`}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('PATCH /api/key-tasks/:id', { params: { id: task.id }, body: { progress: Number(v.progress) || 0, completedOn: v.completedOn || null, evidence: v.evidence } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <TextField label={t('direction.progress')} inputMode="numeric" value={v.progress} error={errs.progress} onChange={(e) => setV({ ...v, progress: e.target.value })} />
          <DateField label={t('direction.completedOnLabel')} allowEmpty value={v.completedOn} error={errs.completedOn} onChange={(completedOn) => setV({ ...v, completedOn })} />
          <TextArea label={t('direction.evidence')} value={v.evidence} error={errs.evidence} onChange={(evidence) => setV({ ...v, evidence })} />
        </>
      )}
    </FormDialog>
  );
}

// ---- elections and the Party congress (target 12) ----

export function ElectionsPage() {
  const { t } = useI18n();
  return (
    <Frame tab="elections" title={t('direction.electionsTitle')} sub={t('direction.electionsSub')}>
      {(unit) => <Elections key={unit} unit={unit} />}
    </Frame>
  );
}

function Elections({ unit }: { unit: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const tasks = useEndpoint('GET /api/election-tasks', { query: { unit } });
  const results = useEndpoint('GET /api/election-results', { query: { unit } });
  const [adding, setAdding] = useState(false);
  const [addingResult, setAddingResult] = useState(false);
  const [completing, setCompleting] = useState<ElectionTask | null>(null);
  const today = todayIso();
  return (
    <>
      <Section
        title={t('direction.checklist')}
        actions={
          can('direction.write') && (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {t('direction.addElectionTask')}
            </button>
          )
        }
      >
        <Loaded f={tasks}>
          {(all) => {
            const own = all.filter((x) => x.unitId === unit);
            const doneAll = all.filter((x) => x.doneOn).length;
            return (
              <>
                <p data-testid="election-summary">{t('direction.checklistArea', { done: doneAll, total: all.length })}</p>
                {own.length === 0 ? (
                  <Empty>{t('direction.checklistEmpty')}</Empty>
                ) : (
                  ELECTION_CAMPAIGNS.filter((c) => own.some((x) => x.campaign === c)).map((c) => (
                    <div key={c} className="card">
                      <h3 className="subhead">{pick(ELECTION_CAMPAIGN_LABELS[c])}</h3>
                      <ul className="member-list">
                        {own
                          .filter((x) => x.campaign === c)
                          .map((x) => (
                            <li key={x.id} data-testid={`election-task-${x.id}`}>
                              <div className="member-main">
                                <strong>{x.title}</strong> <span className="small muted">({pick(ELECTION_TASK_KIND_LABELS[x.kind])})</span>{' '}
                                {x.doneOn ? (
                                  <span className="badge badge-ok">{t('direction.doneOn', { date: formatDate(x.doneOn) })}</span>
                                ) : (
                                  <span className={`badge ${x.dueOn < today ? 'badge-red' : ''}`}>{x.dueOn < today ? t('direction.overdue') : t('direction.notYet')}</span>
                                )}
                              </div>
                              <div className="small muted">
                                {t('direction.due', { date: formatDate(x.dueOn) })}
                                {x.evidence && ` · ${t('direction.evidence')}: ${x.evidence}`}
                              </div>
                              {can('direction.write') && !x.doneOn && (
                                <div className="row-actions">
                                  <button type="button" className="btn btn-small" onClick={() => setCompleting(x)}>
                                    {t('direction.markDone')}
                                  </button>
                                </div>
                              )}
                            </li>
                          ))}
                      </ul>
                    </div>
                  ))
                )}
              </>
            );
          }}
        </Loaded>
      </Section>
      <Section
        title={t('direction.results')}
        actions={
          can('direction.write') && (
            <button type="button" className="btn" onClick={() => setAddingResult(true)}>
              {t('direction.addResult')}
            </button>
          )
        }
      >
        <Loaded f={results}>
          {(rows) =>
            rows.length === 0 ? (
              <Empty>{t('direction.resultsEmpty')}</Empty>
            ) : (
              <ul className="member-list">
                {rows.map((r) => (
                  <li key={r.id}>
                    <div className="member-main">
                      <strong>{pick(ELECTION_KIND_LABELS[r.kind])}</strong> · {formatDate(r.heldOn)}
                    </div>
                    <div className="small">{t('direction.turnout', { voted: formatNumber(r.voted), voters: formatNumber(r.voters), rate: pct(r.voted, r.voters) })}</div>
                    <div className="small">{t('direction.elected', { candidates: formatNumber(r.candidates), elected: formatNumber(r.elected) })}</div>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </Section>
      {adding && <ElectionTaskDialog unit={unit} onClose={() => setAdding(false)} onSaved={tasks.reload} />}
      {addingResult && <ResultDialog unit={unit} onClose={() => setAddingResult(false)} onSaved={results.reload} />}
      {completing && <DoneDialog task={completing} onClose={() => setCompleting(null)} onSaved={tasks.reload} />}
    </>
  );
}

function ElectionTaskDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ campaign: 'elections_2026', kind: 'conference', title: '', dueOn: todayIso() });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('direction.addElectionTask')}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('POST /api/election-tasks', { body: { unitId: unit, ...v, campaign: v.campaign as ElectionCampaign, kind: v.kind as ElectionTaskKind } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <SelectField
            label={t('direction.campaign')}
            value={v.campaign}
            onChange={(e) => setV({ ...v, campaign: e.target.value })}
            options={ELECTION_CAMPAIGNS.map((c) => ({ value: c, label: pick(ELECTION_CAMPAIGN_LABELS[c]) }))}
          />
          <SelectField
            label={t('direction.taskKind')}
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.target.value })}
            options={ELECTION_TASK_KINDS.map((c) => ({ value: c, label: pick(ELECTION_TASK_KIND_LABELS[c]) }))}
          />
          <TextField label={t('direction.taskTitle')} value={v.title} error={errs.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
          <DateField label={t('direction.dueOnLabel')} value={v.dueOn} error={errs.dueOn} onChange={(dueOn) => setV({ ...v, dueOn })} />
        </>
      )}
    </FormDialog>
  );
}

function DoneDialog({ task, onClose, onSaved }: { task: ElectionTask; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ doneOn: todayIso(), evidence: '' });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`${t('direction.markDone')} — ${task.title}`}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('POST /api/election-tasks/:id/done', { params: { id: task.id }, body: v });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <DateField label={t('direction.doneOnLabel')} value={v.doneOn} error={errs.doneOn} onChange={(doneOn) => setV({ ...v, doneOn })} />
          <TextArea label={t('direction.evidence')} value={v.evidence} error={errs.evidence} onChange={(evidence) => setV({ ...v, evidence })} />
        </>
      )}
    </FormDialog>
  );
}

function ResultDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ kind: 'village_head', heldOn: todayIso(), voters: '', voted: '', candidates: '', elected: '' });
  const num = (s: string) => Number(s.replace(/\D/g, '')) || 0;
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('direction.addResult')}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('POST /api/election-results', {
          body: {
            unitId: unit,
            kind: v.kind as ElectionKind,
            heldOn: v.heldOn,
            voters: num(v.voters),
            voted: num(v.voted),
            candidates: num(v.candidates),
            elected: num(v.elected),
          },
        });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <SelectField
            label={t('direction.electionKind')}
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.target.value })}
            options={ELECTION_KINDS.map((c) => ({ value: c, label: pick(ELECTION_KIND_LABELS[c]) }))}
          />
          <DateField label={t('direction.heldOn')} value={v.heldOn} error={errs.heldOn} onChange={(heldOn) => setV({ ...v, heldOn })} />
          {(
            [
              ['voters', 'direction.voters'],
              ['voted', 'direction.voted'],
              ['candidates', 'direction.candidates'],
              ['elected', 'direction.electedCount'],
            ] as const
          ).map(([k, label]) => (
            <TextField key={k} label={t(label)} inputMode="numeric" value={v[k]} error={errs[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
          ))}
        </>
      )}
    </FormDialog>
  );
}
