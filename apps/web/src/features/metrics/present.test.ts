import { describe, expect, it } from 'vitest';
import { barPercent, formatMetric, yearRange } from './present';

describe('metric presentation', () => {
  it('formats by unit of measure', () => {
    expect(formatMetric(1234, 'count', 'vi')).toBe('1.234');
    expect(formatMetric(5_000_000_000, 'vnd', 'vi')).toBe('5.000.000.000 đ');
    expect(formatMetric(92.3, 'percent', 'en')).toBe('92,3 %');
    expect(formatMetric(3, 'days', 'vi')).toBe('3 ngày');
    expect(formatMetric(1, 'days', 'en')).toBe('1 day');
  });

  it('scales bars to the largest value', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(10, 10)).toBe(100);
    expect(barPercent(1, 3)).toBe(33.3);
    expect(barPercent(0, 0)).toBe(0);
    expect(barPercent(-2, 10)).toBe(0);
  });

  it('gives a calendar year', () => {
    expect(yearRange(2023)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });
});
