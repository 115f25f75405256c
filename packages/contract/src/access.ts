import { z } from 'zod';
import { ROLES } from './access-values';

// The plain values live in access-values.ts (zod-free, for the web bundle); re-exported here so
// server code keeps importing everything access-related from one place.
export { GRANTABLE_PERMISSIONS, PERMISSIONS, ROLES, ROLE_LABELS, ROLE_PERMISSIONS } from './access-values';
export type { GrantablePermission, Permission } from './access-values';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
