import { describe, expect, it } from 'vitest';
import { periodLabel, slicePeriod } from './compute';
import { FIGURE_BY_ID } from './coverage';
import { figureText } from './outline';

const TERM = { from: '2019-01-01', to: '2024-12-31' };
const MIDTERM = { from: '2019-10-01', to: '2024-06-30' };

describe('figure periods', () => {
  it('slices a term as the seed states its figures', () => {
    expect(slicePeriod(TERM)).toEqual(TERM);
    expect(slicePeriod(TERM, 'first_year')).toEqual({ from: '2019-01-01', to: '2019-12-31' });
    expect(slicePeriod(TERM, 'year_before_congress')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(slicePeriod(TERM, 'until_year_before_congress')).toEqual({ from: '2019-01-01', to: '2023-12-31' });
    expect(slicePeriod(MIDTERM, 'first_full_year')).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(slicePeriod(MIDTERM, 'last_full_year')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(slicePeriod(MIDTERM, 'term')).toEqual({ from: '2019-01-01', to: '2024-12-31' });
    expect(slicePeriod(MIDTERM, 'to_date', '2022-05-17')).toEqual({ from: '2019-10-01', to: '2022-05-17' });
    expect(slicePeriod(MIDTERM, 'to_date', '2026-01-01')).toEqual(MIDTERM);
  });

  it('never leaves a short period: a year report’s "year before the congress" is its own year', () => {
    const year = { from: '2024-01-01', to: '2024-12-31' };
    expect(slicePeriod(year, 'year_before_congress')).toEqual(year);
    expect(slicePeriod(year, 'until_year_before_congress')).toEqual(year);
    expect(periodLabel(year, 'year_before_congress')).toBe('');
  });

  it('prints the slice beside the wording: poverty 2019 → 2023, the fund 2019–2023', () => {
    expect(figureText(FIGURE_BY_ID.get('poor.rate_first')!, TERM)).toBe('Tỷ lệ hộ nghèo (năm 2019)');
    expect(figureText(FIGURE_BY_ID.get('poor.rate_last')!, TERM)).toBe('Tỷ lệ hộ nghèo (năm 2023)');
    expect(figureText(FIGURE_BY_ID.get('poor.fund_raised')!, TERM)).toBe('Quỹ “Vì người nghèo” các cấp vận động được (2019–2023)');
    expect(figureText(FIGURE_BY_ID.get('grat.fund')!, TERM)).toBe('Quỹ “Đền ơn đáp nghĩa” vận động được');
    expect(figureText(FIGURE_BY_ID.get('grat.fund')!, { from: '2019-01-01', to: '2024-06-30' })).toBe('Quỹ “Đền ơn đáp nghĩa” vận động được (2019–2024)');
    expect(periodLabel(MIDTERM, 'to_date', '2022-05-17')).toBe('đến ngày 17/05/2022');
  });
});
