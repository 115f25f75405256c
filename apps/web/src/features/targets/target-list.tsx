import type { TargetProgress, TargetsResult } from '@contract/targets';
import { NOT_MEASURED_REASON_LABELS, TARGET_STATUS_LABELS } from '@contract/targets-values';
import { UNIT_LEVEL_LABELS } from '@contract/units-values';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { dashboardUrl, formatRule, formatValue, moduleRecordsUrl, recordsUrl, STATUS_CLASS, targetUnitsUrl, TREND_ARROW } from './present';

export function StatusBadge({ status, reason }: { status: TargetProgress['status']; reason?: TargetProgress['reason'] }) {
  const { pick } = useI18n();
  return (
    <span className={`badge ${STATUS_CLASS[status]}`} title={reason ? pick(NOT_MEASURED_REASON_LABELS[reason]) : undefined}>
      {pick(TARGET_STATUS_LABELS[status])}
    </span>
  );
}

/** The targets of a unit and year, each with its figure linked to the records behind it. */
export function TargetList({ result }: { result: TargetsResult }) {
  return (
    <ol className="target-list">
      {result.targets.map((x) => (
        <TargetItem key={x.number} target={x} unitId={result.unit.id} year={result.year} />
      ))}
    </ol>
  );
}

function TargetItem({ target: x, unitId, year }: { target: TargetProgress; unitId: number; year: number }) {
  const { t, pick, locale } = useI18n();
  const primary = x.measures[0];
  const c = x.children;
  const judged = c.met + c.exceeded + c.notMet + c.notMeasured;
  return (
    <li className={`target ${STATUS_CLASS[x.status]}`} data-testid={`target-${x.number}`}>
      <div className="target-head">
        <span className="target-no">{x.number}</span>
        <span className="target-title">{pick(x.title)}</span>
        <StatusBadge status={x.status} reason={x.reason} />
      </div>
      <div className="target-figures">
        {primary && (
          <span>
            <span className="muted">{t('targets.value')}: </span>
            {primary.reason === 'metric_missing' ? (
              <span className="target-value">—</span>
            ) : (
              <Link to={recordsUrl(primary.metricKeys[0], unitId, year)} className="target-value">
                {formatValue(x.value, x.unitOfMeasure, locale)}
              </Link>
            )}
            {x.trend && (
              <span className="trend" title={t('targets.previous', { value: formatValue(x.previousValue, x.unitOfMeasure, locale) })}>
                {' '}
                {TREND_ARROW[x.trend]}
              </span>
            )}
            <span className="muted">
              {' '}
              · {t('targets.required')}: {formatRule(primary.rule, primary.unitOfMeasure, locale)}
            </span>
          </span>
        )}
        {x.status === 'not_measured' && x.reason && <span className="muted small">{pick(NOT_MEASURED_REASON_LABELS[x.reason])}</span>}
        {judged > 0 && (
          <Link to={targetUnitsUrl(x.number, unitId, year)} className="small">
            {t('targets.childrenSummary', { ok: c.met + c.exceeded, total: judged })}
            {c.notMet > 0 && <> · {t('targets.whoMisses', { n: c.notMet })}</>}
          </Link>
        )}
      </div>
      {x.measures.length > 0 && (
        <details className="target-measures">
          <summary>
            {t('targets.measures')} ({x.measures.length})
          </summary>
          <ul>
            {x.measures.map((m) => (
              <li key={m.code}>
                <span className="measure-code">{m.code}</span> {pick(m.label)}
                {m.each && <span className="muted"> ({t('targets.eachUnit', { level: pick(UNIT_LEVEL_LABELS[m.each]).toLowerCase() })})</span>}
                <div className="measure-figures">
                  {m.reason === 'metric_missing' ? <span>—</span> : <Link to={recordsUrl(m.metricKeys[0], unitId, year)}>{formatValue(m.value, m.unitOfMeasure, locale)}</Link>}
                  {m.numerator !== null && m.denominator !== null && !m.each && (
                    <span className="muted small measure-ratio">
                      {' '}
                      ({m.numerator}/<Link to={recordsUrl(m.metricKeys[1], unitId, year)}>{m.denominator}</Link>)
                    </span>
                  )}
                  <span className="muted"> · {formatRule(m.rule, m.unitOfMeasure, locale)} </span>
                  <StatusBadge status={m.status} reason={m.reason} />
                  <RecordsLink metricKey={m.metricKeys[0]} unitId={unitId} year={year} />
                </div>
                {m.missing && m.missing.length > 0 && (
                  <p className="small">
                    {t('targets.missingUnits', { names: '' })}
                    {m.missing.map((u, i) => (
                      <span key={u.unitId}>
                        {i > 0 && ', '}
                        <Link to={dashboardUrl(u.unitId, year)}>{u.unitName}</Link>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** "See the records": the module's list behind a figure, when the module has one. */
export function RecordsLink({ metricKey, unitId, year }: { metricKey: string; unitId: number; year: number }) {
  const { t } = useI18n();
  const url = moduleRecordsUrl(metricKey, unitId, year);
  return url ? (
    <>
      {' '}
      ·{' '}
      <Link to={url} className="small">
        {t('targets.records')}
      </Link>
    </>
  ) : null;
}
