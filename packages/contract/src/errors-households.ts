// Error codes of the households module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const HOUSEHOLDS_ERRORS = {
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
