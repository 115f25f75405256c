import { z } from 'zod';
import { PERMISSIONS, Role } from './access';
import { Id } from './common';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  unitValidTo: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const SetLocale = z.object({ locale: z.enum(['vi', 'en']) });
export type SetLocale = z.infer<typeof SetLocale>;
