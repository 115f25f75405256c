import type { MetricInfo } from '@contract/metrics';
import { formatNumber, formatVnd } from '../../format';

/** A metric value with its unit of measure ('1.234', '5.000.000 đ', '92,3 %', '12 ngày'). */
export function formatMetric(value: number, uom: MetricInfo['unitOfMeasure'], locale: 'vi' | 'en'): string {
  switch (uom) {
    case 'vnd':
      return formatVnd(value);
    case 'percent':
      return `${formatNumber(value)} %`;
    case 'days':
      return `${formatNumber(value)} ${locale === 'vi' ? 'ngày' : value === 1 ? 'day' : 'days'}`;
    default:
      return formatNumber(value);
  }
}

/** Bar length in percent of the largest value (0 when nothing to compare; never negative). */
export function barPercent(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(100, Math.round((value / max) * 1000) / 10);
}

/** The period of a calendar year. */
export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
