// Error codes of the petitions module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const PETITIONS_ERRORS = {
  PETITION_UNIT_UNKNOWN: { status: 404, vi: 'Không tìm thấy phường, xã với mã này', en: 'No ward or commune has this code' },
  PETITION_UNIT_ENDED: {
    status: 409,
    vi: '{unitName} đã kết thúc hoạt động; vui lòng gửi kiến nghị đến {successorName}',
    en: '{unitName} has ended; please send your petition to {successorName}',
  },
  PETITION_UNIT_LEVEL: { status: 400, vi: 'Kiến nghị gửi qua cổng thông tin phải gửi đến một phường, xã', en: 'A web petition must be addressed to a ward or commune' },
  PETITION_RATE_LIMITED: {
    status: 429,
    vi: 'Bạn đã gửi quá nhiều kiến nghị trong thời gian ngắn; vui lòng thử lại sau',
    en: 'Too many submissions from this address; please try again later',
  },
  PETITION_DUPLICATE: {
    status: 409,
    vi: 'Kiến nghị này đã được gửi trước đó; vui lòng dùng mã theo dõi đã nhận',
    en: 'This petition was already submitted; use the tracking code you received',
  },
  PETITION_TRACKING_INVALID: { status: 400, vi: 'Mã theo dõi không đúng định dạng (ví dụ: ABCD-EFGH-JK)', en: 'The tracking code is malformed (e.g. ABCD-EFGH-JK)' },
  PETITION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kiến nghị với mã theo dõi này', en: 'No petition has this tracking code' },
  PETITION_ATTACHMENT_TYPE: { status: 415, vi: 'Tệp đính kèm chỉ được là PDF, JPEG hoặc PNG', en: 'Attachments must be PDF, JPEG or PNG' },
  PETITION_ATTACHMENT_SIZE: { status: 413, vi: 'Tệp đính kèm quá lớn (tối đa 2 MB mỗi tệp, 3 tệp)', en: 'Attachment too large (at most 2 MB each, 3 files)' },
  PETITION_BAD_STATE: { status: 409, vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của kiến nghị', en: "This action is not allowed in the petition's current state" },
  PETITION_EXTENSION_LIMIT: {
    status: 409,
    vi: 'Không thể gia hạn thêm (đã hết số lần gia hạn theo quy định hoặc loại đơn không được gia hạn)',
    en: 'No further extension is allowed for this petition',
  },
  PETITION_DATE_INVALID: { status: 400, vi: 'Ngày không hợp lệ (trước ngày tiếp nhận hoặc sau hôm nay)', en: 'Invalid date (before receipt or in the future)' },
  PETITION_AGENCY_INVALID: { status: 400, vi: 'Cơ quan có thẩm quyền không thuộc danh mục của đơn vị này', en: "The agency is not in this unit's directory" },
  PETITION_EMPTY_TEXT: { status: 400, vi: 'Tiêu đề và nội dung không được để trống', en: 'Title and content must not be empty' },
  SITUATION_REPORT_EXISTS: { status: 409, vi: 'Đơn vị đã nộp báo cáo cho kỳ này', en: 'This unit already filed a report for this period' },
  SITUATION_REPORT_NOT_REQUIRED: { status: 409, vi: 'Đơn vị này không thuộc diện báo cáo của kỳ này', en: 'This unit does not report in this period' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
