import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { fieldErrors } from './form-errors';

describe('fieldErrors', () => {
  it('maps validation details to field names (first message wins)', () => {
    const e = new ApiError(400, 'VALIDATION', 'Dữ liệu không hợp lệ', 'Invalid input', [
      { path: '/username', message: 'a-z 0-9 . _ -' },
      { path: '/body/password', message: 'Too small' },
      { path: '/username', message: 'second' },
      { path: '/members/0/name', message: 'Required' },
    ]);
    expect(fieldErrors(e)).toEqual({ username: 'a-z 0-9 . _ -', password: 'Too small', members: 'Required' });
  });

  it('ignores other errors and odd details', () => {
    expect(fieldErrors(null)).toEqual({});
    expect(fieldErrors(new ApiError(409, 'USERNAME_TAKEN', 'x', 'y'))).toEqual({});
    expect(fieldErrors(new ApiError(400, 'VALIDATION', 'x', 'y', 'body/x must be string'))).toEqual({});
  });
});
