// Committee kinds, positions, member organisation kinds, Front person roles, genders and their
// labels as plain data, with no zod, so the web app can import them without pulling the schema
// library into its bundle. org.ts builds its schemas from these.

type Label = { vi: string; en: string };

export const COMMITTEE_KINDS = ['front_committee', 'work_board', 'advisory_board'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, Label> = {
  front_committee: { vi: 'Ủy ban MTTQ', en: 'Front committee' },
  work_board: { vi: 'Ban công tác Mặt trận', en: 'Village Front work board' },
  advisory_board: { vi: 'Ban tư vấn / Tổ tư vấn', en: 'Advisory board / team' },
};

export const POSITIONS = ['chair', 'vice_chair', 'standing_member', 'member', 'head', 'deputy_head', 'board_member'] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_LABELS: Record<Position, Label> = {
  chair: { vi: 'Chủ tịch', en: 'Chair' },
  vice_chair: { vi: 'Phó Chủ tịch', en: 'Vice-chair' },
  standing_member: { vi: 'Ủy viên Ban Thường trực', en: 'Standing committee member' },
  member: { vi: 'Ủy viên', en: 'Member' },
  head: { vi: 'Trưởng ban', en: 'Head' },
  deputy_head: { vi: 'Phó Trưởng ban', en: 'Deputy head' },
  board_member: { vi: 'Thành viên', en: 'Board member' },
};

/** Positions a member may hold, by kind of committee (the service refuses others). */
export const POSITIONS_BY_KIND: Record<CommitteeKind, readonly Position[]> = {
  front_committee: ['chair', 'vice_chair', 'standing_member', 'member'],
  work_board: ['head', 'deputy_head', 'board_member'],
  advisory_board: ['head', 'deputy_head', 'board_member'],
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, Label> = { male: { vi: 'Nam', en: 'Male' }, female: { vi: 'Nữ', en: 'Female' } };

export const MEMBER_ORG_KINDS = ['trade_union', 'women', 'farmers', 'veterans', 'youth', 'elderly', 'red_cross', 'other'] as const;
export type MemberOrgKind = (typeof MEMBER_ORG_KINDS)[number];
export const MEMBER_ORG_KIND_LABELS: Record<MemberOrgKind, Label> = {
  trade_union: { vi: 'Công đoàn', en: 'Trade union' },
  women: { vi: 'Hội Liên hiệp Phụ nữ', en: "Women's Union" },
  farmers: { vi: 'Hội Nông dân', en: "Farmers' Association" },
  veterans: { vi: 'Hội Cựu chiến binh', en: "Veterans' Association" },
  youth: { vi: 'Đoàn TNCS Hồ Chí Minh', en: 'Ho Chi Minh Communist Youth Union' },
  elderly: { vi: 'Hội Người cao tuổi', en: 'Association of the Elderly' },
  red_cross: { vi: 'Hội Chữ thập đỏ', en: 'Red Cross' },
  other: { vi: 'Tổ chức khác', en: 'Other organisation' },
};

export const FRONT_PERSON_ROLES = ['reporter', 'propagandist'] as const;
export type FrontPersonRole = (typeof FRONT_PERSON_ROLES)[number];
export const FRONT_PERSON_ROLE_LABELS: Record<FrontPersonRole, Label> = {
  reporter: { vi: 'Báo cáo viên', en: 'Reporter' },
  propagandist: { vi: 'Tuyên truyền viên', en: 'Propagandist' },
};
