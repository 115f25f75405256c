// Oversight: kinds, forms, statuses and their labels as plain data (no zod) for the web bundle.
type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const ACTIVITY_KINDS = ['supervision', 'criticism'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Labels<ActivityKind> = {
  supervision: { vi: 'Giám sát', en: 'Supervision' },
  criticism: { vi: 'Phản biện xã hội', en: 'Social criticism' },
};

export const ACTIVITY_FORMS = ['direct', 'coordinated'] as const;
export type ActivityForm = (typeof ACTIVITY_FORMS)[number];
export const ACTIVITY_FORM_LABELS: Labels<ActivityForm> = {
  direct: { vi: 'Mặt trận chủ trì', en: 'Led by the Front' },
  coordinated: { vi: 'Phối hợp với tổ chức thành viên', en: 'With member organisations' },
};

export const SUBJECT_KINDS = ['agency', 'official', 'policy', 'project'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_LABELS: Labels<SubjectKind> = {
  agency: { vi: 'Cơ quan, tổ chức', en: 'Agency' },
  official: { vi: 'Cán bộ, đảng viên', en: 'Official' },
  policy: { vi: 'Chủ trương, chính sách', en: 'Policy' },
  project: { vi: 'Chương trình, dự án', en: 'Project' },
};

export const ACTIVITY_STATUSES = ['ongoing', 'completed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Labels<ActivityStatus> = {
  ongoing: { vi: 'Đang thực hiện', en: 'Ongoing' },
  completed: { vi: 'Đã kết thúc', en: 'Completed' },
};

/** A recommendation's stored statuses; "overdue" is derived (open and past its due date). */
export const RECOMMENDATION_STATUSES = ['pending', 'accepted', 'done', 'partly', 'refused'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Labels<RecommendationStatus | 'overdue'> = {
  pending: { vi: 'Chờ trả lời', en: 'Awaiting answer' },
  accepted: { vi: 'Đã tiếp thu', en: 'Accepted' },
  done: { vi: 'Đã khắc phục', en: 'Done' },
  partly: { vi: 'Khắc phục một phần', en: 'Partly done' },
  refused: { vi: 'Không tiếp thu', en: 'Refused' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};
/** Open statuses keep their due date (and can become overdue). */
export const OPEN_RECOMMENDATION: readonly RecommendationStatus[] = ['pending', 'accepted', 'partly'];
/** Which status may follow which: the agency answers (accepts or refuses), then remedies in part or in full. */
export const RECOMMENDATION_NEXT: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  pending: ['accepted', 'refused', 'partly', 'done'],
  accepted: ['partly', 'done', 'refused'],
  partly: ['done', 'refused'],
  done: [],
  refused: [],
};

export const OPINION_TOPICS = ['drafts', 'officials'] as const;
export type OpinionTopic = (typeof OPINION_TOPICS)[number];
export const OPINION_TOPIC_LABELS: Labels<OpinionTopic> = {
  drafts: { vi: 'Góp ý dự thảo văn bản', en: 'Draft documents' },
  officials: { vi: 'Góp ý cán bộ, đảng viên (QĐ 124)', en: 'Officials and Party members (QĐ 124)' },
};
export const OPINION_FORMS = ['conference', 'written'] as const;
export type OpinionForm = (typeof OPINION_FORMS)[number];
export const OPINION_FORM_LABELS: Labels<OpinionForm> = {
  conference: { vi: 'Hội nghị góp ý', en: 'Conference' },
  written: { vi: 'Góp ý bằng văn bản', en: 'In writing' },
};
export const DOC_KINDS = ['law', 'central', 'province', 'city', 'commune', 'party'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_KIND_LABELS: Labels<DocKind> = {
  law: { vi: 'Dự thảo luật, pháp lệnh', en: 'Draft law' },
  central: { vi: 'Văn bản của Trung ương', en: 'Central document' },
  province: { vi: 'Nghị quyết, đề án của tỉnh', en: 'Provincial document' },
  city: { vi: 'Văn bản cấp huyện, thành phố', en: 'City document' },
  commune: { vi: 'Văn bản cấp xã, phường', en: 'Ward document' },
  party: { vi: 'Văn kiện Đại hội Đảng', en: 'Party congress document' },
};

export const BOARD_KINDS = ['ttnd', 'gsdtccd'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];
export const BOARD_KIND_LABELS: Labels<BoardKind> = {
  ttnd: { vi: 'Ban Thanh tra nhân dân', en: "People's inspection board" },
  gsdtccd: { vi: 'Ban Giám sát đầu tư của cộng đồng', en: 'Community investment supervision board' },
};
export const BOARD_RATINGS = ['excellent', 'good', 'fair', 'weak'] as const;
export type BoardRating = (typeof BOARD_RATINGS)[number];
export const BOARD_RATING_LABELS: Labels<BoardRating> = {
  excellent: { vi: 'Hoạt động xuất sắc', en: 'Excellent' },
  good: { vi: 'Hoạt động tốt', en: 'Good' },
  fair: { vi: 'Hoạt động khá', en: 'Fair' },
  weak: { vi: 'Hoạt động yếu', en: 'Weak' },
};
export const BOARD_MIN_MEMBERS = 5;
export const BOARD_MEMBER_ROLES = ['head', 'deputy', 'member'] as const;
export type BoardMemberRole = (typeof BOARD_MEMBER_ROLES)[number];
export const BOARD_MEMBER_ROLE_LABELS: Labels<BoardMemberRole> = {
  head: { vi: 'Trưởng ban', en: 'Head' },
  deputy: { vi: 'Phó trưởng ban', en: 'Deputy head' },
  member: { vi: 'Thành viên', en: 'Member' },
};

export const MEDIATION_KINDS = ['land', 'family', 'neighbour', 'debt', 'environment', 'other'] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];
export const MEDIATION_KIND_LABELS: Labels<MediationKind> = {
  land: { vi: 'Đất đai, ranh giới', en: 'Land and boundaries' },
  family: { vi: 'Hôn nhân, gia đình', en: 'Marriage and family' },
  neighbour: { vi: 'Mâu thuẫn hàng xóm', en: 'Neighbours' },
  debt: { vi: 'Vay mượn, dân sự', en: 'Debts and civil matters' },
  environment: { vi: 'Vệ sinh, môi trường', en: 'Sanitation and environment' },
  other: { vi: 'Khác', en: 'Other' },
};
export const MEDIATION_OUTCOMES = ['pending', 'success', 'failure', 'referred'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
export const MEDIATION_OUTCOME_LABELS: Labels<MediationOutcome> = {
  pending: { vi: 'Đang hòa giải', en: 'In progress' },
  success: { vi: 'Hòa giải thành', en: 'Settled' },
  failure: { vi: 'Hòa giải không thành', en: 'Not settled' },
  referred: { vi: 'Chuyển cơ quan có thẩm quyền', en: 'Referred' },
};
