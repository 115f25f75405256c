import type { MeasureProgress, Rule, TargetStatus } from '@contract/targets';
import { buildUrl } from '../../route-match';
import { formatMetric } from '../metrics/present';

/** The first year with records (the seed's term began in 2019). */
export const FIRST_YEAR = 2019;

export const STATUS_CLASS: Record<TargetStatus, string> = {
  met: 'st-met',
  exceeded: 'st-exceeded',
  not_met: 'st-not-met',
  not_measured: 'st-none',
  not_applicable: 'st-na',
};

export const TREND_ARROW = { up: '↑', down: '↓', same: '→' } as const;

type Uom = MeasureProgress['unitOfMeasure'];

/** A target's value in its unit, or a dash when it cannot be measured. */
export function formatValue(value: number | null, uom: Uom, locale: 'vi' | 'en'): string {
  return value === null ? '—' : formatMetric(value, uom, locale);
}

/** The rule as people say it: "≥ 90 %", "1–3", "> 5.000.000.000 đ", "không thấp hơn năm trước". */
export function formatRule(rule: Rule, uom: Uom, locale: 'vi' | 'en'): string {
  const f = (v: number) => formatMetric(v, uom, locale);
  switch (rule.op) {
    case 'gte':
      return `≥ ${f(rule.value)}`;
    case 'gt':
      return `> ${f(rule.value)}`;
    case 'lte':
      return `≤ ${f(rule.value)}`;
    case 'range':
      return `${f(rule.min)} – ${f(rule.max)}`;
    case 'no_decrease':
      return locale === 'vi' ? 'không thấp hơn năm trước' : 'not below the previous year';
  }
}

/** The records behind a figure: the metric page for the unit and the year (the numerator for a rate). */
export function recordsUrl(metricKey: string, unitId: number, year: number): string {
  return buildUrl(`/metrics/${encodeURIComponent(metricKey)}`, { unit: unitId, from: `${year}-01-01`, to: `${year}-12-31` });
}

/**
 * The module's own list of the records behind a measure, filtered by unit and year, where one exists:
 * the households not yet reached (coverage) and the petitions of the unit.
 */
export function moduleRecordsUrl(metricKey: string, unitId: number, year: number): string | null {
  const coverage = /^households\.(tet|hardship|house)_/.exec(metricKey);
  if (coverage) return buildUrl('/households/coverage', { unit: unitId, year, kind: coverage[1] });
  if (metricKey.startsWith('petitions.') && !metricKey.startsWith('petitions.situation')) return buildUrl('/petitions', { unit: unitId });
  if (metricKey.startsWith('petitions.situation')) return buildUrl('/petitions/situation', { unit: unitId });
  return null;
}

export const dashboardUrl = (unitId: number, year: number) => buildUrl('/targets', { unit: unitId, year });
export const targetUnitsUrl = (number: number, unitId: number, year: number) => buildUrl(`/targets/${number}`, { unit: unitId, year });

/** Colour of a value on a light-to-dark red scale (for the map), grey when there is none. */
export function scaleColour(value: number | null, max: number): string {
  if (value === null || !(max > 0)) return '#e5e7eb';
  const t = Math.max(0, Math.min(1, value / max));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(254, 127)}, ${mix(226, 29)}, ${mix(226, 29)})`;
}

export const STATUS_COLOUR: Record<TargetStatus, string> = {
  met: '#4ade80',
  exceeded: '#15803d',
  not_met: '#dc2626',
  not_measured: '#d1d5db',
  not_applicable: '#f3f4f6',
};
