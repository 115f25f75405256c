// Error codes of the reports module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const REPORTS_ERRORS = {
  REPORT_PERIOD_INVALID: {
    status: 400,
    vi: 'Kỳ báo cáo không hợp lệ (ngày bắt đầu sau ngày kết thúc, dài quá 10 năm, hoặc ngoài thời gian tồn tại của đơn vị)',
    en: "Invalid report period (start after end, longer than 10 years, or outside the unit's life)",
  },
  REPORT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy báo cáo', en: 'Report not found' },
  REPORT_NOT_DRAFT: { status: 409, vi: 'Chỉ trình duyệt được bản dự thảo đã lập xong', en: 'Only a finished draft can be submitted for review' },
  REPORT_HAS_FINDINGS: { status: 409, vi: 'Dự thảo có số liệu mâu thuẫn: cần nêu lý do để vẫn trình duyệt', en: 'The draft has contradictions: give a reason to submit it anyway' },
  REPORT_NOT_SUBMITTED: { status: 409, vi: 'Báo cáo chưa được trình duyệt nên chưa thể ban hành', en: 'The report has not been submitted for review, so it cannot be issued' },
  REPORT_LETTERHEAD: {
    status: 403,
    vi: 'Chỉ đơn vị đứng tên văn bản (hoặc đơn vị kế thừa của đơn vị đã kết thúc) mới được ban hành báo cáo này; cấp trên chỉ được lập dự thảo và góp ý',
    en: 'Only the unit named on the letterhead (or the successor of an ended unit) may issue this report; a higher level may only draft and comment',
  },
  REPORT_NUMBER_CHANGED: {
    status: 409,
    vi: 'Số văn bản đã thay đổi do có văn bản khác vừa được ban hành; vui lòng xác nhận lại số mới',
    en: 'The document number changed because another document was just issued; confirm the new number',
  },
  REPORT_PERIOD_ISSUED: { status: 409, vi: 'Kỳ báo cáo này đã có một phiên bản được ban hành', en: 'A version of this report period has already been issued' },
  REPORT_NOT_PUBLISHED: { status: 409, vi: 'Báo cáo đang không được công khai', en: 'The report is not published' },
  REPORT_NOT_ISSUED: { status: 409, vi: 'Báo cáo chưa được ban hành', en: 'The report has not been issued' },
  REPORT_ALREADY_PUBLISHED: { status: 409, vi: 'Báo cáo đã được công khai', en: 'The report is already published' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
