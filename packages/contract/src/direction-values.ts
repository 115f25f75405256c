// Organisation and direction: kinds, statuses, grades and their labels as plain data (no zod) for the
// web bundle. direction.ts builds its schemas from these.

type Label = { vi: string; en: string };

export const DIRECTIVE_KINDS = ['directive', 'guidance', 'plan', 'request'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];
export const DIRECTIVE_KIND_LABELS: Record<DirectiveKind, Label> = {
  directive: { vi: 'Chỉ đạo', en: 'Directive' },
  guidance: { vi: 'Hướng dẫn', en: 'Guidance' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  request: { vi: 'Công văn đề nghị', en: 'Request' },
};

export const OBLIGATION_KINDS = ['report', 'figure', 'action'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export const OBLIGATION_KIND_LABELS: Record<ObligationKind, Label> = {
  report: { vi: 'Báo cáo', en: 'Report' },
  figure: { vi: 'Số liệu', en: 'Figures' },
  action: { vi: 'Triển khai thực hiện', en: 'Action' },
};

/** The situation reports' on-time vocabulary: answered by the due date, after it, not at all, not yet due. */
export const ANSWER_STATUSES = ['on_time', 'late', 'not_answered', 'pending'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
export const ANSWER_STATUS_LABELS: Record<AnswerStatus, Label> = {
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trả lời muộn', en: 'Late' },
  not_answered: { vi: 'Quá hạn, chưa trả lời', en: 'Overdue, not answered' },
  pending: { vi: 'Chưa đến hạn', en: 'Not yet due' },
};

export const GRADES = ['excellent', 'good', 'complete', 'weak'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, Label> = {
  excellent: { vi: 'Vững mạnh xuất sắc', en: 'Strong, excellent' },
  good: { vi: 'Vững mạnh (tốt)', en: 'Strong (good)' },
  complete: { vi: 'Hoàn thành nhiệm vụ', en: 'Tasks completed' },
  weak: { vi: 'Yếu', en: 'Weak' },
};

export const ELECTION_CAMPAIGNS = ['elections_2021', 'elections_2026', 'party_congress_2025', 'village_heads', 'inspection_boards'] as const;
export type ElectionCampaign = (typeof ELECTION_CAMPAIGNS)[number];
export const ELECTION_CAMPAIGN_LABELS: Record<ElectionCampaign, Label> = {
  elections_2021: { vi: 'Bầu cử ĐBQH khóa XV và HĐND các cấp 2021–2026', en: "National Assembly and People's Council elections 2021–2026" },
  elections_2026: { vi: 'Bầu cử ĐBQH khóa XVI và HĐND các cấp 2026–2031', en: "National Assembly and People's Council elections 2026–2031" },
  party_congress_2025: { vi: 'Đại hội Đảng bộ các cấp nhiệm kỳ 2025–2030', en: 'Party congresses 2025–2030' },
  village_heads: { vi: 'Bầu Trưởng thôn, Tổ trưởng tổ dân phố', en: 'Village head elections' },
  inspection_boards: { vi: 'Bầu Ban Thanh tra nhân dân', en: "People's Inspection Board elections" },
};

export const ELECTION_TASK_KINDS = ['conference', 'consultation', 'candidate_list', 'voter_list', 'supervision', 'opinion_round', 'other'] as const;
export type ElectionTaskKind = (typeof ELECTION_TASK_KINDS)[number];
export const ELECTION_TASK_KIND_LABELS: Record<ElectionTaskKind, Label> = {
  conference: { vi: 'Hội nghị', en: 'Conference' },
  consultation: { vi: 'Hiệp thương', en: 'Consultation' },
  candidate_list: { vi: 'Danh sách người ứng cử', en: 'Candidate list' },
  voter_list: { vi: 'Danh sách cử tri', en: 'Voter list' },
  supervision: { vi: 'Giám sát bầu cử', en: 'Supervision of the election' },
  opinion_round: { vi: 'Lấy ý kiến góp ý văn kiện', en: 'Opinion round on documents' },
  other: { vi: 'Việc khác', en: 'Other' },
};

export const ELECTION_KINDS = ['national_assembly', 'province_council', 'district_council', 'commune_council', 'jurors', 'village_head', 'inspection_board'] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];
export const ELECTION_KIND_LABELS: Record<ElectionKind, Label> = {
  national_assembly: { vi: 'Đại biểu Quốc hội', en: 'National Assembly deputies' },
  province_council: { vi: 'Đại biểu HĐND tỉnh', en: "Provincial People's Council deputies" },
  district_council: { vi: 'Đại biểu HĐND thành phố, huyện', en: "District People's Council deputies" },
  commune_council: { vi: 'Đại biểu HĐND xã, phường', en: "Commune People's Council deputies" },
  jurors: { vi: 'Hội thẩm nhân dân', en: "People's jurors" },
  village_head: { vi: 'Trưởng thôn, Tổ trưởng tổ dân phố', en: 'Village heads' },
  inspection_board: { vi: 'Thành viên Ban Thanh tra nhân dân', en: "People's Inspection Board members" },
};

export const RECIPIENT_KINDS = ['collective', 'person'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, Label> = {
  collective: { vi: 'Tập thể', en: 'Collective' },
  person: { vi: 'Cá nhân', en: 'Individual' },
};

export const AWARD_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export const AWARD_LEVEL_LABELS: Record<AwardLevel, Label> = {
  central: { vi: 'Trung ương', en: 'Central' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện, thành phố', en: 'District or city' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
};

export const PARTNER_KINDS = ['member_org', 'agency', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Record<PartnerKind, Label> = {
  member_org: { vi: 'Tổ chức thành viên', en: 'Member organisation' },
  agency: { vi: 'Cơ quan, ban, ngành', en: 'Government agency' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Unit levels as metric dims (the level of the unit that did it, or was graded). */
export const LEVEL_DIMS: Record<'province' | 'district' | 'commune' | 'village', Label> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện, thành phố', en: 'District or city' },
  commune: { vi: 'Cấp xã, phường', en: 'Commune or ward' },
  village: { vi: 'Thôn, tổ dân phố', en: 'Village' },
};
