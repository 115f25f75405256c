import { describe, expect, it } from 'vitest';
import { TRACKING_CODE_RE, type DeadlineRule } from '@contract/petitions';
import { acceptDue, allowedActions, answerDue, canExtend, newTrackingCode, nextState, parseTrackingCode, plainText } from './rules';
import { sniffType } from '../../platform/file-type';

const rule = (r: Partial<DeadlineRule>): DeadlineRule => ({
  kind: 'khieu_nai',
  acceptDays: 10,
  answerDays: 30,
  complexAnswerDays: 45,
  extensionDays: 0,
  maxExtensions: 0,
  resultNoticeDays: null,
  ...r,
});

describe('petition rules', () => {
  it('computes due dates across month and year ends', () => {
    expect(acceptDue(rule({}), '2025-12-25')).toBe('2026-01-04');
    expect(answerDue(rule({}), '2026-01-31', false, 0)).toBe('2026-03-02');
    expect(answerDue(rule({}), '2026-01-31', true, 0)).toBe('2026-03-17');
    const toCao = rule({ kind: 'to_cao', answerDays: 30, extensionDays: 30, maxExtensions: 2 });
    expect(answerDue(toCao, '2026-01-01', false, 2)).toBe('2026-04-01');
    expect([canExtend(toCao, 1), canExtend(toCao, 2), canExtend(rule({}), 0)]).toEqual([true, false, false]);
  });

  it('allows only the next steps of the state machine', () => {
    expect(allowedActions('received')).toEqual(['accept', 'decline']);
    expect(allowedActions('forwarded')).toEqual(['extend', 'answer']);
    expect(nextState('informed', 'reopen')).toBe('accepted');
    expect(nextState('declined', 'reopen')).toBe('received');
    expect(() => nextState('closed', 'answer')).toThrow();
  });

  it('makes and reads tracking codes', () => {
    const codes = new Set(Array.from({ length: 500 }, newTrackingCode));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(c).toMatch(TRACKING_CODE_RE);
    expect(parseTrackingCode(' abcd-efgh-jk ')).toBe('ABCD-EFGH-JK');
    expect(() => parseTrackingCode('ABCD-EFGH-J1')).toThrow();
  });

  it('keeps text plain and tells file types by their bytes', () => {
    expect(plainText('<script>x()</script>Đường <b>hỏng</b>\u0007')).toBe('Đường hỏng');
    expect(plainText('a <iframe src=x></iframe>b javascript:alert(1)')).toBe('a b alert(1)');
    expect(plainText('3 < 5 và 7 > 2')).toBe('3 < 5 và 7 > 2');
    expect(sniffType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
  });
});
