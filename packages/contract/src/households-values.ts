// Household classes, support kinds, house statuses and their labels as plain data (no zod), so the
// web app can import them. households.ts builds its schemas from these.

type Label = { vi: string; en: string };

export const HOUSEHOLD_CLASSES = ['poor', 'near_poor', 'special_hardship', 'merit', 'lone_elderly', 'disability'] as const;
export type HouseholdClass = (typeof HOUSEHOLD_CLASSES)[number];
export const HOUSEHOLD_CLASS_LABELS: Record<HouseholdClass, Label> = {
  poor: { vi: 'Hộ nghèo', en: 'Poor' },
  near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor' },
  special_hardship: { vi: 'Hoàn cảnh đặc biệt khó khăn', en: 'Special hardship' },
  merit: { vi: 'Gia đình chính sách, người có công', en: 'Policy family / person with merit' },
  lone_elderly: { vi: 'Người cao tuổi cô đơn', en: 'Lone elderly' },
  disability: { vi: 'Người khuyết tật', en: 'Disability' },
};

export const HOUSING_CONDITIONS = ['solid', 'semi_solid', 'makeshift', 'damaged'] as const;
export type HousingCondition = (typeof HOUSING_CONDITIONS)[number];
export const HOUSING_CONDITION_LABELS: Record<HousingCondition, Label> = {
  solid: { vi: 'Nhà kiên cố', en: 'Solid' },
  semi_solid: { vi: 'Nhà bán kiên cố', en: 'Semi-solid' },
  makeshift: { vi: 'Nhà tạm', en: 'Makeshift' },
  damaged: { vi: 'Nhà dột nát, hư hỏng', en: 'Dilapidated' },
};

export const HOUSING_NEEDS = ['none', 'new', 'repair'] as const;
export type HousingNeed = (typeof HOUSING_NEEDS)[number];
export const HOUSING_NEED_LABELS: Record<HousingNeed, Label> = {
  none: { vi: 'Không có nhu cầu', en: 'No need' },
  new: { vi: 'Cần xây mới', en: 'Needs a new house' },
  repair: { vi: 'Cần sửa chữa', en: 'Needs repair' },
};

export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, Label> = {
  head: { vi: 'Chủ hộ', en: 'Head' },
  spouse: { vi: 'Vợ/chồng', en: 'Spouse' },
  child: { vi: 'Con', en: 'Child' },
  parent: { vi: 'Bố/mẹ', en: 'Parent' },
  grandchild: { vi: 'Cháu', en: 'Grandchild' },
  sibling: { vi: 'Anh/chị/em', en: 'Sibling' },
  other: { vi: 'Khác', en: 'Other' },
};

export const SUPPORT_KINDS = ['tet', 'regular', 'production', 'medical', 'schooling', 'loan', 'house'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Record<SupportKind, Label> = {
  tet: { vi: 'Quà Tết', en: 'Tết gift' },
  regular: { vi: 'Hỗ trợ thường xuyên', en: 'Regular support' },
  production: { vi: 'Hỗ trợ sản xuất', en: 'Production support' },
  medical: { vi: 'Hỗ trợ khám chữa bệnh', en: 'Medical support' },
  schooling: { vi: 'Hỗ trợ học tập', en: 'Schooling support' },
  loan: { vi: 'Vay vốn qua tổ tiết kiệm và vay vốn', en: 'Loan through a savings group' },
  house: { vi: 'Nhà Đại đoàn kết', en: 'Solidarity house' },
};

export const SUPPORT_FORMS = ['cash', 'goods', 'loan', 'in_kind'] as const;
export type SupportForm = (typeof SUPPORT_FORMS)[number];
export const SUPPORT_FORM_LABELS: Record<SupportForm, Label> = {
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  goods: { vi: 'Hiện vật', en: 'Goods' },
  loan: { vi: 'Cho vay', en: 'Loan' },
  in_kind: { vi: 'Ngày công, vật liệu', en: 'Labour or materials' },
};

export const HOUSE_BUILDS = ['new', 'repair'] as const;
export type HouseBuild = (typeof HOUSE_BUILDS)[number];
export const HOUSE_BUILD_LABELS: Record<HouseBuild, Label> = {
  new: { vi: 'Xây mới', en: 'New build' },
  repair: { vi: 'Sửa chữa', en: 'Repair' },
};

export const HOUSE_STATUSES = ['approved', 'under_construction', 'handed_over'] as const;
export type HouseStatus = (typeof HOUSE_STATUSES)[number];
export const HOUSE_STATUS_LABELS: Record<HouseStatus, Label> = {
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  under_construction: { vi: 'Đang xây dựng', en: 'Under construction' },
  handed_over: { vi: 'Đã bàn giao', en: 'Handed over' },
};

export const COVERAGE_KINDS = ['tet', 'hardship', 'house'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];
export const COVERAGE_KIND_LABELS: Record<CoverageKind, Label> = {
  tet: { vi: 'Hộ nghèo, cận nghèo chưa nhận quà Tết', en: 'Poor and near-poor households without a Tết gift' },
  hardship: { vi: 'Hộ khó khăn chưa được hỗ trợ trong quý', en: 'Hardship households without support this quarter' },
  house: { vi: 'Hộ cần nhà ở chưa được hỗ trợ', en: 'Households needing a house, not yet supported' },
};

/** Import columns, in the commune's usual order (header names are matched without diacritics). */
export const IMPORT_COLUMNS = ['STT', 'Họ tên chủ hộ', 'Năm sinh', 'Thôn', 'Phân loại', 'Địa chỉ', 'Nhà ở', 'Số CCCD'] as const;
