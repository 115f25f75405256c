import { describe, expect, it } from 'vitest';
import { partsOf, reportPeriod } from './period';

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
