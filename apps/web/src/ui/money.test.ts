import { describe, expect, it } from 'vitest';
import { groupDigits } from './fields';

describe('amounts as typed', () => {
  it('groups digits by dots and ignores what is not a digit', () => {
    expect(groupDigits('500000')).toBe('500.000');
    expect(groupDigits('1234567')).toBe('1.234.567');
    expect(groupDigits('1.250.000')).toBe('1.250.000');
    expect(groupDigits('1.2345')).toBe('12.345');
    expect(groupDigits('007')).toBe('7');
    expect(groupDigits('')).toBe('');
    expect(groupDigits('abc')).toBe('');
  });
});
