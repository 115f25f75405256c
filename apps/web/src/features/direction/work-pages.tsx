import { useState, type ReactNode } from 'react';
import {
  AWARD_LEVEL_LABELS, AWARD_LEVELS, ELECTION_CAMPAIGN_LABELS, ELECTION_CAMPAIGNS, ELECTION_KIND_LABELS, ELECTION_KINDS, ELECTION_TASK_KIND_LABELS,
  ELECTION_TASK_KINDS, GRADE_LABELS, GRADES, PARTNER_KIND_LABELS, PARTNER_KINDS, RECIPIENT_KIND_LABELS, RECIPIENT_KINDS, type Grade,
} from '@contract/direction-values';
import type { Course, ElectionTask, Grading, KeyTask, Programme } from '@contract/direction';
import { formatDate, formatNumber, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import type { ApiError } from '../../api';
import { asApiError, useFetch, type Fetched } from '../../use-fetch';
import { DateField } from '../../ui/date-field';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { Field, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { directionApi } from './api';
import { DirectionTabs, type DirectionTab } from './tabs';

// The unit's own records of programme 5, one page each: key tasks (target 16), elections and the Party
// congress (12), training (15a), grading (15b, 15c), the commendation registry, coordination programmes.

const thisYear = () => Number(todayIso().slice(0, 4));

/** The unit (default: the user's) and the year (default: this year) of a page, kept in the address. */
function useUnitYear() {
  const { me } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : me?.unitId ?? null;
  const year = q.year ? Number(q.year) : thisYear();
  return { unit, year, setUnit: (id: number | null) => setQ({ unit: id }), setYear: (y: number) => setQ({ year: y }) };
}

function Frame({ tab, title, sub, withYear = false, children }: { tab: DirectionTab; title: string; sub: string; withYear?: boolean; children: (unit: number, year: number) => ReactNode }) {
  const { t } = useI18n();
  const { unit, year, setUnit, setYear } = useUnitYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear() - i);
  return (
    <>
      <PageTitle title={title} sub={sub} />
      <DirectionTabs tab={tab} />
      <div className="filters">
        <UnitSelect label={t('direction.unit')} value={unit} onChange={setUnit} allowClear={false} />
        {withYear && (
          <SelectField label={t('direction.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}
            options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        )}
      </div>
      {unit ? children(unit, year) : <Empty>{t('direction.pickUnit')}</Empty>}
    </>
  );
}

function Loaded<T>({ f, children }: { f: Fetched<T>; children: (data: T) => ReactNode }) {
  if (f.error) return <ErrorNote error={f.error} onRetry={f.reload} />;
  if (!f.data) return <Loading />;
  return <>{children(f.data)}</>;
}

function TextArea({ label, value, onChange, error, hint }: { label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string }) {
  return <Field label={label} error={error} hint={hint}>{(a) => <textarea {...a} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />}</Field>;
}

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');

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
  const list = useFetch(`key-tasks:${unit}:${year}`, () => directionApi.keyTasks(unit, year));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<KeyTask | null>(null);
  return (
    <Section title={t('direction.keyTasksOf', { year })}
      actions={can('direction.write') && <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>{t('direction.registerKeyTask')}</button>}>
      <Loaded f={list}>{(all) => {
        const own = all.filter((k) => k.unitId === unit);
        const done = own.filter((k) => k.completedOn).length;
        return own.length === 0 ? <Empty>{t('direction.keyTasksEmpty')}</Empty> : (
          <>
            <p data-testid="key-task-summary">{t('direction.keyTasksDone', { done, total: own.length })}</p>
            <ul className="member-list">
              {own.map((k) => (
                <li key={k.id}>
                  <div className="member-main"><strong>{k.title}</strong>{' '}
                    <span className={`badge ${k.completedOn ? 'badge-ok' : ''}`}>{k.completedOn ? t('direction.completedOn', { date: formatDate(k.completedOn) }) : `${k.progress}%`}</span>
                  </div>
                  <div className="small muted">{t('direction.registeredOn', { date: formatDate(k.registeredOn) })}</div>
                  {k.evidence && <div className="small">{t('direction.evidence')}: {k.evidence}</div>}
                  {can('direction.write') && !k.completedOn && (
                    <div className="row-actions"><button type="button" className="btn btn-small" onClick={() => setEditing(k)}>{t('direction.updateProgress')}</button></div>
                  )}
                </li>
              ))}
            </ul>
          </>
        );
      }}</Loaded>
      {adding && <KeyTaskDialog unit={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
      {editing && <ProgressDialog task={editing} onClose={() => setEditing(null)} onSaved={list.reload} />}
    </Section>
  );
}

function KeyTaskDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ title: '', registeredOn: todayIso() });
  return (
    <FormDialog open onClose={onClose} title={t('direction.registerKeyTask')} submitLabel={t('common.save')}
      onSubmit={async () => { await directionApi.createKeyTask({ unitId: unit, year: Number(v.registeredOn.slice(0, 4)), ...v }); onSaved(); }}>
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
    <FormDialog open onClose={onClose} title={`${t('direction.updateProgress')} — ${task.title}`} submitLabel={t('common.save')}
      onSubmit={async () => {
        await directionApi.updateKeyTask(task.id, { progress: Number(v.progress) || 0, completedOn: v.completedOn || null, evidence: v.evidence });
        onSaved();
      }}>
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
  const tasks = useFetch(`election-tasks:${unit}`, () => directionApi.electionTasks(unit));
  const results = useFetch(`election-results:${unit}`, () => directionApi.electionResults(unit));
  const [adding, setAdding] = useState(false);
  const [addingResult, setAddingResult] = useState(false);
  const [completing, setCompleting] = useState<ElectionTask | null>(null);
  const today = todayIso();
  return (
    <>
      <Section title={t('direction.checklist')}
        actions={can('direction.write') && <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>{t('direction.addElectionTask')}</button>}>
        <Loaded f={tasks}>{(all) => {
          const own = all.filter((x) => x.unitId === unit);
          const doneAll = all.filter((x) => x.doneOn).length;
          return (
            <>
              <p data-testid="election-summary">{t('direction.checklistArea', { done: doneAll, total: all.length })}</p>
              {own.length === 0 ? <Empty>{t('direction.checklistEmpty')}</Empty> : ELECTION_CAMPAIGNS.filter((c) => own.some((x) => x.campaign === c)).map((c) => (
                <div key={c} className="card">
                  <h3 className="subhead">{pick(ELECTION_CAMPAIGN_LABELS[c])}</h3>
                  <ul className="member-list">
                    {own.filter((x) => x.campaign === c).map((x) => (
                      <li key={x.id} data-testid={`election-task-${x.id}`}>
                        <div className="member-main"><strong>{x.title}</strong> <span className="small muted">({pick(ELECTION_TASK_KIND_LABELS[x.kind])})</span>{' '}
                          {x.doneOn ? <span className="badge badge-ok">{t('direction.doneOn', { date: formatDate(x.doneOn) })}</span>
                            : <span className={`badge ${x.dueOn < today ? 'badge-red' : ''}`}>{x.dueOn < today ? t('direction.overdue') : t('direction.notYet')}</span>}
                        </div>
                        <div className="small muted">{t('direction.due', { date: formatDate(x.dueOn) })}{x.evidence && ` · ${t('direction.evidence')}: ${x.evidence}`}</div>
                        {can('direction.write') && !x.doneOn && (
                          <div className="row-actions"><button type="button" className="btn btn-small" onClick={() => setCompleting(x)}>{t('direction.markDone')}</button></div>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          );
        }}</Loaded>
      </Section>
      <Section title={t('direction.results')}
        actions={can('direction.write') && <button type="button" className="btn" onClick={() => setAddingResult(true)}>{t('direction.addResult')}</button>}>
        <Loaded f={results}>{(rows) => rows.length === 0 ? <Empty>{t('direction.resultsEmpty')}</Empty> : (
          <ul className="member-list">
            {rows.map((r) => (
              <li key={r.id}>
                <div className="member-main"><strong>{pick(ELECTION_KIND_LABELS[r.kind])}</strong> · {formatDate(r.heldOn)}</div>
                <div className="small">{t('direction.turnout', { voted: formatNumber(r.voted), voters: formatNumber(r.voters), rate: pct(r.voted, r.voters) })}</div>
                <div className="small">{t('direction.elected', { candidates: formatNumber(r.candidates), elected: formatNumber(r.elected) })}</div>
              </li>
            ))}
          </ul>
        )}</Loaded>
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
    <FormDialog open onClose={onClose} title={t('direction.addElectionTask')} submitLabel={t('common.save')}
      onSubmit={async () => { await directionApi.createElectionTask({ unitId: unit, ...v }); onSaved(); }}>
      {(errs) => (
        <>
          <SelectField label={t('direction.campaign')} value={v.campaign} onChange={(e) => setV({ ...v, campaign: e.target.value })}
            options={ELECTION_CAMPAIGNS.map((c) => ({ value: c, label: pick(ELECTION_CAMPAIGN_LABELS[c]) }))} />
          <SelectField label={t('direction.taskKind')} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}
            options={ELECTION_TASK_KINDS.map((c) => ({ value: c, label: pick(ELECTION_TASK_KIND_LABELS[c]) }))} />
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
    <FormDialog open onClose={onClose} title={`${t('direction.markDone')} — ${task.title}`} submitLabel={t('common.save')}
      onSubmit={async () => { await directionApi.completeElectionTask(task.id, v); onSaved(); }}>
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
    <FormDialog open onClose={onClose} title={t('direction.addResult')} submitLabel={t('common.save')}
      onSubmit={async () => {
        await directionApi.createElectionResult({ unitId: unit, kind: v.kind, heldOn: v.heldOn, voters: num(v.voters), voted: num(v.voted), candidates: num(v.candidates), elected: num(v.elected) });
        onSaved();
      }}>
      {(errs) => (
        <>
          <SelectField label={t('direction.electionKind')} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}
            options={ELECTION_KINDS.map((c) => ({ value: c, label: pick(ELECTION_KIND_LABELS[c]) }))} />
          <DateField label={t('direction.heldOn')} value={v.heldOn} error={errs.heldOn} onChange={(heldOn) => setV({ ...v, heldOn })} />
          {([['voters', 'direction.voters'], ['voted', 'direction.voted'], ['candidates', 'direction.candidates'], ['elected', 'direction.electedCount']] as const).map(([k, label]) => (
            <TextField key={k} label={t(label)} inputMode="numeric" value={v[k]} error={errs[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
          ))}
        </>
      )}
    </FormDialog>
  );
}

// ---- training (target 15a) ----

export function TrainingPage() {
  const { t } = useI18n();
  return (
    <Frame tab="training" title={t('direction.trainingTitle')} sub={t('direction.trainingSub')} withYear>
      {(unit, year) => <Training key={`${unit}:${year}`} unit={unit} year={year} />}
    </Frame>
  );
}

function Training({ unit, year }: { unit: number; year: number }) {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useFetch(`courses:${unit}`, () => directionApi.courses(unit));
  const [adding, setAdding] = useState(false);
  const [attending, setAttending] = useState<Course | null>(null);
  return (
    <Section title={t('direction.coursesOf', { year })}
      actions={can('direction.write') && <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>{t('direction.addCourse')}</button>}>
      <Loaded f={list}>{(all) => {
        const rows = all.filter((c) => c.startsOn.startsWith(String(year)));
        const attendances = rows.reduce((s, c) => s + c.attendances, 0);
        return rows.length === 0 ? <Empty>{t('direction.coursesEmpty')}</Empty> : (
          <>
            <p data-testid="training-summary">{t('direction.coursesCount', { courses: rows.length, attendances: formatNumber(attendances) })}</p>
            <ul className="member-list">
              {rows.map((c) => (
                <li key={c.id} data-testid={`course-${c.id}`}>
                  <div className="member-main"><strong>{c.title}</strong> <span className="badge">{t('direction.attendances', { n: c.attendances })}</span></div>
                  <div className="small muted">{formatDate(c.startsOn)}{c.endsOn !== c.startsOn && ` – ${formatDate(c.endsOn)}`}{c.audience && ` · ${c.audience}`}</div>
                  {can('direction.write') && c.unitId === unit && (
                    <div className="row-actions"><button type="button" className="btn btn-small" onClick={() => setAttending(c)}>{t('direction.addAttendance')}</button></div>
                  )}
                </li>
              ))}
            </ul>
          </>
        );
      }}</Loaded>
      {adding && <CourseDialog unit={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
      {attending && <AttendanceDialog course={attending} unit={unit} onClose={() => setAttending(null)} onSaved={list.reload} />}
    </Section>
  );
}

function CourseDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ title: '', startsOn: todayIso(), endsOn: todayIso(), audience: '' });
  return (
    <FormDialog open onClose={onClose} title={t('direction.addCourse')} submitLabel={t('common.save')}
      onSubmit={async () => { await directionApi.createCourse({ unitId: unit, ...v }); onSaved(); }}>
      {(errs) => (
        <>
          <TextField label={t('direction.courseTitle')} value={v.title} error={errs.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
          <DateField label={t('direction.startsOn')} value={v.startsOn} error={errs.startsOn} onChange={(startsOn) => setV({ ...v, startsOn, endsOn: v.endsOn < startsOn ? startsOn : v.endsOn })} />
          <DateField label={t('direction.endsOn')} value={v.endsOn} error={errs.endsOn} onChange={(endsOn) => setV({ ...v, endsOn })} />
          <TextField label={t('direction.audience')} value={v.audience} error={errs.audience} onChange={(e) => setV({ ...v, audience: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}

function AttendanceDialog({ course, unit, onClose, onSaved }: { course: Course; unit: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [names, setNames] = useState('');
  const list = names.split('\n').map((n) => n.trim()).filter(Boolean);
  return (
    <FormDialog open onClose={onClose} title={`${t('direction.addAttendance')} — ${course.title}`} submitLabel={t('common.save')} canSubmit={list.length > 0}
      onSubmit={async () => { await directionApi.addAttendances(course.id, list.map((personName) => ({ unitId: unit, personName }))); onSaved(); }}>
      {(errs) => <TextArea label={t('direction.attendeeNames')} hint={t('direction.attendeeHint')} value={names} error={errs.attendees} onChange={setNames} />}
    </FormDialog>
  );
}

// ---- annual grading (targets 15b, 15c) ----

const GRADE_BADGE: Record<Grade, string> = { excellent: 'badge-ok', good: 'badge-ok', complete: '', weak: 'badge-red' };

export function GradingPage() {
  const { t } = useI18n();
  return (
    <Frame tab="grading" title={t('direction.gradingTitle')} sub={t('direction.gradingSub')} withYear>
      {(unit, year) => <Gradings key={`${unit}:${year}`} unit={unit} year={year} />}
    </Frame>
  );
}

function Gradings({ unit, year }: { unit: number; year: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const list = useFetch(`gradings:${unit}:${year}`, () => directionApi.gradings(unit, year));
  const [target, setTarget] = useState<number | null>(null);
  const [deciding, setDeciding] = useState<Grading | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const propose = async () => {
    setError(null);
    try {
      const g = await directionApi.proposeGrading(target!, year);
      list.reload();
      setDeciding(g);
    } catch (e) { setError(asApiError(e)); }
  };
  return (
    <>
      {can('direction.issue') && (
        <Section title={t('direction.proposeTitle')}>
          <p className="small muted">{t('direction.proposeHint')}</p>
          <div className="filters">
            <UnitSelect label={t('direction.gradedUnit')} value={target} onChange={setTarget} />
          </div>
          {error && <ErrorNote error={error} />}
          <button type="button" className="btn btn-primary" disabled={!target} onClick={propose}>{t('direction.propose')}</button>
        </Section>
      )}
      <Section title={t('direction.gradingsOf', { year })}>
        <Loaded f={list}>{(rows) => rows.length === 0 ? <Empty>{t('direction.gradingsEmpty')}</Empty> : (
          <ul className="member-list">
            {rows.map((g) => (
              <li key={g.id} data-testid={`grading-${g.unitId}`}>
                <div className="member-main"><strong>{g.unitName}</strong>{' '}
                  {g.grade ? <span className={`badge ${GRADE_BADGE[g.grade]}`}>{pick(GRADE_LABELS[g.grade])}</span> : <span className="badge">{t('direction.undecided')}</span>}
                </div>
                <div className="small">{t('direction.proposed')}: <strong>{g.proposedGrade ? pick(GRADE_LABELS[g.proposedGrade]) : t('direction.noProposal')}</strong></div>
                {g.evidence.length > 0 && (
                  <ul className="plain-list small" aria-label={t('direction.evidenceOf', { unit: g.unitName })}>
                    {g.evidence.map((e) => <li key={e.key}>{pick(e.label)}: {formatNumber(e.numerator)}/{formatNumber(e.denominator)} ({e.rate === null ? t('direction.notMeasured') : `${e.rate}%`})</li>)}
                  </ul>
                )}
                {g.grade && (
                  <div className="small muted" data-testid="decided">
                    {t('direction.decidedBy', { who: g.decidedBy ?? '—', date: formatDate(g.decidedOn) })}{g.reason && ` · ${t('direction.reason')}: ${g.reason}`}
                  </div>
                )}
                {can('direction.issue') && g.unitId !== unit && (
                  <div className="row-actions"><button type="button" className="btn btn-small" onClick={() => setDeciding(g)}>{t('direction.decide')}</button></div>
                )}
              </li>
            ))}
          </ul>
        )}</Loaded>
      </Section>
      {deciding && <DecideDialog grading={deciding} onClose={() => setDeciding(null)} onSaved={list.reload} />}
    </>
  );
}

function DecideDialog({ grading, onClose, onSaved }: { grading: Grading; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ grade: grading.grade ?? grading.proposedGrade ?? 'good', reason: grading.reason ?? '' });
  const needsReason = grading.grade ? v.grade !== grading.grade : v.grade !== grading.proposedGrade;
  return (
    <FormDialog open onClose={onClose} title={`${t('direction.decide')} — ${grading.unitName} (${grading.year})`} submitLabel={t('common.save')}
      onSubmit={async () => { await directionApi.decideGrading(grading.id, { grade: v.grade, ...(v.reason.trim() ? { reason: v.reason } : {}) }); onSaved(); }}>
      {(errs) => (
        <>
          <p className="small">{t('direction.proposed')}: <strong>{grading.proposedGrade ? pick(GRADE_LABELS[grading.proposedGrade]) : t('direction.noProposal')}</strong></p>
          <SelectField label={t('direction.grade')} value={v.grade} onChange={(e) => setV({ ...v, grade: e.target.value as Grade })}
            options={GRADES.map((g) => ({ value: g, label: pick(GRADE_LABELS[g]) }))} />
          <TextArea label={t('direction.reason')} hint={needsReason ? t('direction.reasonNeeded') : undefined} value={v.reason} error={errs.reason} onChange={(reason) => setV({ ...v, reason })} />
        </>
      )}
    </FormDialog>
  );
}

// ---- the commendation registry ----

export function AwardsPage() {
  const { t } = useI18n();
  return (
    <Frame tab="awards" title={t('direction.awardsTitle')} sub={t('direction.awardsSub')} withYear>
      {(unit, year) => <Awards key={`${unit}:${year}`} unit={unit} year={year} />}
    </Frame>
  );
}

function Awards({ unit, year }: { unit: number; year: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const list = useFetch(`commendations:${unit}:${year}`, () => directionApi.commendations(unit, `${year}-01-01`, `${year}-12-31`));
  const [adding, setAdding] = useState(false);
  return (
    <Section title={t('direction.awardsOf', { year })}
      actions={can('direction.write') && <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>{t('direction.addAward')}</button>}>
      <Loaded f={list}>{(rows) => rows.length === 0 ? <Empty>{t('direction.awardsEmpty')}</Empty> : (
        <>
          <p data-testid="awards-summary">{t('direction.awardsCount', {
            collectives: rows.filter((r) => r.recipientKind === 'collective').length, persons: rows.filter((r) => r.recipientKind === 'person').length })}</p>
          <ul className="member-list">
            {rows.map((r) => (
              <li key={r.id}>
                <div className="member-main"><strong>{r.recipientName}</strong> <span className="small muted">({pick(RECIPIENT_KIND_LABELS[r.recipientKind])})</span></div>
                <div className="small">{r.reason}</div>
                <div className="small muted">{r.awardedBy} · {pick(AWARD_LEVEL_LABELS[r.level])} · {formatDate(r.awardedOn)}{r.decisionNo && ` · ${r.decisionNo}`}</div>
              </li>
            ))}
          </ul>
        </>
      )}</Loaded>
      {adding && <AwardDialog unit={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
    </Section>
  );
}

function AwardDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ recipientKind: 'collective', recipientName: '', awardedBy: '', level: 'province', reason: '', awardedOn: todayIso(), decisionNo: '' });
  return (
    <FormDialog open onClose={onClose} title={t('direction.addAward')} submitLabel={t('common.save')}
      onSubmit={async () => {
        const { decisionNo, ...rest } = v;
        await directionApi.createCommendation({ unitId: unit, ...rest, ...(decisionNo.trim() ? { decisionNo } : {}) });
        onSaved();
      }}>
      {(errs) => (
        <>
          <SelectField label={t('direction.recipientKind')} value={v.recipientKind} onChange={(e) => setV({ ...v, recipientKind: e.target.value })}
            options={RECIPIENT_KINDS.map((k) => ({ value: k, label: pick(RECIPIENT_KIND_LABELS[k]) }))} />
          <TextField label={t('direction.recipientName')} value={v.recipientName} error={errs.recipientName} onChange={(e) => setV({ ...v, recipientName: e.target.value })} />
          <TextField label={t('direction.awardedBy')} value={v.awardedBy} error={errs.awardedBy} onChange={(e) => setV({ ...v, awardedBy: e.target.value })} />
          <SelectField label={t('direction.awardLevel')} value={v.level} onChange={(e) => setV({ ...v, level: e.target.value })}
            options={AWARD_LEVELS.map((k) => ({ value: k, label: pick(AWARD_LEVEL_LABELS[k]) }))} />
          <TextArea label={t('direction.awardReason')} value={v.reason} error={errs.reason} onChange={(reason) => setV({ ...v, reason })} />
          <DateField label={t('direction.awardedOn')} value={v.awardedOn} error={errs.awardedOn} onChange={(awardedOn) => setV({ ...v, awardedOn })} />
          <TextField label={t('direction.decisionNo')} value={v.decisionNo} error={errs.decisionNo} onChange={(e) => setV({ ...v, decisionNo: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}

// ---- coordination programmes ----

export function ProgrammesPage() {
  const { t } = useI18n();
  return (
    <Frame tab="programmes" title={t('direction.programmesTitle')} sub={t('direction.programmesSub')}>
      {(unit) => <Programmes key={unit} unit={unit} />}
    </Frame>
  );
}

function Programmes({ unit }: { unit: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const list = useFetch(`programmes:${unit}`, () => directionApi.programmes(unit));
  const [adding, setAdding] = useState(false);
  const [reviewing, setReviewing] = useState<Programme | null>(null);
  const [note, setNote] = useState<string | null>(null);
  return (
    <Section title={t('direction.programmesOf')}
      actions={can('direction.write') && <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>{t('direction.addProgramme')}</button>}>
      {note && <Notice kind="ok">{note}</Notice>}
      <Loaded f={list}>{(rows) => rows.length === 0 ? <Empty>{t('direction.programmesEmpty')}</Empty> : (
        <>
          <p data-testid="programmes-summary">{t('direction.programmesCount', { n: rows.length })}</p>
          <ul className="member-list">
            {rows.map((p) => (
              <li key={p.id} data-testid={`programme-${p.id}`}>
                <div className="member-main"><strong>{p.title}</strong></div>
                <div className="small">{p.partner} ({pick(PARTNER_KIND_LABELS[p.partnerKind])}) · {t('direction.signedOn', { date: formatDate(p.signedOn) })}</div>
                {p.reviews.length > 0 && (
                  <ul className="plain-list small" aria-label={t('direction.reviews')}>
                    {p.reviews.map((r) => <li key={r.year}>{t('direction.reviewOf', { year: r.year, date: formatDate(r.reviewedOn) })}: {r.result}</li>)}
                  </ul>
                )}
                {can('direction.write') && p.unitId === unit && (
                  <div className="row-actions"><button type="button" className="btn btn-small" onClick={() => setReviewing(p)}>{t('direction.addReview')}</button></div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}</Loaded>
      {adding && <ProgrammeDialog unit={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
      {reviewing && <ReviewDialog programme={reviewing} onClose={() => setReviewing(null)} onSaved={() => { list.reload(); setNote(t('common.savedOk')); }} />}
    </Section>
  );
}

function ProgrammeDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ partner: '', partnerKind: 'member_org', title: '', signedOn: todayIso() });
  return (
    <FormDialog open onClose={onClose} title={t('direction.addProgramme')} submitLabel={t('common.save')}
      onSubmit={async () => { await directionApi.createProgramme({ unitId: unit, ...v }); onSaved(); }}>
      {(errs) => (
        <>
          <TextField label={t('direction.partner')} value={v.partner} error={errs.partner} onChange={(e) => setV({ ...v, partner: e.target.value })} />
          <SelectField label={t('direction.partnerKind')} value={v.partnerKind} onChange={(e) => setV({ ...v, partnerKind: e.target.value })}
            options={PARTNER_KINDS.map((k) => ({ value: k, label: pick(PARTNER_KIND_LABELS[k]) }))} />
          <TextField label={t('direction.programmeTitle')} value={v.title} error={errs.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
          <DateField label={t('direction.signedOnLabel')} value={v.signedOn} error={errs.signedOn} onChange={(signedOn) => setV({ ...v, signedOn })} />
        </>
      )}
    </FormDialog>
  );
}

function ReviewDialog({ programme, onClose, onSaved }: { programme: Programme; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ reviewedOn: todayIso(), result: '' });
  return (
    <FormDialog open onClose={onClose} title={`${t('direction.addReview')} — ${programme.title}`} submitLabel={t('common.save')}
      onSubmit={async () => { await directionApi.reviewProgramme(programme.id, { year: Number(v.reviewedOn.slice(0, 4)), ...v }); onSaved(); }}>
      {(errs) => (
        <>
          <DateField label={t('direction.reviewedOn')} value={v.reviewedOn} error={errs.reviewedOn} onChange={(reviewedOn) => setV({ ...v, reviewedOn })} />
          <TextArea label={t('direction.reviewResult')} value={v.result} error={errs.result} onChange={(result) => setV({ ...v, result })} />
        </>
      )}
    </FormDialog>
  );
}
