// Error codes of the petitions module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const PETITIONS_ERRORS = {
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
