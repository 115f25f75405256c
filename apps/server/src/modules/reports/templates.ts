import type { ReportTemplate } from '@contract/reports-values';
import { FIGURES, isMapped, type Figure } from './coverage';
import { viDate } from './format';

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** The report's subtitle from its template and period ("… quý II năm 2024"), or the dates when the period is not a calendar one. */
export function reportTitle(template: ReportTemplate, from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const whole = fd === 1 && Number(to.slice(8)) === lastDay;
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  const base = 'Kết quả công tác Mặt trận';
  if (whole && fy === ty) {
    if (template === 'monthly' && months === 1) return `${base} tháng ${fm} năm ${fy}`;
    if (template === 'quarterly' && months === 3 && (fm - 1) % 3 === 0) return `${base} quý ${QUARTERS[(fm - 1) / 3]} năm ${fy}`;
    if (template === 'six_month' && months === 6 && fm === 1) return `${base} 6 tháng đầu năm ${fy}`;
    if (template === 'six_month' && months === 6 && fm === 7) return `${base} 6 tháng cuối năm ${fy}`;
    if (template === 'annual' && months === 12) return `${base} năm ${fy}`;
  }
  if (template === 'term') return `Kết quả thực hiện Chương trình hành động nhiệm kỳ ${fy} – ${ty}`;
  return `${base} từ ngày ${viDate(from)} đến ngày ${viDate(to)}`;
}

/** The term report states every Part One figure; periodic reports the ones a metric computes. */
export function templateFigures(template: ReportTemplate): Figure[] {
  return template === 'term' ? FIGURES : FIGURES.filter(isMapped);
}

/**
 * Candidates for the opening summary, most telling first: the first six with a non-zero value are
 * printed (a zero is no result). The "same figure everywhere" check compares them with the body.
 */
export const HIGHLIGHTS = [
  'poor.fund_raised',
  'poor.tet_gifts',
  'poor.tet_gift_value',
  'poor.houses',
  'relief.covid_total',
  'grat.fund',
  'fest.rate',
  'sup.direct',
  'cit.petitions',
  'pb.voter_meetings',
  'relief.dien_bien_rate',
  'poor.reduction',
];

export function closingLine(template: ReportTemplate): string {
  return template === 'term'
    ? 'Trên đây là báo cáo kết quả thực hiện Chương trình hành động nhiệm kỳ; các số liệu được tổng hợp từ dữ liệu ghi nhận trên hệ thống, chi tiết tại Phụ lục thống kê kèm theo.'
    : 'Trên đây là báo cáo kết quả công tác Mặt trận trong kỳ; các số liệu được tổng hợp từ dữ liệu ghi nhận trên hệ thống, chi tiết tại Phụ lục thống kê kèm theo.';
}
