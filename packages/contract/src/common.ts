import { z } from 'zod';

export const Id = z.coerce.number().int().positive();
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const IdParams = z.object({ id: Id });
export const Ok = z.object({ ok: z.literal(true) });
