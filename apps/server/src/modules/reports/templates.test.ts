import { describe, expect, it } from 'vitest';
import { reportTitle, templateFigures } from './templates';
import { formatFigure, viDateLine } from './format';
import { FIGURES, isMapped } from './coverage';

describe('report wording', () => {
  it('names the period the way an official report does', () => {
    expect(reportTitle('monthly', '2024-03-01', '2024-03-31')).toBe('Kết quả công tác Mặt trận tháng 3 năm 2024');
    expect(reportTitle('quarterly', '2024-04-01', '2024-06-30')).toBe('Kết quả công tác Mặt trận quý II năm 2024');
    expect(reportTitle('six_month', '2024-01-01', '2024-06-30')).toBe('Kết quả công tác Mặt trận 6 tháng đầu năm 2024');
    expect(reportTitle('annual', '2024-01-01', '2024-12-31')).toBe('Kết quả công tác Mặt trận năm 2024');
    expect(reportTitle('term', '2019-01-01', '2024-12-31')).toBe('Kết quả thực hiện Chương trình hành động nhiệm kỳ 2019 – 2024');
    expect(reportTitle('quarterly', '2024-02-01', '2024-04-30')).toBe('Kết quả công tác Mặt trận từ ngày 01/02/2024 đến ngày 30/04/2024');
  });

  it('writes the date line of Decree 30 (leading zero for days 1–9 and months 1–2)', () => {
    expect(viDateLine('Bắc Giang', '2026-02-05')).toBe('Bắc Giang, ngày 05 tháng 02 năm 2026');
    expect(viDateLine('Bắc Giang', '2026-11-30')).toBe('Bắc Giang, ngày 30 tháng 11 năm 2026');
    expect(viDateLine('Bắc Giang', '2026-03-10')).toBe('Bắc Giang, ngày 10 tháng 3 năm 2026');
  });

  it('prints figures with Vietnamese grouping, and never a number for what is not measured', () => {
    expect(formatFigure(32027693000, 'vnd')).toBe('32.027.693.000 đồng');
    expect(formatFigure(76630, 'count')).toBe('76.630');
    expect(formatFigure(0.3912, 'percent')).toBe('0,39%');
    expect(formatFigure(0.6, 'percent')).toBe('0,6%');
    expect(formatFigure(92.34, 'percent')).toBe('92,3%');
    expect(formatFigure(126.4, 'percent')).toBe('126,4%');
    expect(formatFigure(100, 'percent')).toBe('100%');
    expect(formatFigure(null, 'vnd')).toBe('chưa có số liệu');
  });

  it('the term report states all of Part One; periodic reports what a metric computes', () => {
    expect(templateFigures('term')).toBe(FIGURES);
    expect(templateFigures('monthly').every(isMapped)).toBe(true);
    expect(templateFigures('monthly').map((f) => f.id)).toContain('poor.tet_gift_value');
    expect(templateFigures('monthly').map((f) => f.id)).not.toContain('ntm.land_donated');
  });
});
