import { z } from 'zod';

export const Id = z.coerce.number().int().positive();

/** True for a real calendar day 'YYYY-MM-DD' between 1900 and 2200 (not 2025-02-30, 2025-13-01 or 0000-01-01). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');
export const IdParams = z.object({ id: Id });
/** The key a device gives a write it may send twice (an offline queue): the server records it once. */
export const ClientKey = z.string().regex(/^[0-9a-zA-Z-]{8,64}$/);
export const Ok = z.object({ ok: z.literal(true) });
