// Error codes of the movements module, spread into ERRORS (errors.ts). Same shape: status, vi, en.
export const MOVEMENTS_ERRORS = {
  MOVEMENT_DATE_INVALID: {
    status: 400,
    vi: 'Ngày không hợp lệ (sau hôm nay hoặc ngoài thời gian tồn tại của đơn vị)',
    en: 'Invalid date (after today or outside the life of the unit)',
  },
  MOVEMENT_LEVEL_INVALID: { status: 400, vi: 'Nội dung này không ghi nhận ở cấp đơn vị đã chọn', en: 'This is not recorded at the level of the chosen unit' },
  MOVEMENT_FIGURES_INVALID: {
    status: 400,
    vi: 'Số liệu không hợp lệ (số hộ đăng ký, đạt danh hiệu không vượt quá số hộ)',
    en: 'Inconsistent figures (registered and recognised households cannot exceed the households)',
  },
  MOVEMENT_RECORD_INVALID: { status: 400, vi: 'Cơ sở, kênh hoặc ngày lễ không thuộc đơn vị này', en: 'The establishment, channel or holiday does not belong to this unit' },
  SOLIDARITY_EXISTS: { status: 409, vi: 'Thôn, tổ dân phố đã ghi nhận Ngày hội Đại đoàn kết của năm này', en: 'The village has already recorded its Solidarity Day for this year' },
  SURVEY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiếu khảo sát với mã này', en: 'No survey with this code' },
  SURVEY_CLOSED: { status: 409, vi: 'Cuộc khảo sát chưa mở hoặc đã kết thúc', en: 'The survey is not open' },
  SURVEY_HOUSEHOLD_CODE_INVALID: { status: 400, vi: 'Mã hộ gia đình không hợp lệ (4–20 chữ cái, chữ số)', en: 'Invalid household code (4–20 letters or digits)' },
  SURVEY_ALREADY_ANSWERED: {
    status: 409,
    vi: 'Hộ gia đình này đã trả lời cuộc khảo sát; mỗi hộ chỉ trả lời một lần',
    en: 'This household has already answered the survey; one answer per household',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
