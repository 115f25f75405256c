import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@contract/users';
import { AppError } from './errors';

// NIST SP 800-63B: a minimum length and a check against passwords known to be common, no composition
// rules. The list is zxcvbn-ts's 49k most common passwords plus Vietnamese habits and this product's own
// words (a password an attacker would try first here).
const LOCAL = [
  'matkhau',
  'matkhau123',
  'matkhau123456',
  'matkhau@123',
  'anhyeuem',
  'anhyeuem123',
  'emyeuanh',
  'yeuem123456',
  'vietnam',
  'vietnam123',
  'vietnam123456',
  'doanket',
  'doanket2026',
  'mattran',
  'mattrantoquoc',
  'mttq',
  'mttqvn',
  'admin@123',
  'quantri',
  'quantri123',
  'hanoi123456',
  'saigon123456',
  '123456789abc',
  'abc123456789',
  'qwertyuiop123',
  '1234567890qwe',
];
const COMMON = new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL].map((p) => p.toLowerCase()));

/** The reason a new password is refused, or null. */
export function passwordProblem(password: string, username?: string): 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_COMMON' | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  const p = password.toLowerCase();
  const core = p.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(p) || (core.length >= 6 && COMMON.has(core)) || new Set(p).size <= 3) return 'PASSWORD_TOO_COMMON';
  if (username && p.includes(username.toLowerCase())) return 'PASSWORD_TOO_COMMON';
  return null;
}

export function assertPasswordAcceptable(password: string, username?: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError(problem);
}
