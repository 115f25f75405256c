// Error codes of sign-in, passwords, input hygiene and public limits (issue 16).
export const SECURITY_ERRORS = {
  TEXT_INVALID_CHARACTERS: {
    status: 400,
    vi: 'Văn bản chứa ký tự không hợp lệ (ký tự rỗng hoặc mã hoá lỗi)',
    en: 'The text contains invalid characters (NUL or a broken encoding)',
  },
  PASSWORD_TOO_SHORT: { status: 400, vi: 'Mật khẩu phải có ít nhất 12 ký tự', en: 'The password must have at least 12 characters' },
  PASSWORD_TOO_COMMON: { status: 400, vi: 'Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác', en: 'This password is too common and easy to guess; choose another' },
  PASSWORD_CURRENT_WRONG: { status: 403, vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', en: 'Too many requests; try again in a few minutes' },
  SERVER_BUSY: { status: 429, vi: 'Hệ thống đang có quá nhiều người truy cập, vui lòng thử lại sau ít giây', en: 'Too many visitors right now; try again in a few seconds' },
  KEY_MISSING: {
    status: 500,
    vi: 'Không giải mã được dữ liệu: khoá đã mã hoá nó không còn trong cấu hình (hãy thêm lại khoá cũ)',
    en: 'Cannot decrypt: the key that sealed this value is no longer configured (add the old key back)',
  },
} as const;
