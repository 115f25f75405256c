// Error codes of the reports module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const REPORTS_ERRORS = {
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
