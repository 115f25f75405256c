import { ERRORS, type ErrorBody, type ErrorCode } from '@contract/errors';

/** The one error type services throw; the HTTP layer turns it into a coded response. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(ERRORS[code].en);
    this.status = ERRORS[code].status;
  }

  toBody(): ErrorBody {
    const m = ERRORS[this.code];
    // A message may name what the details carry, e.g. "{successorName}".
    const fill = (t: string) =>
      t.replace(/\{(\w+)\}/g, (all, k: string) => {
        const v = (this.details as Record<string, unknown> | undefined)?.[k];
        return typeof v === 'string' || typeof v === 'number' ? String(v) : all;
      });
    return { error: { code: this.code, message: fill(m.vi), messageEn: fill(m.en), ...(this.details !== undefined ? { details: this.details } : {}) } };
  }
}

export function assertFound<T>(value: T | undefined | null, code: ErrorCode = 'NOT_FOUND'): T {
  if (value === undefined || value === null) throw new AppError(code);
  return value;
}
