import { z } from 'zod';
import { GRANTABLE_PERMISSIONS, Role } from './access';
import { Id } from './common';

export const UserAccount = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  /** Permissions granted beyond the role (audited). */
  grants: z.array(z.enum(GRANTABLE_PERMISSIONS)),
});
export type UserAccount = z.infer<typeof UserAccount>;

const Username = z
  .string()
  .trim()
  .min(3)
  .max(50)
  .regex(/^[a-z0-9._-]+$/, 'a-z 0-9 . _ -');
export { PASSWORD_MIN_LENGTH } from './users-values';
// Length and commonness are checked by the server with their own codes (PASSWORD_TOO_SHORT / _COMMON).
const Password = z.string().min(1).max(200);

export const ChangePassword = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export type ChangePassword = z.infer<typeof ChangePassword>;

export const CreateUser = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1).max(200),
    role: Role,
    unitId: Id.nullable(),
    password: Password,
  })
  .refine((u) => u.role === 'admin' || u.unitId !== null, { path: ['unitId'], message: 'unitId required' });
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  unitId: Id.nullable().optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
});
export type UpdateUser = z.infer<typeof UpdateUser>;

export const UserListQuery = z.object({ q: z.string().trim().max(100).optional() });

export const SetGrants = z.object({ permissions: z.array(z.enum(GRANTABLE_PERMISSIONS)).max(GRANTABLE_PERMISSIONS.length) });
export type SetGrants = z.infer<typeof SetGrants>;

/** Where a staff member receives deadline reminders (a daily e-mail while petitions are overdue or due soon). */
export const NotifySettings = z.object({
  email: z.string().trim().max(200).nullable(),
  deadlines: z.boolean(),
});
export type NotifySettings = z.infer<typeof NotifySettings>;
