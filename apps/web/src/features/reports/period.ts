import type { ReportTemplate } from '@contract/reports-values';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The period of a report from its template: `part` is the month (1–12), quarter (1–4) or half
 * (1–2); a term runs from January of `startYear` to December of `year`.
 */
export function reportPeriod(template: ReportTemplate, year: number, part: number, startYear: number): { from: string; to: string } {
  const span = (m1: number, m2: number) => ({ from: `${year}-${pad(m1)}-01`, to: `${year}-${pad(m2)}-${lastDay(year, m2)}` });
  switch (template) {
    case 'monthly':
      return span(part, part);
    case 'quarterly':
      return span(part * 3 - 2, part * 3);
    case 'six_month':
      return part === 1 ? span(1, 6) : span(7, 12);
    case 'annual':
      return span(1, 12);
    case 'term':
      return { from: `${Math.min(startYear, year)}-01-01`, to: `${year}-12-31` };
  }
}

/** How many sub-periods the template's year has (months, quarters, halves); 0 for none. */
export function partsOf(template: ReportTemplate): number {
  return template === 'monthly' ? 12 : template === 'quarterly' ? 4 : template === 'six_month' ? 2 : 0;
}

/**
 * The period a person most likely reports on today: the current month, quarter or half (reports are written as
 * the period closes); the current year from November, when the annual report is drafted, otherwise last year.
 */
export function defaultPeriod(template: ReportTemplate, todayIso: string): { year: number; part: number } {
  const year = Number(todayIso.slice(0, 4));
  const month = Number(todayIso.slice(5, 7));
  switch (template) {
    case 'monthly':
      return { year, part: month };
    case 'quarterly':
      return { year, part: Math.ceil(month / 3) };
    case 'six_month':
      return { year, part: month <= 6 ? 1 : 2 };
    case 'annual':
    case 'term':
      return { year: month >= 11 ? year : year - 1, part: 1 };
  }
}
