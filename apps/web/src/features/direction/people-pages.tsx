import { useState } from 'react';
import {
  AWARD_LEVEL_LABELS,
  AWARD_LEVELS,
  GRADE_LABELS,
  GRADES,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  type Grade,
} from '@contract/direction-values';
import type { Course, Grading, Programme } from '@contract/direction';
import { formatDate, formatNumber, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import type { ApiError } from '../../api';
import { DateField } from '../../ui/date-field';
import { Empty, ErrorNote, Notice } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { Frame, Loaded, TextArea } from './work-frame';
import { call } from '../../client';
import { useEndpoint, asApiError } from '../../query';
import type { AwardLevel, PartnerKind, RecipientKind } from '@contract/direction-values';

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
  const list = useEndpoint('GET /api/training/courses', { query: { unit } });
  const [adding, setAdding] = useState(false);
  const [attending, setAttending] = useState<Course | null>(null);
  return (
    <Section
      title={t('direction.coursesOf', { year })}
      actions={
        can('direction.write') && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t('direction.addCourse')}
          </button>
        )
      }
    >
      <Loaded f={list}>
        {(all) => {
          const rows = all.filter((c) => c.startsOn.startsWith(String(year)));
          const attendances = rows.reduce((s, c) => s + c.attendances, 0);
          return rows.length === 0 ? (
            <Empty>{t('direction.coursesEmpty')}</Empty>
          ) : (
            <>
              <p data-testid="training-summary">{t('direction.coursesCount', { courses: rows.length, attendances: formatNumber(attendances) })}</p>
              <ul className="member-list">
                {rows.map((c) => (
                  <li key={c.id} data-testid={`course-${c.id}`}>
                    <div className="member-main">
                      <strong>{c.title}</strong> <span className="badge">{t('direction.attendances', { n: c.attendances })}</span>
                    </div>
                    <div className="small muted">
                      {formatDate(c.startsOn)}
                      {c.endsOn !== c.startsOn && ` – ${formatDate(c.endsOn)}`}
                      {c.audience && ` · ${c.audience}`}
                    </div>
                    {can('direction.write') && c.unitId === unit && (
                      <div className="row-actions">
                        <button type="button" className="btn btn-small" onClick={() => setAttending(c)}>
                          {t('direction.addAttendance')}
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
      {adding && <CourseDialog unit={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
      {attending && <AttendanceDialog course={attending} unit={unit} onClose={() => setAttending(null)} onSaved={list.reload} />}
    </Section>
  );
}

function CourseDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ title: '', startsOn: todayIso(), endsOn: todayIso(), audience: '' });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('direction.addCourse')}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('POST /api/training/courses', { body: { unitId: unit, ...v } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <TextField label={t('direction.courseTitle')} value={v.title} error={errs.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
          <DateField
            label={t('direction.startsOn')}
            value={v.startsOn}
            error={errs.startsOn}
            onChange={(startsOn) => setV({ ...v, startsOn, endsOn: v.endsOn < startsOn ? startsOn : v.endsOn })}
          />
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
  const list = names
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`${t('direction.addAttendance')} — ${course.title}`}
      submitLabel={t('common.save')}
      canSubmit={list.length > 0}
      onSubmit={async () => {
        await call('POST /api/training/courses/:id/attendances', { params: { id: course.id }, body: { attendees: list.map((personName) => ({ unitId: unit, personName })) } });
        onSaved();
      }}
    >
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
  const list = useEndpoint('GET /api/gradings', { query: { unit, year } });
  const [target, setTarget] = useState<number | null>(null);
  const [deciding, setDeciding] = useState<Grading | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const propose = async () => {
    setError(null);
    try {
      const g = await call('POST /api/gradings/propose', { body: { unitId: target!, year: year } });
      list.reload();
      setDeciding(g);
    } catch (e) {
      setError(asApiError(e));
    }
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
          <button type="button" className="btn btn-primary" disabled={!target} onClick={propose}>
            {t('direction.propose')}
          </button>
        </Section>
      )}
      <Section title={t('direction.gradingsOf', { year })}>
        <Loaded f={list}>
          {(rows) =>
            rows.length === 0 ? (
              <Empty>{t('direction.gradingsEmpty')}</Empty>
            ) : (
              <ul className="member-list">
                {rows.map((g) => (
                  <li key={g.id} data-testid={`grading-${g.unitId}`}>
                    <div className="member-main">
                      <strong>{g.unitName}</strong>{' '}
                      {g.grade ? <span className={`badge ${GRADE_BADGE[g.grade]}`}>{pick(GRADE_LABELS[g.grade])}</span> : <span className="badge">{t('direction.undecided')}</span>}
                    </div>
                    <div className="small">
                      {t('direction.proposed')}: <strong>{g.proposedGrade ? pick(GRADE_LABELS[g.proposedGrade]) : t('direction.noProposal')}</strong>
                    </div>
                    {g.evidence.length > 0 && (
                      <ul className="plain-list small" aria-label={t('direction.evidenceOf', { unit: g.unitName })}>
                        {g.evidence.map((e) => (
                          <li key={e.key}>
                            {pick(e.label)}: {formatNumber(e.numerator)}/{formatNumber(e.denominator)} ({e.rate === null ? t('direction.notMeasured') : `${e.rate}%`})
                          </li>
                        ))}
                      </ul>
                    )}
                    {g.grade && (
                      <div className="small muted" data-testid="decided">
                        {t('direction.decidedBy', { who: g.decidedBy ?? '—', date: formatDate(g.decidedOn) })}
                        {g.reason && ` · ${t('direction.reason')}: ${g.reason}`}
                      </div>
                    )}
                    {can('direction.issue') && g.unitId !== unit && (
                      <div className="row-actions">
                        <button type="button" className="btn btn-small" onClick={() => setDeciding(g)}>
                          {t('direction.decide')}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
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
    <FormDialog
      open
      onClose={onClose}
      title={`${t('direction.decide')} — ${grading.unitName} (${grading.year})`}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('POST /api/gradings/:id/decide', { params: { id: grading.id }, body: { grade: v.grade, ...(v.reason.trim() ? { reason: v.reason } : {}) } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <p className="small">
            {t('direction.proposed')}: <strong>{grading.proposedGrade ? pick(GRADE_LABELS[grading.proposedGrade]) : t('direction.noProposal')}</strong>
          </p>
          <SelectField
            label={t('direction.grade')}
            value={v.grade}
            onChange={(e) => setV({ ...v, grade: e.target.value as Grade })}
            options={GRADES.map((g) => ({ value: g, label: pick(GRADE_LABELS[g]) }))}
          />
          <TextArea
            label={t('direction.reason')}
            hint={needsReason ? t('direction.reasonNeeded') : undefined}
            value={v.reason}
            error={errs.reason}
            onChange={(reason) => setV({ ...v, reason })}
          />
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
  const list = useEndpoint('GET /api/commendations', { query: { unit, from: `${year}-01-01`, to: `${year}-12-31` } });
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title={t('direction.awardsOf', { year })}
      actions={
        can('direction.write') && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t('direction.addAward')}
          </button>
        )
      }
    >
      <Loaded f={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('direction.awardsEmpty')}</Empty>
          ) : (
            <>
              <p data-testid="awards-summary">
                {t('direction.awardsCount', {
                  collectives: rows.filter((r) => r.recipientKind === 'collective').length,
                  persons: rows.filter((r) => r.recipientKind === 'person').length,
                })}
              </p>
              <ul className="member-list">
                {rows.map((r) => (
                  <li key={r.id}>
                    <div className="member-main">
                      <strong>{r.recipientName}</strong> <span className="small muted">({pick(RECIPIENT_KIND_LABELS[r.recipientKind])})</span>
                    </div>
                    <div className="small">{r.reason}</div>
                    <div className="small muted">
                      {r.awardedBy} · {pick(AWARD_LEVEL_LABELS[r.level])} · {formatDate(r.awardedOn)}
                      {r.decisionNo && ` · ${r.decisionNo}`}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
      {adding && <AwardDialog unit={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
    </Section>
  );
}

function AwardDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ recipientKind: 'collective', recipientName: '', awardedBy: '', level: 'province', reason: '', awardedOn: todayIso(), decisionNo: '' });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('direction.addAward')}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        const { decisionNo, ...rest } = v;
        await call('POST /api/commendations', {
          body: { unitId: unit, ...rest, recipientKind: rest.recipientKind as RecipientKind, level: rest.level as AwardLevel, ...(decisionNo.trim() ? { decisionNo } : {}) },
        });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <SelectField
            label={t('direction.recipientKind')}
            value={v.recipientKind}
            onChange={(e) => setV({ ...v, recipientKind: e.target.value })}
            options={RECIPIENT_KINDS.map((k) => ({ value: k, label: pick(RECIPIENT_KIND_LABELS[k]) }))}
          />
          <TextField label={t('direction.recipientName')} value={v.recipientName} error={errs.recipientName} onChange={(e) => setV({ ...v, recipientName: e.target.value })} />
          <TextField label={t('direction.awardedBy')} value={v.awardedBy} error={errs.awardedBy} onChange={(e) => setV({ ...v, awardedBy: e.target.value })} />
          <SelectField
            label={t('direction.awardLevel')}
            value={v.level}
            onChange={(e) => setV({ ...v, level: e.target.value })}
            options={AWARD_LEVELS.map((k) => ({ value: k, label: pick(AWARD_LEVEL_LABELS[k]) }))}
          />
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
  const list = useEndpoint('GET /api/coordination-programmes', { query: { unit } });
  const [adding, setAdding] = useState(false);
  const [reviewing, setReviewing] = useState<Programme | null>(null);
  const [note, setNote] = useState<string | null>(null);
  return (
    <Section
      title={t('direction.programmesOf')}
      actions={
        can('direction.write') && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t('direction.addProgramme')}
          </button>
        )
      }
    >
      {note && <Notice kind="ok">{note}</Notice>}
      <Loaded f={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('direction.programmesEmpty')}</Empty>
          ) : (
            <>
              <p data-testid="programmes-summary">{t('direction.programmesCount', { n: rows.length })}</p>
              <ul className="member-list">
                {rows.map((p) => (
                  <li key={p.id} data-testid={`programme-${p.id}`}>
                    <div className="member-main">
                      <strong>{p.title}</strong>
                    </div>
                    <div className="small">
                      {p.partner} ({pick(PARTNER_KIND_LABELS[p.partnerKind])}) · {t('direction.signedOn', { date: formatDate(p.signedOn) })}
                    </div>
                    {p.reviews.length > 0 && (
                      <ul className="plain-list small" aria-label={t('direction.reviews')}>
                        {p.reviews.map((r) => (
                          <li key={r.year}>
                            {t('direction.reviewOf', { year: r.year, date: formatDate(r.reviewedOn) })}: {r.result}
                          </li>
                        ))}
                      </ul>
                    )}
                    {can('direction.write') && p.unitId === unit && (
                      <div className="row-actions">
                        <button type="button" className="btn btn-small" onClick={() => setReviewing(p)}>
                          {t('direction.addReview')}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
      {adding && <ProgrammeDialog unit={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
      {reviewing && (
        <ReviewDialog
          programme={reviewing}
          onClose={() => setReviewing(null)}
          onSaved={() => {
            list.reload();
            setNote(t('common.savedOk'));
          }}
        />
      )}
    </Section>
  );
}

function ProgrammeDialog({ unit, onClose, onSaved }: { unit: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ partner: '', partnerKind: 'member_org', title: '', signedOn: todayIso() });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('direction.addProgramme')}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('POST /api/coordination-programmes', { body: { unitId: unit, ...v, partnerKind: v.partnerKind as PartnerKind } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <TextField label={t('direction.partner')} value={v.partner} error={errs.partner} onChange={(e) => setV({ ...v, partner: e.target.value })} />
          <SelectField
            label={t('direction.partnerKind')}
            value={v.partnerKind}
            onChange={(e) => setV({ ...v, partnerKind: e.target.value })}
            options={PARTNER_KINDS.map((k) => ({ value: k, label: pick(PARTNER_KIND_LABELS[k]) }))}
          />
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
    <FormDialog
      open
      onClose={onClose}
      title={`${t('direction.addReview')} — ${programme.title}`}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await call('POST /api/coordination-programmes/:id/reviews', { params: { id: programme.id }, body: { year: Number(v.reviewedOn.slice(0, 4)), ...v } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <DateField label={t('direction.reviewedOn')} value={v.reviewedOn} error={errs.reviewedOn} onChange={(reviewedOn) => setV({ ...v, reviewedOn })} />
          <TextArea label={t('direction.reviewResult')} value={v.result} error={errs.result} onChange={(result) => setV({ ...v, result })} />
        </>
      )}
    </FormDialog>
  );
}
