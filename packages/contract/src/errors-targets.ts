// Error codes of the targets module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const TARGETS_ERRORS = {
  TARGET_CONGRESS_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhiệm kỳ đại hội', en: 'Congress term not found' },
  TARGET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chỉ tiêu', en: 'Target not found' },
  TARGET_NUMBER_TAKEN: { status: 409, vi: 'Số thứ tự chỉ tiêu đã có trong nhiệm kỳ này', en: 'This target number already exists in the term' },
  TARGET_CONGRESS_OVERLAP: { status: 409, vi: 'Đơn vị đã có nhiệm kỳ đại hội trùng thời gian', en: 'The unit already has a congress term overlapping this period' },
  TARGET_PERIOD_INVALID: {
    status: 400,
    vi: 'Thời gian nhiệm kỳ không hợp lệ hoặc nằm ngoài thời gian tồn tại của đơn vị',
    en: 'The term period is invalid or outside the life of the unit',
  },
  TARGET_RULE_INVALID: { status: 400, vi: 'Cách đánh giá chỉ tiêu không hợp lệ (khoảng giá trị hoặc cấp áp dụng)', en: 'Invalid judging rule (range or levels)' },
  TARGET_YEAR_INVALID: { status: 400, vi: 'Năm không hợp lệ', en: 'Invalid year' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
