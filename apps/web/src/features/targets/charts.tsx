import { useState } from 'react';
import type { MetricView } from '@contract/metrics';
import type { TargetsResult } from '@contract/targets';
import { TARGET_STATUS_LABELS } from '@contract/targets-values';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../router';
import { ErrorNote, Loading } from '../../ui/feedback';
import { SelectField } from '../../ui/fields';
import { Section } from '../../ui/page';
import { dashboardUrl, FIRST_YEAR, formatValue, STATUS_COLOUR } from './present';
import { useEndpoint } from '../../query';

/** Targets met / not met / not measured in each of the last five years: one stacked column a year. */
export function YearChart({ unit, year, view, count }: { unit: number; year: number; view: MetricView; count: number }) {
  const { t } = useI18n();
  const from = Math.max(FIRST_YEAR, year - 4);
  const res = useEndpoint('GET /api/targets/years', { query: { unit, from, to: year, view } });
  const W = 320,
    H = 150,
    top = 10,
    bottom = 22;
  const years = res.data?.years ?? [];
  const max = Math.max(count, ...years.map((y) => y.targets.length), 1);
  const col = W / Math.max(years.length, 1);
  const h = (n: number) => ((H - top - bottom) * n) / max;
  return (
    <Section title={t('targets.byYear')}>
      <p className="hint">{t('targets.byYearHelp')}</p>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading />}
      {res.data && (
        <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('targets.byYear')}>
          {years.map((y, i) => {
            const ok = y.targets.filter((x) => x.status === 'met' || x.status === 'exceeded').length;
            const miss = y.targets.filter((x) => x.status === 'not_met').length;
            const none = y.targets.filter((x) => x.status === 'not_measured').length;
            const x = i * col + col * 0.2,
              w = col * 0.6;
            let base = H - bottom;
            const bar = (n: number, colour: string, key: string) => {
              if (!n) return null;
              base -= h(n);
              return <rect key={key} x={x} y={base} width={w} height={h(n)} fill={colour} />;
            };
            return (
              <g
                key={y.year}
                className="chart-col"
                onClick={() => navigate(dashboardUrl(unit, y.year))}
                role="link"
                aria-label={`${y.year}: ${ok} ✓, ${miss} ✗, ${none} ·`}
                tabIndex={0}
                onKeyDown={(e) => e.key === 'Enter' && navigate(dashboardUrl(unit, y.year))}
              >
                <title>{`${y.year}: ${ok} / ${y.targets.length}`}</title>
                {bar(ok, STATUS_COLOUR.met, 'ok')}
                {bar(miss, STATUS_COLOUR.not_met, 'miss')}
                {bar(none, STATUS_COLOUR.not_measured, 'none')}
                {ok > 0 && (
                  <text x={x + w / 2} y={H - bottom - h(ok) / 2 + 4} textAnchor="middle" className="chart-num">
                    {ok}
                  </text>
                )}
                <text x={x + w / 2} y={H - 6} textAnchor="middle" className={y.year === year ? 'chart-label chart-current' : 'chart-label'}>
                  {y.year}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </Section>
  );
}

/** One target's value for each unit below: horizontal bars coloured by verdict, each a link. */
export function UnitChart({ result }: { result: TargetsResult }) {
  const { t, pick, locale } = useI18n();
  const [number, setNumber] = useState(result.targets[0]?.number ?? 1);
  const target = result.targets.find((x) => x.number === number) ?? result.targets[0];
  const rows = result.children
    .filter((c) => c.cells.length > 0)
    .flatMap((c) => {
      const cell = c.cells.find((x) => x.number === target.number);
      return cell ? [{ unit: c.unit, ...cell }] : [];
    });
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  const rowH = 22,
    W = 320,
    labelW = 130;
  return (
    <Section title={t('targets.chartUnits')}>
      <div className="filters">
        <SelectField
          label={t('targets.chartTarget')}
          value={String(target.number)}
          onChange={(e) => setNumber(Number(e.target.value))}
          options={result.targets.map((x) => ({ value: String(x.number), label: `${x.number}. ${pick(x.title)}` }))}
        />
      </div>
      <svg className="chart" viewBox={`0 0 ${W} ${Math.max(rows.length, 1) * rowH + 4}`} role="img" aria-label={t('targets.chartUnits')}>
        {rows.map((r, i) => {
          const w = max > 0 && r.value ? ((W - labelW - 70) * r.value) / max : 0;
          const label = `${r.unit.name}: ${formatValue(r.value, target.unitOfMeasure, locale)} (${pick(TARGET_STATUS_LABELS[r.status])})`;
          return (
            <a
              key={r.unit.id}
              href={dashboardUrl(r.unit.id, result.year)}
              aria-label={label}
              onClick={(e) => {
                e.preventDefault();
                navigate(dashboardUrl(r.unit.id, result.year));
              }}
            >
              <title>{label}</title>
              <text x={0} y={i * rowH + 15} className="chart-label">
                {r.unit.name.length > 22 ? r.unit.name.slice(0, 21) + '…' : r.unit.name}
              </text>
              <rect x={labelW} y={i * rowH + 4} width={Math.max(w, 2)} height={rowH - 8} fill={STATUS_COLOUR[r.status]} />
              <text x={labelW + Math.max(w, 2) + 4} y={i * rowH + 15} className="chart-num-dark">
                {formatValue(r.value, target.unitOfMeasure, locale)}
              </text>
            </a>
          );
        })}
      </svg>
    </Section>
  );
}
