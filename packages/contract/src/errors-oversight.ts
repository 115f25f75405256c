// Error codes of the oversight module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const OVERSIGHT_ERRORS = {
  OVERSIGHT_DATE_INVALID: {
    status: 400,
    vi: 'Ngày không hợp lệ (trước ngày bắt đầu, sau hôm nay hoặc ngoài thời gian tồn tại của đơn vị)',
    en: 'Invalid date (before the start, after today or outside the life of the unit)',
  },
  OVERSIGHT_EMPTY_TEXT: { status: 400, vi: 'Nội dung không được để trống', en: 'The text must not be empty' },
  OVERSIGHT_PLAN_EXISTS: { status: 409, vi: 'Đơn vị đã có kế hoạch giám sát, phản biện của năm này', en: 'The unit already has a supervision and criticism plan for this year' },
  OVERSIGHT_PLAN_APPROVED: { status: 409, vi: 'Kế hoạch đã được phê duyệt, không thể sửa', en: 'The plan is approved and can no longer be changed' },
  OVERSIGHT_PLAN_EMPTY: { status: 400, vi: 'Kế hoạch chưa có nội dung giám sát, phản biện nào', en: 'The plan has no supervision or criticism topic' },
  OVERSIGHT_TOPIC_INVALID: { status: 400, vi: 'Nội dung kế hoạch không thuộc kế hoạch của đơn vị này', en: "The plan topic does not belong to this unit's plan" },
  OVERSIGHT_COMPLETED: { status: 409, vi: 'Cuộc giám sát, phản biện đã kết thúc', en: 'The supervision or criticism is already completed' },
  OVERSIGHT_CONCLUSION_REQUIRED: { status: 400, vi: 'Cần ghi kết luận trước khi kết thúc', en: 'A conclusion is required before completing' },
  OVERSIGHT_CRITICISM_FIELDS: {
    status: 400,
    vi: 'Hội nghị phản biện cần ghi dự thảo, số người dự và số ý kiến (số ý kiến được tiếp thu không vượt quá số ý kiến)',
    en: 'A criticism conference needs the draft, the participants and the opinions (accepted ≤ given)',
  },
  RECOMMENDATION_DUE_INVALID: { status: 400, vi: 'Hạn trả lời kiến nghị phải sau ngày kiến nghị', en: 'The due date must be on or after the day of the recommendation' },
  RECOMMENDATION_TRANSITION: { status: 409, vi: 'Không thể chuyển kiến nghị sang trạng thái này', en: 'The recommendation cannot move to this status' },
  BOARD_INVALID: {
    status: 400,
    vi: 'Thông tin Ban không hợp lệ (Ban TTND chỉ ở cấp xã, phường; Ban GSĐTCCĐ cần tên dự án)',
    en: "Invalid board (a people's inspection board sits at a ward or commune; an investment board needs its project)",
  },
  BOARD_MEMBERS_TOO_FEW: { status: 400, vi: 'Ban phải có ít nhất 5 thành viên', en: 'A board needs at least 5 members' },
  BOARD_VILLAGE_INVALID: { status: 400, vi: 'Thôn, tổ dân phố của thành viên không thuộc đơn vị của Ban', en: "A member's village is not in the board's unit" },
  BOARD_EXISTS: { status: 409, vi: 'Phường, xã đã có Ban Thanh tra nhân dân trong nhiệm kỳ này', en: "The ward already has a people's inspection board for this term" },
  BOARD_ENDED: { status: 409, vi: 'Ban đã hết nhiệm kỳ vào ngày này', en: "The board's term had ended on that date" },
  MEDIATION_TEAM_INVALID: { status: 400, vi: 'Tổ hòa giải phải thuộc một thôn, tổ dân phố', en: 'A mediation team belongs to a village or residential group' },
  MEDIATION_PARTIES_REQUIRED: { status: 400, vi: 'Cần ghi ít nhất hai bên trong vụ việc', en: 'A case needs at least two parties' },
  MEDIATION_CASE_CLOSED: { status: 409, vi: 'Vụ việc đã kết thúc', en: 'The case is already closed' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
