// Targets (chỉ tiêu) as plain data, with no zod, so the web app can import them without the schema
// library. targets.ts builds its schemas from these.
import type { UnitLevel } from './units-values';

export const TARGET_STATUSES = ['met', 'exceeded', 'not_met', 'not_measured', 'not_applicable'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const TARGET_STATUS_LABELS: Record<TargetStatus, { vi: string; en: string }> = {
  met: { vi: 'Đạt', en: 'Met' },
  exceeded: { vi: 'Vượt', en: 'Exceeded' },
  not_met: { vi: 'Chưa đạt', en: 'Not met' },
  not_measured: { vi: 'Chưa đo được', en: 'Not yet measured' },
  not_applicable: { vi: 'Không đặt chỉ tiêu', en: 'No target set' },
};

/** Why a measure has no verdict: its module is not built, it has no records, or no previous year. */
export const NOT_MEASURED_REASONS = ['metric_missing', 'no_data', 'no_baseline'] as const;
export type NotMeasuredReason = (typeof NOT_MEASURED_REASONS)[number];

export const NOT_MEASURED_REASON_LABELS: Record<NotMeasuredReason, { vi: string; en: string }> = {
  metric_missing: { vi: 'Chưa có phân hệ ghi nhận số liệu này', en: 'No module records this yet' },
  no_data: { vi: 'Chưa có số liệu trong năm', en: 'No records in the year' },
  no_baseline: { vi: 'Chưa có số liệu năm trước để so sánh', en: 'No previous year to compare with' },
};

/** How a measure is judged: ≥ v, > v, ≤ v, within [min, max], or not lower than the previous year. */
export const RULE_OPS = ['gte', 'gt', 'lte', 'range', 'no_decrease'] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export const TRENDS = ['up', 'down', 'same'] as const;
export type Trend = (typeof TRENDS)[number];

export const TARGET_LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune', 'village'];

export const LEVEL_SHORT_LABELS: Record<UnitLevel, { vi: string; en: string }> = {
  province: { vi: 'cấp tỉnh', en: 'province' },
  district: { vi: 'cấp thành phố/huyện', en: 'city/district' },
  commune: { vi: 'cấp xã, phường', en: 'ward/commune' },
  village: { vi: 'thôn, tổ dân phố', en: 'village' },
};

/** Ready-made target sets a new congress can start from (the seed's 16, for a city or for a ward). */
export const TARGET_TEMPLATES = ['standard_2024_city', 'standard_2024_ward'] as const;
export type TargetTemplate = (typeof TARGET_TEMPLATES)[number];

export const TARGET_TEMPLATE_LABELS: Record<TargetTemplate, { vi: string; en: string }> = {
  standard_2024_city: { vi: 'Mẫu 16 chỉ tiêu nhiệm kỳ 2024–2029 (cấp thành phố, huyện)', en: 'The 16 targets of 2024–2029 (city or district)' },
  standard_2024_ward: { vi: 'Mẫu 16 chỉ tiêu nhiệm kỳ 2024–2029 (cấp xã, phường)', en: 'The 16 targets of 2024–2029 (ward or commune)' },
};
