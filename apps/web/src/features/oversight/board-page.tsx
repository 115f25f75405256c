import { useState } from 'react';
import type { BoardDetail, BoardSupervision } from '@contract/oversight';
import { BOARD_KIND_LABELS, BOARD_MEMBER_ROLE_LABELS, BOARD_RATING_LABELS } from '@contract/oversight-values';
import type { BoardRating } from '@contract/oversight-values';
import { formatDate, formatNumber, formatVnd, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { CheckboxField, MoneyField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { checkForm, isCount } from './form-check';
import { missingQuarters } from './quarters';
import { call } from '../../client';
import { useEndpoint } from '../../query';

type Dialog = 'supervision' | 'year' | 'report' | { remedy: BoardSupervision } | null;

/** One people's board: members, supervisions with the violations found and their remedy, years (plan, funding, rating), quarterly reports. */
export function BoardPage({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const b = useEndpoint('GET /api/oversight/boards/:id', { params: { id } });
  // A Ban TTND has a member from each village of its ward (as the villages were at its election).
  const ttnd = b.data?.kind === 'ttnd' ? b.data : null;
  const villages = useEndpoint('GET /api/units', ttnd ? { query: { parent: ttnd.unitId, asOf: ttnd.electedOn, level: 'village', limit: 500 } } : null);
  const [open, setOpen] = useState<Dialog>(null);
  if (b.error) return <ErrorNote error={b.error} onRetry={b.reload} />;
  if (!b.data) return <Loading />;
  const d = b.data;
  const write = can('inspection.write');
  const today = todayIso();
  // Late quarterly reports are shown while the board sits (its past terms are history).
  const sitting = d.validTo === 'infinity' || d.validTo > today;
  const missing = missingQuarters(d.electedOn, d.validTo, d.reports, today);
  const uncovered = (villages.data ?? []).filter((u) => !d.members.some((m) => m.villageId === u.id));
  const close = () => setOpen(null);
  return (
    <>
      <PageTitle
        title={d.name}
        sub={`${pick(BOARD_KIND_LABELS[d.kind])} · ${d.unitName}`}
        before={
          <nav className="breadcrumb" aria-label={t('oversight.title')}>
            <ol>
              <li>
                <Link to={`/oversight/boards?unit=${d.unitId}`}>{t('oversight.tabBoards')}</Link>
              </li>
              <li>{d.name}</li>
            </ol>
          </nav>
        }
      />
      <dl className="kv kv-stack card">
        {d.project && (
          <>
            <dt>{t('boards.project')}</dt>
            <dd>{d.project}</dd>
          </>
        )}
        <dt>{t('boards.termLabel')}</dt>
        <dd>{d.termLabel}</dd>
        <dt>{t('boards.electedOn')}</dt>
        <dd>
          {formatDate(d.electedOn)}
          {d.validTo !== 'infinity' && ` – ${formatDate(d.validTo)}`}
        </dd>
        <dt>{t('boards.supervisions')}</dt>
        <dd>{formatNumber(d.supervisions)}</dd>
        <dt>{t('boards.violations')}</dt>
        <dd>{formatNumber(d.violations)}</dd>
      </dl>

      <Section
        title={t('boards.supervisionsTitle')}
        actions={
          write && (
            <button type="button" className="btn btn-small btn-primary" onClick={() => setOpen('supervision')}>
              {t('boards.addSupervision')}
            </button>
          )
        }
      >
        {d.supervisionList.length === 0 && <Empty>{t('oversight.none')}</Empty>}
        <ul className="member-list" data-testid="board-supervisions">
          {d.supervisionList.map((s) => (
            <li key={s.id}>
              <div className="member-main">
                <strong>{s.subject}</strong> <span className="small muted">{formatDate(s.heldOn)}</span>
              </div>
              {s.findings && <div className="small">{s.findings}</div>}
              <div className="small">
                {s.violations > 0 ? (
                  <>
                    <span className="badge badge-warn">{t('boards.violationsN', { n: s.violations })}</span>{' '}
                    <span className={s.remedied ? 'badge badge-ok' : 'badge'}>{t(s.remedied ? 'boards.remedied' : 'boards.notRemedied')}</span>
                  </>
                ) : (
                  <span className="badge badge-ok">{t('boards.noViolation')}</span>
                )}
                {s.remedy && <> · {s.remedy}</>}
              </div>
              {write && s.violations > 0 && !s.remedied && (
                <div className="member-actions">
                  <button type="button" className="btn btn-small" onClick={() => setOpen({ remedy: s })}>
                    {t('boards.recordRemedy')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </Section>

      <Section
        title={t('boards.yearsTitle')}
        actions={
          write && (
            <button type="button" className="btn btn-small" onClick={() => setOpen('year')}>
              {t('boards.saveYear')}
            </button>
          )
        }
      >
        {d.years.length === 0 && <Empty>{t('oversight.none')}</Empty>}
        <ul className="member-list" data-testid="board-years">
          {[...d.years].reverse().map((y) => (
            <li key={y.year}>
              <strong>{t('boards.yearN', { year: y.year })}</strong>{' '}
              {y.rating ? (
                <span className={y.rating === 'weak' ? 'badge badge-warn' : 'badge badge-ok'}>{pick(BOARD_RATING_LABELS[y.rating])}</span>
              ) : (
                <span className="badge">{t('boards.notRated')}</span>
              )}
              <div className="small">
                {t('boards.funding', { got: formatVnd(y.fundingVnd), required: formatVnd(y.fundingRequiredVnd) })}{' '}
                <span className={y.fundingVnd >= y.fundingRequiredVnd ? 'badge badge-ok' : 'badge badge-warn'}>
                  {t(y.fundingVnd >= y.fundingRequiredVnd ? 'boards.funded' : 'boards.underfunded')}
                </span>
              </div>
              {y.plan && (
                <div className="small muted">
                  {t('boards.plan')}: {y.plan}
                </div>
              )}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t('boards.membersTitle', { n: d.members.length })}>
        {uncovered.length > 0 && (
          <p className="note note-warn" data-testid="villages-uncovered">
            {t('boards.villagesUncovered', {
              n: uncovered.length,
              list: uncovered
                .slice(0, 10)
                .map((u) => u.name)
                .join(', '),
            })}
          </p>
        )}
        <ul className="member-list" data-testid="board-members">
          {d.members.map((m) => (
            <li key={m.id}>
              <strong>{m.fullName}</strong>{' '}
              <span className="small muted">
                {pick(BOARD_MEMBER_ROLE_LABELS[m.role])}
                {m.villageName && ` · ${m.villageName}`}
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        title={t('boards.reportsTitle')}
        actions={
          write && (
            <button type="button" className="btn btn-small" onClick={() => setOpen('report')}>
              {t('boards.fileReport')}
            </button>
          )
        }
      >
        {sitting && missing.length > 0 && (
          <p className="note note-warn" data-testid="reports-missing">
            {t('boards.reportsMissing', { list: missing.map((m) => t('boards.quarterOf', m)).join(', ') })}
          </p>
        )}
        {d.reports.length === 0 && <Empty>{t('oversight.none')}</Empty>}
        <ul className="member-list">
          {d.reports.map((r) => (
            <li key={r.id}>
              <strong>{t('boards.quarterOf', { quarter: r.quarter, year: r.year })}</strong>{' '}
              <span className="small muted">{t('boards.filedOn', { date: formatDate(r.filedOn) })}</span>
              {r.summary && <div className="small">{r.summary}</div>}
            </li>
          ))}
        </ul>
      </Section>

      {open === 'supervision' && <SupervisionDialog board={d} onClose={close} onSaved={b.reload} />}
      {open === 'year' && <YearDialog board={d} canRate={can('oversight.write')} onClose={close} onSaved={b.reload} />}
      {open === 'report' && <ReportDialog board={d} onClose={close} onSaved={b.reload} />}
      {open && typeof open === 'object' && <RemedyDialog s={open.remedy} onClose={close} onSaved={b.reload} />}
    </>
  );
}

type Saved = { board: BoardDetail; onClose: () => void; onSaved: () => void };

/** A board's supervision: what, when, findings, the violations found and (if already known) their remedy. */
function SupervisionDialog({ board, onClose, onSaved }: Saved) {
  const { t } = useI18n();
  const today = todayIso();
  const [v, setV] = useState({ heldOn: today, subject: '', findings: '', violations: '0', remedy: '', remedied: false });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const submit = async () => {
    checkForm({
      heldOn: !v.heldOn
        ? t('form.required')
        : v.heldOn > today
          ? t('form.notFuture')
          : v.heldOn < board.electedOn && t('boards.errBeforeTerm', { date: formatDate(board.electedOn) }),
      subject: !v.subject.trim() && t('form.required'),
      violations: !isCount(v.violations) && t('form.count'),
      remedy: v.remedied && !v.remedy.trim() && t('boards.errRemedy'),
    });
    await call('POST /api/oversight/boards/:id/supervisions', { params: { id: board.id }, body: { ...v, violations: Number(v.violations) } });
    onSaved();
  };
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t('boards.addSupervision')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <TextField label={t('boards.subject')} required value={v.subject} error={errs.subject} onChange={(e) => set({ subject: e.target.value })} />
          <DateField label={t('boards.heldOn')} value={v.heldOn} required error={errs.heldOn} onChange={(d) => set({ heldOn: d })} />
          <TextField label={t('boards.findings')} value={v.findings} onChange={(e) => set({ findings: e.target.value })} />
          <TextField
            label={t('boards.violationsField')}
            required
            inputMode="numeric"
            value={v.violations}
            error={errs.violations}
            onChange={(e) => set({ violations: e.target.value })}
          />
          <TextField label={t('boards.remedy')} value={v.remedy} error={errs.remedy} onChange={(e) => set({ remedy: e.target.value })} />
          <CheckboxField label={t('boards.remediedField')} checked={v.remedied} onChange={(e) => set({ remedied: e.target.checked })} />
        </>
      )}
    </FormDialog>
  );
}

function RemedyDialog({ s, onClose, onSaved }: { s: BoardSupervision; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ remedy: s.remedy, remedied: true });
  const submit = async () => {
    checkForm({ remedy: !v.remedy.trim() && t('form.required') });
    await call('POST /api/oversight/board-supervisions/:id/remedy', { params: { id: s.id }, body: v });
    onSaved();
  };
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t('boards.recordRemedy')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <p>
            {s.subject} · {t('boards.violationsN', { n: s.violations })}
          </p>
          <TextField label={t('boards.remedy')} required value={v.remedy} error={errs.remedy} onChange={(e) => setV({ ...v, remedy: e.target.value })} />
          <CheckboxField label={t('boards.remediedField')} checked={v.remedied} onChange={(e) => setV({ ...v, remedied: e.target.checked })} />
        </>
      )}
    </FormDialog>
  );
}

/** The board's year: plan, funding granted against what the rules grant, and (the Front only) its rating. */
function YearDialog({ board, canRate, onClose, onSaved }: Saved & { canRate: boolean }) {
  const { t, pick } = useI18n();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const start = Number(board.electedOn.slice(0, 4));
  const pickYear = (y: number) => board.years.find((x) => x.year === y);
  const fill = (y: number) => {
    const x = pickYear(y);
    return {
      year: String(y),
      plan: x?.plan ?? '',
      fundingRequiredVnd: x ? String(x.fundingRequiredVnd) : '',
      fundingVnd: x ? String(x.fundingVnd) : '',
      rating: x?.rating ?? '',
      ratedOn: x?.ratedOn ?? today,
    };
  };
  const [v, setV] = useState(() => fill(Math.max(start, Math.min(thisYear, board.validTo === 'infinity' ? thisYear : Number(board.validTo.slice(0, 4))))));
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const years = Array.from({ length: Math.max(1, thisYear + 1 - start) }, (_, i) => String(start + i));
  const digits = (s: string) => s.replace(/\D/g, '');
  const submit = async () => {
    checkForm({
      fundingRequiredVnd: !digits(v.fundingRequiredVnd) && t('form.required'),
      fundingVnd: !digits(v.fundingVnd) && t('form.required'),
      ratedOn: !!v.rating && v.ratedOn > today && t('form.notFuture'),
    });
    await call('POST /api/oversight/boards/:id/years', {
      params: { id: board.id },
      body: {
        year: Number(v.year),
        plan: v.plan,
        fundingRequiredVnd: Number(digits(v.fundingRequiredVnd)),
        fundingVnd: Number(digits(v.fundingVnd)),
        rating: (v.rating || null) as BoardRating | null,
        ...(v.rating && v.ratedOn ? { ratedOn: v.ratedOn } : {}),
      },
    });
    onSaved();
  };
  const current = pickYear(Number(v.year));
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t('boards.saveYear')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <SelectField label={t('oversight.year')} value={v.year} onChange={(e) => setV(fill(Number(e.target.value)))} options={years.map((y) => ({ value: y, label: y }))} />
          <TextField label={t('boards.plan')} value={v.plan} onChange={(e) => set({ plan: e.target.value })} />
          <MoneyField label={t('boards.fundingRequired')} required value={v.fundingRequiredVnd} error={errs.fundingRequiredVnd} onValue={(x) => set({ fundingRequiredVnd: x })} />
          <MoneyField label={t('boards.fundingGot')} required value={v.fundingVnd} error={errs.fundingVnd} onValue={(x) => set({ fundingVnd: x })} />
          {canRate ? (
            <>
              <SelectField
                label={t('boards.rating')}
                value={v.rating}
                onChange={(e) => set({ rating: e.target.value })}
                options={[{ value: '', label: t('boards.notRated') }, ...Object.entries(BOARD_RATING_LABELS).map(([value, l]) => ({ value, label: pick(l) }))]}
              />
              {v.rating && <DateField label={t('boards.ratedOn')} value={v.ratedOn} required error={errs.ratedOn} onChange={(d) => set({ ratedOn: d })} />}
            </>
          ) : (
            <p className="hint">{current?.rating ? t('boards.ratedBy', { rating: pick(BOARD_RATING_LABELS[current.rating]) }) : t('boards.rateHint')}</p>
          )}
        </>
      )}
    </FormDialog>
  );
}

/** A board's quarterly report to the Front. */
function ReportDialog({ board, onClose, onSaved }: Saved) {
  const { t } = useI18n();
  const today = todayIso();
  const month = Number(today.slice(5, 7));
  const [v, setV] = useState({ year: today.slice(0, 4), quarter: String(Math.ceil(month / 3)), filedOn: today, summary: '' });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const submit = async () => {
    checkForm({
      year: !/^\d{4}$/.test(v.year) && t('form.required'),
      filedOn: !v.filedOn ? t('form.required') : v.filedOn > today && t('form.notFuture'),
      quarter: board.reports.some((r) => String(r.year) === v.year && String(r.quarter) === v.quarter) && t('boards.errReportExists'),
    });
    await call('POST /api/oversight/boards/:id/reports', { params: { id: board.id }, body: { ...v, year: Number(v.year), quarter: Number(v.quarter) } });
    onSaved();
  };
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t('boards.fileReport')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <div className="form-row">
            <TextField label={t('oversight.year')} inputMode="numeric" required value={v.year} error={errs.year} onChange={(e) => set({ year: e.target.value })} />
            <SelectField
              label={t('plan.quarter')}
              value={v.quarter}
              error={errs.quarter}
              onChange={(e) => set({ quarter: e.target.value })}
              options={['1', '2', '3', '4'].map((n) => ({ value: n, label: t('plan.quarterN', { n }) }))}
            />
          </div>
          <DateField label={t('boards.filedOnField')} value={v.filedOn} required error={errs.filedOn} onChange={(d) => set({ filedOn: d })} />
          <TextField label={t('boards.reportSummary')} value={v.summary} onChange={(e) => set({ summary: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}
