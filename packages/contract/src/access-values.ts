// Roles, permissions and their labels as plain data, with no zod, so the web app can import them
// without pulling the schema library into its bundle. access.ts builds its schemas from these.

export const ROLES = ['admin', 'standing_committee', 'unit_staff', 'village_head', 'member_org', 'fund_accountant', 'inspection_member', 'leadership'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'unit.read',
  'unit.manage',
  'org.read',
  'org.write',
  'user.manage',
  'audit.read',
  'metric.read',
  // Funds: read the books; record receipts and propose payments; approve payments; funds, campaigns, closing.
  'fund.read',
  'fund.write',
  'fund.approve',
  'fund.manage',
  // Citizens' voice: petitions, reception, voter meetings, situation reports; a denouncer's identity.
  'petition.read',
  'petition.write',
  'petition.identity',
  // Households: registry and support; exports of personal data.
  'household.read',
  'household.write',
  'household.export',
  // Targets and reports: draft reports (and comment); issue them under a number (sign); publish them; set a congress's targets.
  'report.generate',
  'report.publish',
  'target.manage',
  // Oversight: supervisions, criticism, opinions; approve plans; inspection boards' work; mediation cases and their parties.
  'oversight.read',
  'oversight.write',
  'oversight.approve',
  'inspection.write',
  'mediation.write',
  'mediation.parties',
  'report.issue',
  // Direction: read directives, key tasks, gradings; record answers and the unit's own work; issue directives and decide gradings.
  'direction.read',
  'direction.write',
  'direction.issue',
  // Movements and community: channels, religion, Solidarity Day, cultural titles, surveys, models.
  'movement.read',
  'movement.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['unit.read', 'org.read', 'metric.read'];

/**
 * Permissions an administrator grants to one user beyond their role (audited). A denouncer's identity is
 * not IT's business: the administrator role does not hold it, but can be granted it explicitly.
 */
export const GRANTABLE_PERMISSIONS = ['petition.identity'] as const satisfies readonly Permission[];
export type GrantablePermission = (typeof GRANTABLE_PERMISSIONS)[number];

/** What each role may do, always within the subtree of the unit where it is held. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => p !== 'petition.identity'),
  // The standing committee approves payments but does not book them: the two-person rule by role.
  standing_committee: [
    ...READ,
    'org.write',
    'audit.read',
    'fund.read',
    'fund.approve',
    'fund.manage',
    'petition.read',
    'petition.write',
    'petition.identity',
    'household.read',
    'household.write',
    'household.export',
    'report.generate',
    'report.publish',
    'target.manage',
    'report.issue',
    'oversight.read',
    'oversight.write',
    'oversight.approve',
    'inspection.write',
    'mediation.write',
    'mediation.parties',
    'direction.read',
    'direction.write',
    'direction.issue',
    'movement.read',
    'movement.write',
  ],
  unit_staff: [
    ...READ,
    'org.write',
    'audit.read',
    'fund.read',
    'fund.write',
    'petition.read',
    'petition.write',
    'household.read',
    'household.write',
    'household.export',
    'report.generate',
    'oversight.read',
    'oversight.write',
    'inspection.write',
    'mediation.write',
    'mediation.parties',
    'direction.read',
    'direction.write',
    'movement.read',
    'movement.write',
  ],
  village_head: [
    ...READ,
    'org.write',
    'fund.read',
    'petition.read',
    'petition.write',
    'household.read',
    'household.write',
    'oversight.read',
    'mediation.write',
    'mediation.parties',
    'direction.read',
    'direction.write',
    'movement.read',
    'movement.write',
  ],
  member_org: [...READ, 'oversight.read', 'movement.read'],
  fund_accountant: [...READ, 'fund.read', 'fund.write', 'fund.manage', 'household.read'],
  inspection_member: [...READ, 'petition.read', 'oversight.read', 'inspection.write'],
  leadership: [...READ, 'audit.read', 'fund.read', 'petition.read', 'household.read', 'oversight.read', 'direction.read', 'movement.read'],
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
