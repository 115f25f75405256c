// Error codes of notifications and "my petitions", spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const NOTIFY_ERRORS = {
  NOTIFY_CONTACT_INVALID: { status: 400, vi: 'Vui lòng nhập một địa chỉ thư điện tử hoặc số điện thoại hợp lệ', en: 'Enter a valid e-mail address or phone number' },
  NOTIFY_EMAIL_INVALID: {
    status: 400,
    vi: 'Vui lòng nhập một địa chỉ thư điện tử hợp lệ (nhắc hạn chỉ gửi qua thư điện tử)',
    en: 'Enter a valid e-mail address (reminders are sent by e-mail only)',
  },
  NOTIFY_CODE_INVALID: { status: 400, vi: 'Mã xác nhận không đúng hoặc đã hết hạn; vui lòng yêu cầu mã mới', en: 'The code is wrong or has expired; please ask for a new one' },
  NOTIFY_CODE_LIMIT: { status: 429, vi: 'Bạn đã yêu cầu quá nhiều mã xác nhận; vui lòng thử lại sau một giờ', en: 'Too many codes requested; please try again in an hour' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
