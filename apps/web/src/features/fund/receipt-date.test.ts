import { describe, expect, it } from 'vitest';
import { placeDate } from './receipt-page';

describe('the receipt date line', () => {
  it('writes the place and "ngày … tháng … năm" as a Vietnamese document does', () => {
    expect(placeDate('Phường Bắc Giang', '2026-12-05')).toBe('Bắc Giang, ngày 05 tháng 12 năm 2026');
    expect(placeDate('Xã Tam Giang', '2025-01-31')).toBe('Tam Giang, ngày 31 tháng 01 năm 2025');
  });
});
