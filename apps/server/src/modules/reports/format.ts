import { NO_DATA } from '@contract/reports-values';
import type { Uom } from './coverage';

/** 32027693000 → "32.027.693.000" (Vietnamese grouping). */
export function groupVi(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A rate rounded as printed: two decimals below 1%, one above. */
export function roundRate(value: number): number {
  return Math.abs(value) < 1 ? Math.round(value * 100) / 100 : Math.round(value * 10) / 10;
}

/** A figure as the report prints it; null → "chưa có số liệu". */
export function formatFigure(value: number | null, uom: Uom): string {
  if (value === null) return NO_DATA.vi;
  // Small rates need two decimals (a poverty rate of 0,39%), others one (92,3%).
  if (uom === 'percent')
    return `${roundRate(value)
      .toFixed(Math.abs(value) < 1 ? 2 : 1)
      .replace('.', ',')
      .replace(/,?0+$/, '')}%`;
  if (uom === 'vnd') return `${groupVi(Math.round(value))} đồng`;
  return groupVi(Math.round(value));
}

/** Decree 30's date line: day and month below 10 get a leading zero for 1–9 (days) and 1–2 (months). */
export function viDateLine(place: string, iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = mo < 3 ? `0${mo}` : String(mo);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
