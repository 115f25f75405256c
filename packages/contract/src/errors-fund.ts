// Error codes of the fund module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const FUND_ERRORS = {
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
