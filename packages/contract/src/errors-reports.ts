// Error codes of the reports module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const REPORTS_ERRORS = {
  REPORT_PERIOD_INVALID: { status: 400, vi: 'Kỳ báo cáo không hợp lệ (ngày bắt đầu sau ngày kết thúc, dài quá 10 năm, hoặc ngoài thời gian tồn tại của đơn vị)', en: 'Invalid report period (start after end, longer than 10 years, or outside the unit\'s life)' },
  REPORT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy báo cáo', en: 'Report not found' },
  REPORT_NOT_BLOCKED: { status: 409, vi: 'Báo cáo không ở trạng thái chờ xử lý mâu thuẫn số liệu', en: 'The report is not waiting on contradictions' },
  REPORT_NOT_ISSUED: { status: 409, vi: 'Báo cáo chưa được ban hành', en: 'The report has not been issued' },
  REPORT_ALREADY_PUBLISHED: { status: 409, vi: 'Báo cáo đã được công khai', en: 'The report is already published' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
