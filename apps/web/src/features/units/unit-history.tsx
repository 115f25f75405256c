import type { UnitDetail } from '@contract/units';
import { dayBefore, formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { Link } from '../../router';
import { Empty } from '../../ui/feedback';
import { Section } from '../../ui/page';
import { StackTable } from '../../ui/table';

type Linked = UnitDetail['predecessors'][number];

/** Where the unit came from, what it became, its names/parents over time and the events behind them. */
export function UnitHistory({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  return (
    <Section title={t('units.history')}>
      {(unit.predecessors.length > 0 || unit.successors.length > 0) && (
        <div className="grid-2">
          {unit.predecessors.length > 0 && <LinkedList title={t('units.predecessors')} units={unit.predecessors} testId="predecessors" />}
          {unit.successors.length > 0 && <LinkedList title={t('units.successors')} units={unit.successors} testId="successors" />}
        </div>
      )}

      <h3 className="subhead">{t('units.versions')}</h3>
      <StackTable>
        <thead>
          <tr>
            <th>{t('units.name')}</th>
            <th>{t('units.parent')}</th>
            <th>{t('units.from')}</th>
            <th>{t('units.to')}</th>
          </tr>
        </thead>
        <tbody>
          {unit.versions.map((v) => (
            <tr key={v.validFrom}>
              <td>{v.name}</td>
              <td>{v.parentId ? <Link to={`/units/${v.parentId}`}>{v.parentName}</Link> : '—'}</td>
              <td>{formatDate(v.validFrom)}</td>
              <td>{v.validTo ? formatDate(dayBefore(v.validTo)) : t('units.present')}</td>
            </tr>
          ))}
        </tbody>
      </StackTable>

      <h3 className="subhead">{t('units.events')}</h3>
      {unit.events.length === 0 && <Empty>{t('units.noEvents')}</Empty>}
      <ol className="events">
        {unit.events.map((e) => {
          const from = e.units.filter((x) => x.role === 'from');
          const to = e.units.filter((x) => x.role === 'to');
          const subject = e.units.filter((x) => x.role === 'subject');
          return (
            <li key={e.id}>
              <div className="audit-meta">
                <strong>{t(('unitEvent.' + e.kind) as MessageKey)}</strong>
                <span>{formatDate(e.effectiveDate)}</span>
              </div>
              {subject.length > 0 && <UnitLinks label={t('units.eventSubject')} units={subject} current={unit.id} />}
              {from.length > 0 && <UnitLinks label={t('units.eventFrom')} units={from} current={unit.id} />}
              {to.length > 0 && <UnitLinks label={t('units.eventTo')} units={to} current={unit.id} />}
              {e.legalBasis && (
                <p className="small muted">
                  {t('units.legalBasis')}: {e.legalBasis}
                </p>
              )}
              {e.note && <p className="small muted">{e.note}</p>}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

function LinkedList({ title, units, testId }: { title: string; units: Linked[]; testId: string }) {
  const { t } = useI18n();
  return (
    <div data-testid={testId}>
      <h3 className="subhead">{title}</h3>
      <ul className="link-list">
        {units.map((l) => (
          <li key={l.id + l.effectiveDate}>
            <Link to={`/units/${l.id}`}>
              <span>{l.name}</span>
              <span className="small muted">
                {formatDate(l.effectiveDate)}
                {l.part === 'partial' ? ' · ' + t('units.partial') : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function UnitLinks({ label, units, current }: { label: string; units: UnitDetail['events'][number]['units']; current: number }) {
  const { t } = useI18n();
  return (
    <p className="small">
      <span className="muted">{label}: </span>
      {units.map((x, i) => (
        <span key={x.id}>
          {i > 0 && ', '}
          {x.id === current ? <strong>{x.name}</strong> : <Link to={`/units/${x.id}`}>{x.name}</Link>}
          {x.part === 'partial' && <span className="muted"> ({t('units.partial')})</span>}
        </span>
      ))}
    </p>
  );
}
