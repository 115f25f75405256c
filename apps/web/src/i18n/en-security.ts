import type { viSecurity } from './vi-security';

// English: the account's own security (password change).
export const enSecurity: Record<keyof typeof viSecurity, string> = {
  'me.changePassword': 'Change password',
  'me.currentPassword': 'Current password',
  'me.newPassword': 'New password',
  'me.confirmPassword': 'New password again',
  'me.passwordHint': 'At least 12 characters; a sentence you remember works well. Common passwords are refused.',
  'me.passwordMismatch': 'The two new passwords differ',
  'me.passwordChanged': 'Password changed. Your other sessions have ended.',
  'users.grants': 'Additional permissions',
  'users.grantsHint': 'Beyond the role. Every grant and withdrawal is audited.',
  'users.grantIdentity': "May read petitioners' and denouncers' identities (petition.identity)",
  'me.passwordIntro': 'After the change, other devices signed in to this account must sign in again.',
};
