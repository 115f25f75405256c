import type { TargetsResult } from '@contract/targets';
import { TARGET_STATUS_LABELS } from '@contract/targets-values';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { dashboardUrl, formatValue, STATUS_CLASS } from './present';

/** Units below × targets: one coloured cell per verdict; a unit's name drills down to its own dashboard. */
export function ChildrenMatrix({ result }: { result: TargetsResult }) {
  const { t, pick, locale } = useI18n();
  const numbers = result.targets.map((x) => x.number);
  const uom = new Map(result.targets.map((x) => [x.number, x.unitOfMeasure]));
  return (
    <div className="table-wrap">
      <table className="target-matrix">
        <thead>
          <tr>
            <th>{t('targets.unitCol')}</th>
            {numbers.map((n) => (
              <th key={n} className="num" title={pick(result.targets.find((x) => x.number === n)!.title)}>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {/* Units without targets of their own (no congress) would only add empty rows. */}
          {result.children
            .filter((c) => c.cells.length > 0)
            .map((c) => (
              <tr key={c.unit.id} data-testid={`child-${c.unit.code}`}>
                <th scope="row">
                  <Link to={dashboardUrl(c.unit.id, result.year)}>{c.unit.name}</Link>
                </th>
                {numbers.map((n) => {
                  const cell = c.cells.find((x) => x.number === n);
                  if (!cell) return <td key={n} className="cell st-na" aria-label={pick(TARGET_STATUS_LABELS.not_applicable)} />;
                  const label = `${pick(TARGET_STATUS_LABELS[cell.status])}: ${formatValue(cell.value, uom.get(n)!, locale)}`;
                  return (
                    <td key={n} className={`cell ${STATUS_CLASS[cell.status]}`}>
                      <Link to={dashboardUrl(c.unit.id, result.year)} title={label} aria-label={`${c.unit.name}, ${n}: ${label}`}>
                        {cell.status === 'not_met' ? '✗' : cell.status === 'met' || cell.status === 'exceeded' ? '✓' : '·'}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
