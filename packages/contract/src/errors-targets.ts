// Error codes of the targets module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const TARGETS_ERRORS = {
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
