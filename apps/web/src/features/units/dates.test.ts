import { describe, expect, it } from 'vitest';
import { dateWithin, defaultAsOf, validOn } from './dates';

describe('unit dates', () => {
  it('keeps an as-of date inside the unit life', () => {
    expect(dateWithin('2026-01-10', '2019-01-01', '2025-07-01')).toBe('2025-06-30');
    expect(dateWithin('2025-07-01', '2019-01-01', '2025-07-01')).toBe('2025-06-30');
    expect(dateWithin('2025-06-30', '2019-01-01', '2025-07-01')).toBe('2025-06-30');
    expect(dateWithin('2024-01-01', '2025-07-01', null)).toBe('2025-07-01');
    expect(dateWithin('2026-01-10', '2025-07-01', null)).toBe('2026-01-10');
  });

  it('treats the end date as exclusive', () => {
    expect(validOn('2025-06-30', '2019-01-01', '2025-07-01')).toBe(true);
    expect(validOn('2025-07-01', '2019-01-01', '2025-07-01')).toBe(false);
    expect(validOn('2018-12-31', '2019-01-01', null)).toBe(false);
    expect(validOn('2099-01-01', '2019-01-01', null)).toBe(true);
  });

  it('reads an ended unit on its last day by default', () => {
    expect(defaultAsOf(null, '2026-03-01')).toBe('2026-03-01');
    expect(defaultAsOf('2025-07-01', '2026-03-01')).toBe('2025-06-30');
    expect(defaultAsOf('2027-01-01', '2026-03-01')).toBe('2026-03-01');
  });
});
