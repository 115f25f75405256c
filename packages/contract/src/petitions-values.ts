// Petitions: kinds, channels, fields, states and their labels as plain data (no zod) for the web bundle.

export const PETITION_KINDS = ['khieu_nai', 'to_cao', 'kien_nghi', 'phan_anh'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];
export const PETITION_KIND_LABELS: Record<PetitionKind, { vi: string; en: string }> = {
  khieu_nai: { vi: 'Khiếu nại', en: 'Complaint' },
  to_cao: { vi: 'Tố cáo', en: 'Denunciation' },
  kien_nghi: { vi: 'Kiến nghị', en: 'Recommendation' },
  phan_anh: { vi: 'Phản ánh', en: 'Reflection' },
};

export const PETITION_CHANNELS = ['reception', 'written', 'web', 'voter_meeting', 'dialogue', 'situation_report'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const PETITION_CHANNEL_LABELS: Record<PetitionChannel, { vi: string; en: string }> = {
  reception: { vi: 'Tiếp công dân', en: 'Citizen reception' },
  written: { vi: 'Đơn thư (trực tiếp, bưu điện)', en: 'Written petition (by hand or post)' },
  web: { vi: 'Cổng thông tin (trực tuyến)', en: 'Public web form' },
  voter_meeting: { vi: 'Tiếp xúc cử tri', en: 'Voter meeting' },
  dialogue: { vi: 'Đối thoại', en: 'Dialogue' },
  situation_report: { vi: 'Báo cáo tình hình Nhân dân', en: "People's situation report" },
};

export const PETITION_FIELDS = ['dat_dai', 'gpmb', 'moi_truong', 'chinh_sach_xa_hoi', 'xay_dung', 'an_ninh_trat_tu', 'can_bo', 'khac'] as const;
export type PetitionField = (typeof PETITION_FIELDS)[number];
export const PETITION_FIELD_LABELS: Record<PetitionField, { vi: string; en: string }> = {
  dat_dai: { vi: 'Đất đai', en: 'Land' },
  gpmb: { vi: 'Bồi thường, giải phóng mặt bằng', en: 'Compensation and site clearance' },
  moi_truong: { vi: 'Môi trường', en: 'Environment' },
  chinh_sach_xa_hoi: { vi: 'Chính sách xã hội', en: 'Social policy' },
  xay_dung: { vi: 'Trật tự xây dựng, hạ tầng', en: 'Construction and infrastructure' },
  an_ninh_trat_tu: { vi: 'An ninh, trật tự', en: 'Security and order' },
  can_bo: { vi: 'Cán bộ, công chức', en: 'Officials and civil servants' },
  khac: { vi: 'Lĩnh vực khác', en: 'Other' },
};

export const PETITION_STATES = ['received', 'accepted', 'declined', 'forwarded', 'answered', 'informed', 'closed'] as const;
export type PetitionState = (typeof PETITION_STATES)[number];
export const PETITION_STATE_LABELS: Record<PetitionState, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã thụ lý', en: 'Accepted' },
  declined: { vi: 'Không thụ lý', en: 'Declined' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Forwarded to the competent agency' },
  answered: { vi: 'Đã có trả lời', en: 'Answered' },
  informed: { vi: 'Đã thông báo cho công dân', en: 'Citizen informed' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

/** Actions on a petition and the states each may start from. */
export const PETITION_ACTIONS = ['accept', 'decline', 'forward', 'extend', 'answer', 'inform', 'close', 'reopen'] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];
export const PETITION_ACTION_FROM: Record<PetitionAction, readonly PetitionState[]> = {
  accept: ['received'],
  decline: ['received'],
  forward: ['accepted'],
  extend: ['forwarded'],
  answer: ['forwarded'],
  inform: ['answered'],
  close: ['informed'],
  reopen: ['declined', 'informed', 'closed'],
};
export const PETITION_ACTION_LABELS: Record<PetitionAction, { vi: string; en: string }> = {
  accept: { vi: 'Thụ lý', en: 'Accept' },
  decline: { vi: 'Không thụ lý', en: 'Decline' },
  forward: { vi: 'Chuyển cơ quan có thẩm quyền', en: 'Forward' },
  extend: { vi: 'Gia hạn giải quyết', en: 'Extend' },
  answer: { vi: 'Ghi nhận trả lời', en: 'Record the answer' },
  inform: { vi: 'Thông báo cho công dân', en: 'Inform the citizen' },
  close: { vi: 'Kết thúc', en: 'Close' },
  reopen: { vi: 'Mở lại (công dân chưa đồng ý)', en: 'Reopen (citizen not satisfied)' },
};

export const MEETING_KINDS = ['voter_meeting', 'dialogue'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const SITUATION_PERIOD_KINDS = ['half_month', 'month', 'quarter'] as const;
export type SituationPeriodKind = (typeof SITUATION_PERIOD_KINDS)[number];
export const SITUATION_PERIOD_KIND_LABELS: Record<SituationPeriodKind, { vi: string; en: string }> = {
  half_month: { vi: 'Nửa tháng', en: 'Half month' },
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
};
export const SITUATION_STATUSES = ['on_time', 'late', 'not_filed', 'pending'] as const;
export type SituationStatus = (typeof SITUATION_STATUSES)[number];

/** Tracking codes: 4-4-2 letters and digits without look-alikes (0/O, 1/I/L). */
export const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_RE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{2}$/;

/** Attachments of the public form: at most this many files of this size, of these kinds. */
export const ATTACHMENT_MAX_FILES = 3;
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
