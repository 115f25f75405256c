// Plain values of user accounts, zod-free for the web bundle (users.ts re-exports them).

/** Minimum length of a new password (NIST SP 800-63B; the server also refuses common passwords). */
export const PASSWORD_MIN_LENGTH = 12;
