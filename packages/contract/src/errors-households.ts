// Error codes of the households module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const HOUSEHOLDS_ERRORS = {
  HOUSEHOLD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hộ gia đình', en: 'Household not found' },
  HOUSEHOLD_UNIT_NOT_VILLAGE: { status: 409, vi: 'Hộ gia đình phải thuộc một thôn, tổ dân phố', en: 'A household belongs to a village or residential group' },
  HOUSEHOLD_DUPLICATE: {
    status: 409,
    vi: 'Có thể trùng với hộ hoặc lượt hỗ trợ đã có; hãy kiểm tra danh sách và xác nhận nếu vẫn lưu',
    en: 'Likely duplicates exist; check them and confirm to save anyway',
  },
  HOUSEHOLD_MEMBER_MISMATCH: { status: 409, vi: 'Thành viên không thuộc hộ gia đình này', en: 'The member does not belong to this household' },
  HOUSEHOLD_HOUSE_REQUIRED: {
    status: 400,
    vi: 'Hỗ trợ nhà Đại đoàn kết cần thông tin nhà (xây mới/sửa chữa, kinh phí)',
    en: 'A solidarity house needs its details (new or repair, cost)',
  },
  HOUSEHOLD_HOUSE_STATUS_ORDER: {
    status: 409,
    vi: 'Tiến độ nhà phải theo thứ tự: phê duyệt → đang xây dựng → bàn giao',
    en: 'House progress goes approved → under construction → handed over',
  },
  HOUSEHOLD_FUND_UNAVAILABLE: { status: 409, vi: 'Chưa thể chi từ quỹ cho lượt hỗ trợ này', en: 'This support cannot be paid from the fund' },
  HOUSEHOLD_IMPORT_INVALID: {
    status: 400,
    vi: 'Tệp danh sách hộ có dòng không hợp lệ; không có dữ liệu nào được ghi',
    en: 'The household file has invalid rows; nothing was written',
  },
  HOUSEHOLD_PHOTO_INVALID: { status: 400, vi: 'Ảnh không hợp lệ (chỉ nhận JPEG, PNG, WebP dưới 5 MB)', en: 'Invalid photo (JPEG, PNG or WebP under 5 MB)' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
