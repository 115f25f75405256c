import { describe, expect, it } from 'vitest';
import { defaultPeriod, partsOf, reportPeriod } from './period';

describe('report periods', () => {
  it('from a template, a year and its part', () => {
    expect(reportPeriod('monthly', 2024, 2, 2019)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(reportPeriod('quarterly', 2024, 4, 2019)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(reportPeriod('six_month', 2023, 2, 2019)).toEqual({ from: '2023-07-01', to: '2023-12-31' });
    expect(reportPeriod('annual', 2022, 0, 2019)).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    expect(reportPeriod('term', 2024, 0, 2019)).toEqual({ from: '2019-01-01', to: '2024-12-31' });
    expect(partsOf('quarterly')).toBe(4);
    expect(partsOf('term')).toBe(0);
  });
});

describe('the period a report form starts with', () => {
  it("is the current month, quarter or half; this year's annual report from November, last year's before", () => {
    expect(defaultPeriod('monthly', '2026-12-05')).toEqual({ year: 2026, part: 12 });
    expect(defaultPeriod('quarterly', '2026-08-20')).toEqual({ year: 2026, part: 3 });
    expect(defaultPeriod('six_month', '2026-06-30')).toEqual({ year: 2026, part: 1 });
    expect(defaultPeriod('annual', '2026-12-05')).toEqual({ year: 2026, part: 1 });
    expect(defaultPeriod('annual', '2026-03-02')).toEqual({ year: 2025, part: 1 });
  });
});
