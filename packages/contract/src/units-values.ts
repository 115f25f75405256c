// Unit levels, datasets and their labels as plain data, with no zod, so the web app can import
// them without pulling the schema library into its bundle. units.ts builds its schemas from these.

export const UNIT_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS: Record<UnitLevel, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh/Thành phố', en: 'Province' },
  district: { vi: 'Quận/Huyện/Thành phố thuộc tỉnh', en: 'District/City' },
  commune: { vi: 'Xã/Phường/Thị trấn', en: 'Commune/Ward' },
  village: { vi: 'Thôn/Tổ dân phố', en: 'Village/Residential group' },
};

export const UNIT_DATASETS = ['bac-giang-2020-2025', 'reform-2025-07-01'] as const;
export type UnitDataset = (typeof UNIT_DATASETS)[number];
