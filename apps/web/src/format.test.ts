import { describe, expect, it } from 'vitest';
import { formatDateTime, dayAfter, dayBefore, foldVn, formatPeriod, naturalCompare, formatDate, formatNumber, formatVnd, parseDate, todayIso } from './format';

describe('format', () => {
  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
    expect(formatDate('infinity')).toBe('infinity');
  });

  it('parses Vietnamese and ISO date input, refusing impossible dates', () => {
    expect(parseDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDate(' 30.06.2025 ')).toBe('2025-06-30');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('29/02/2025')).toBeNull();
    expect(parseDate('31/04/2025')).toBeNull();
    expect(parseDate('07/2025')).toBeNull();
    expect(parseDate('')).toBeNull();
  });

  it("gives Vietnam's today whatever the browser's zone, and the day before", () => {
    // 20:30 UTC on 5 January is 03:30 on 6 January in Vietnam: forms pre-filled with today must say the 6th.
    expect(todayIso(new Date('2026-01-05T20:30:00Z'))).toBe('2026-01-06');
    expect(todayIso(new Date('2026-01-05T16:59:00Z'))).toBe('2026-01-05');
    expect(formatDateTime('2026-01-05T20:30:00Z')).toBe('06/01/2026 03:30');
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayAfter('2025-06-30')).toBe('2025-07-01');
    expect(dayAfter('2024-12-31')).toBe('2025-01-01');
  });

  it('shows a half-open period with its last day', () => {
    expect(formatPeriod('2024-10-01', '2029-10-01', 'nay')).toBe('01/10/2024 – 30/09/2029');
    expect(formatPeriod('2025-07-01', null, 'nay')).toBe('01/07/2025 – nay');
  });

  it('folds Vietnamese for matching without diacritics', () => {
    expect(foldVn('Đồng Sơn')).toBe('dong son');
    expect(foldVn('TỔ DÂN PHỐ số 1')).toBe('to dan pho so 1');
    expect(foldVn('Nguyễn Thị Thủy')).toBe('nguyen thi thuy');
  });

  it('sorts names with numbers naturally', () => {
    const names = ['Tổ dân phố số 10', 'Tổ dân phố số 2', 'Thôn Đông', 'Thôn An', 'Tổ dân phố số 1'];
    expect([...names].sort(naturalCompare)).toEqual(['Thôn An', 'Thôn Đông', 'Tổ dân phố số 1', 'Tổ dân phố số 2', 'Tổ dân phố số 10']);
  });

  it('groups numbers the Vietnamese way', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-1000)).toBe('-1.000');
    expect(formatNumber(92.346)).toBe('92,35');
    expect(formatNumber(0)).toBe('0');
    expect(formatVnd(5_000_000_000)).toBe('5.000.000.000 đ');
  });
});

describe('the Tết a gift is for', () => {
  it('is the coming Tết from July on, the one of this year before', async () => {
    const { tetYear } = await import('./format');
    expect(tetYear('2026-12-05')).toBe(2027);
    expect(tetYear('2027-01-20')).toBe(2027);
    expect(tetYear('2026-06-30')).toBe(2026);
  });
});
