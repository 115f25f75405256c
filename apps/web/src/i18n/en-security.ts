import type { viSecurity } from './vi-security';

// English: the account's own security (password change).
export const enSecurity: Record<keyof typeof viSecurity, string> = {
  'me.currentPassword': 'Current password',
  'me.newPassword': 'New password',
  'me.confirmPassword': 'New password again',
  'me.passwordHint': 'At least 12 characters; a sentence you remember works well. Common passwords are refused.',
  'me.passwordMismatch': 'The two new passwords differ',
  'me.passwordChanged': 'Password changed. Your other sessions have ended.',
  'me.reminders': 'Deadline reminders by e-mail',
  'me.remindersIntro':
    "Each morning (from 7 am), if petitions in your scope are overdue or due within 3 days, you get one message with their numbers and a link to the list. It never contains a petition's content.",
  'me.reminderEmail': 'E-mail for reminders',
  'me.reminderOn': 'Send me reminders',
  'me.remindersSaved': 'Reminder settings saved.',
  'users.grants': 'Additional permissions',
  'users.grantsHint': 'Beyond the role. Every grant and withdrawal is audited.',
  'users.grantIdentity': "May read petitioners' and denouncers' identities (petition.identity)",
  'me.passwordIntro': 'After the change, other devices signed in to this account must sign in again.',
};
