// Error codes of the direction module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const DIRECTION_ERRORS = {
  DIRECTIVE_NO_RECIPIENTS: { status: 400, vi: 'Văn bản chưa có đơn vị nhận (chọn cấp nhận hoặc danh sách đơn vị)', en: 'The directive has no recipients (choose levels or units)' },
  DIRECTIVE_RECIPIENT_NOT_BELOW: {
    status: 409,
    vi: 'Đơn vị nhận phải là đơn vị cấp dưới của đơn vị ban hành vào ngày ban hành',
    en: 'Every recipient must lie below the issuing unit on the date of issue',
  },
  DIRECTIVE_DUE_BEFORE_ISSUE: { status: 400, vi: 'Hạn thực hiện không được trước ngày ban hành', en: 'A due date cannot be before the date of issue' },
  DIRECTIVE_NUMBER_TAKEN: { status: 409, vi: 'Số, ký hiệu văn bản đã có trong ngày ban hành này', en: 'This document number already exists on that date' },
  DIRECTIVE_NOT_RECIPIENT: { status: 409, vi: 'Đơn vị này không phải đơn vị nhận văn bản', en: 'This unit is not a recipient of the directive' },
  DIRECTIVE_ALREADY_ANSWERED: { status: 409, vi: 'Đơn vị đã trả lời yêu cầu này', en: 'The unit has already answered this obligation' },
  DIRECTIVE_ANSWER_EMPTY: { status: 400, vi: 'Nội dung trả lời trống: cần văn bản, số liệu hoặc tệp đính kèm', en: 'The answer is empty: give text, figures or files' },
  DIRECTION_DATE_INVALID: { status: 400, vi: 'Ngày không hợp lệ (trước ngày ban hành hoặc sau hôm nay)', en: 'Invalid date (before the date of issue or after today)' },
  DIRECTION_NOT_BELOW: { status: 409, vi: 'Đơn vị được kiểm tra, xếp loại phải là đơn vị cấp dưới của bạn', en: 'The unit inspected or graded must lie below yours' },
  KEY_TASK_YEAR_MISMATCH: { status: 400, vi: 'Ngày đăng ký phải thuộc năm của nhiệm vụ trọng tâm', en: "The registration date must fall in the key task's year" },
  GRADING_REASON_REQUIRED: { status: 400, vi: 'Cần ghi lý do khi xếp loại khác với đề xuất', en: 'A reason is required when the grade differs from the proposal' },
  GRADING_ALREADY_DECIDED: { status: 409, vi: 'Đơn vị đã được xếp loại năm này', en: 'The unit has already been graded for this year' },
  TRAINING_STAFF_MISMATCH: { status: 409, vi: 'Cán bộ chuyên trách không thuộc đơn vị đã chọn', en: 'The staff member does not belong to the chosen unit' },
  DIRECTION_PERIOD_INVALID: { status: 400, vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi', en: 'The end date must not be before the start date' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
