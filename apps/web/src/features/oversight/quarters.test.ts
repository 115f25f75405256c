import { describe, expect, it } from 'vitest';
import { missingQuarters } from './quarters';

describe("a board's missing quarterly reports", () => {
  it('are the quarters of its term ended more than 15 days ago without a report, newest first', () => {
    const filed = [
      { year: 2025, quarter: 4 },
      { year: 2026, quarter: 2 },
    ];
    expect(missingQuarters('2025-09-15', 'infinity', filed, '2026-12-06')).toEqual([
      { year: 2026, quarter: 3 },
      { year: 2026, quarter: 1 },
      { year: 2025, quarter: 3 },
    ]);
    // Q3 2026 ended 30/09; on 10/10 its report is not yet late.
    expect(missingQuarters('2025-09-15', 'infinity', filed, '2026-10-10')).toEqual([
      { year: 2026, quarter: 1 },
      { year: 2025, quarter: 3 },
    ]);
  });

  it('leave out the quarters before the election and after the end of the term', () => {
    expect(missingQuarters('2022-03-20', '2022-10-01', [], '2026-12-06')).toEqual([
      { year: 2022, quarter: 3 },
      { year: 2022, quarter: 2 },
      { year: 2022, quarter: 1 },
    ]);
    expect(missingQuarters('2026-11-01', 'infinity', [], '2026-12-06')).toEqual([]);
  });
});
