import { z } from 'zod';
import { Role } from './access';
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
});
export type UserAccount = z.infer<typeof UserAccount>;

const Username = z.string().trim().min(3).max(50).regex(/^[a-z0-9._-]+$/, 'a-z 0-9 . _ -');
const Password = z.string().min(10).max(200);

export const CreateUser = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  role: Role,
  unitId: Id.nullable(),
  password: Password,
}).refine((u) => u.role === 'admin' || u.unitId !== null, { path: ['unitId'], message: 'unitId required' });
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
