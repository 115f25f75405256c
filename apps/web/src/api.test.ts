import { describe, expect, it } from 'vitest';
import { ApiError, readCookie, toApiError } from './api';

describe('api helpers', () => {
  it('reads one cookie among several', () => {
    expect(readCookie('a=1; dk_csrf=abc%3D; dk_x=2', 'dk_csrf')).toBe('abc=');
    expect(readCookie('dk_csrf_old=1', 'dk_csrf')).toBeNull();
    expect(readCookie('', 'dk_csrf')).toBeNull();
  });

  it('keeps the server error code and both messages', () => {
    const e = toApiError(403, { error: { code: 'OUT_OF_SCOPE', message: 'Đơn vị này nằm ngoài phạm vi của bạn', messageEn: 'This unit is outside your scope' } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('OUT_OF_SCOPE');
    expect(e.status).toBe(403);
    expect(e.text('vi')).toBe('Đơn vị này nằm ngoài phạm vi của bạn');
    expect(e.text('en')).toBe('This unit is outside your scope');
  });

  it('makes a readable error from a non-standard body', () => {
    const e = toApiError(502, '<html>bad gateway</html>');
    expect(e.code).toBe('HTTP_502');
    expect(e.text('vi')).toContain('502');
  });
});
