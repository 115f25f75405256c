// Roles, permissions and their labels as plain data, with no zod, so the web app can import them
// without pulling the schema library into its bundle. access.ts builds its schemas from these.

export const ROLES = ['admin', 'standing_committee', 'unit_staff', 'village_head', 'member_org',
  'fund_accountant', 'inspection_member', 'leadership'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'unit.read', 'unit.manage', 'org.read', 'org.write', 'user.manage', 'audit.read', 'metric.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['unit.read', 'org.read', 'metric.read'];

/** What each role may do, always within the subtree of the unit where it is held. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  standing_committee: [...READ, 'org.write', 'audit.read'],
  unit_staff: [...READ, 'org.write', 'audit.read'],
  village_head: [...READ, 'org.write'],
  member_org: READ,
  fund_accountant: READ,
  inspection_member: READ,
  leadership: [...READ, 'audit.read'],
};

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  standing_committee: { vi: 'Ban Thường trực', en: 'Standing committee' },
  unit_staff: { vi: 'Cán bộ chuyên trách', en: 'Full-time staff' },
  village_head: { vi: 'Trưởng Ban công tác Mặt trận', en: 'Village work board head' },
  member_org: { vi: 'Tổ chức thành viên', en: 'Member organisation' },
  fund_accountant: { vi: 'Kế toán quỹ', en: 'Fund accountant' },
  inspection_member: { vi: 'Thành viên Ban TTND / GSĐTCCĐ', en: 'Inspection board member' },
  leadership: { vi: 'Lãnh đạo (chỉ xem)', en: 'Leadership (read-only)' },
};
