import { FUND_ERRORS } from './errors-fund';
import { PETITIONS_ERRORS } from './errors-petitions';
import { HOUSEHOLDS_ERRORS } from './errors-households';
import { TARGETS_ERRORS } from './errors-targets';
import { REPORTS_ERRORS } from './errors-reports';
import { SECURITY_ERRORS } from './errors-security';
import { NOTIFY_ERRORS } from './errors-notify';
import { OVERSIGHT_ERRORS } from './errors-oversight';
import { DIRECTION_ERRORS } from './errors-direction';
import { MOVEMENTS_ERRORS } from './errors-movements';

/** Stable error codes with their Vietnamese and English messages. Codes never change once released. */
export const ERRORS = {
  VALIDATION: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA: { status: 415, vi: 'Định dạng nội dung không được hỗ trợ', en: 'Unsupported content type' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có đường dẫn này', en: 'No such route' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong user name or password' },
  LOGIN_RATE_LIMITED: { status: 429, vi: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ít phút', en: 'Too many failed sign-ins; try again in a few minutes' },
  CSRF_INVALID: { status: 403, vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang', en: 'Invalid CSRF token; reload the page' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You do not have permission to do this' },
  OUT_OF_SCOPE: { status: 403, vi: 'Đơn vị này nằm ngoài phạm vi của bạn', en: 'This unit is outside your scope' },
  UNIT_ENDED: {
    status: 403,
    vi: 'Đơn vị của bạn đã kết thúc hoạt động; không thể ghi nhận sau ngày kết thúc',
    en: 'Your unit has ended; nothing can be recorded after its end date',
  },
  UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  UNIT_CODE_DUPLICATE: { status: 409, vi: 'Mã đơn vị đã tồn tại trong cùng thời gian hiệu lực', en: 'A unit with this code is already valid during this period' },
  UNIT_CYCLE: { status: 409, vi: 'Thay đổi này tạo vòng lặp trong cây đơn vị', en: 'This change would make a cycle in the unit tree' },
  UNIT_VALIDITY_OVERLAP: { status: 409, vi: 'Thời gian hiệu lực bị chồng lấn hoặc không hợp lệ', en: 'Validity periods overlap or are invalid' },
  UNIT_LEVEL_MISMATCH: { status: 409, vi: 'Cấp đơn vị không phù hợp với đơn vị cấp trên', en: 'The unit level does not fit under this parent' },
  UNIT_NOT_VALID_AT_DATE: { status: 409, vi: 'Đơn vị không còn hiệu lực vào ngày này', en: 'The unit is not valid on this date' },
  UNIT_HAS_CHILDREN: {
    status: 409,
    vi: 'Đơn vị còn đơn vị trực thuộc vào ngày này; hãy chuyển các đơn vị đó trước',
    en: 'The unit still has subordinate units on this date; move them first',
  },
  UNIT_LATER_CHANGE_EXISTS: {
    status: 409,
    vi: 'Đơn vị đã có thay đổi sau ngày này; hãy ghi nhận các thay đổi theo thứ tự thời gian',
    en: 'The unit already has a later change; record changes in date order',
  },
  IMPORT_CONFLICT: {
    status: 409,
    vi: 'Dữ liệu nhập trùng một phần với dữ liệu đã có; không có dữ liệu nào được ghi',
    en: 'The import partly overlaps existing data; nothing was written',
  },
  IMPORT_INVALID: { status: 400, vi: 'Tệp nhập không hợp lệ; không có dữ liệu nào được ghi', en: 'The import file is invalid; nothing was written' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã được sử dụng', en: 'This user name is taken' },
  METRIC_NOT_FOUND: { status: 404, vi: 'Không có chỉ số này', en: 'No such metric' },
  ORG_KIND_LEVEL_MISMATCH: {
    status: 409,
    vi: 'Loại tổ chức không phù hợp với cấp đơn vị (Ban công tác Mặt trận chỉ lập ở thôn, tổ dân phố)',
    en: 'This kind of committee does not fit the unit level (a work board only at a village)',
  },
  ORG_TERM_OVERLAP: { status: 409, vi: 'Đơn vị đã có tổ chức cùng loại trong thời gian này', en: 'The unit already has a committee of this kind during this period' },
  ORG_DATE_OUTSIDE_TERM: { status: 409, vi: 'Ngày không nằm trong nhiệm kỳ của tổ chức', en: "The date is outside the committee's term" },
  ORG_INVALID_PERIOD: { status: 400, vi: 'Ngày kết thúc phải sau ngày bắt đầu', en: 'The end date must be after the start date' },
  ORG_POSITION_INVALID: {
    status: 409,
    vi: 'Chức danh không phù hợp với loại tổ chức hoặc với người được thay',
    en: 'The position does not fit this kind of committee or the member being replaced',
  },
  ORG_POSITION_TAKEN: { status: 409, vi: 'Chức danh này đã có người đảm nhiệm trong thời gian này', en: 'Someone already holds this position during this period' },
  ORG_MEMBER_NOT_ACTIVE: { status: 409, vi: 'Thành viên không còn giữ chức danh vào ngày này', en: 'The member does not hold the position on this date' },
  ORG_MEMBER_ORG_MISMATCH: { status: 409, vi: 'Tổ chức thành viên không thuộc đơn vị này', en: 'The member organisation does not belong to this unit' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã thay đổi hoặc trùng lặp', en: 'Conflicting or duplicate data' },
  ...FUND_ERRORS,
  ...PETITIONS_ERRORS,
  ...HOUSEHOLDS_ERRORS,
  ...TARGETS_ERRORS,
  ...REPORTS_ERRORS,
  ...SECURITY_ERRORS,
  ...NOTIFY_ERRORS,
  ...OVERSIGHT_ERRORS,
  ...DIRECTION_ERRORS,
  ...MOVEMENTS_ERRORS,
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống, vui lòng thử lại', en: 'Internal error; please try again' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** The body of every error response. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; messageEn: string; details?: unknown };
};
