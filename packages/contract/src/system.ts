import { z } from 'zod';

/** The server's answer to a health check: the database kind and the last migration applied. */
export const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), migration: z.string() });
