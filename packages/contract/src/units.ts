import { z } from 'zod';
import { Id, IsoDate } from './common';

export const UNIT_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export const UnitLevel = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof UnitLevel>;

export const UNIT_LEVEL_LABELS: Record<UnitLevel, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh/Thành phố', en: 'Province' },
  district: { vi: 'Quận/Huyện/Thành phố thuộc tỉnh', en: 'District/City' },
  commune: { vi: 'Xã/Phường/Thị trấn', en: 'Commune/Ward' },
  village: { vi: 'Thôn/Tổ dân phố', en: 'Village/Residential group' },
};

/** A unit as it is on a given date ('validTo' null while still valid). */
export const Unit = z.object({
  id: Id,
  code: z.string(),
  level: UnitLevel,
  kind: z.string(),
  name: z.string(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  childCount: z.number().int().optional(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitListQuery = z.object({
  parent: Id.optional(),
  asOf: IsoDate.optional(),
  q: z.string().trim().max(100).optional(),
  level: UnitLevel.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitVersion = z.object({
  name: z.string(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});

export const UnitEventKind = z.enum(['create', 'rename', 'move', 'merge', 'split', 'dissolve']);
export type UnitEventKind = z.infer<typeof UnitEventKind>;

export const UnitEventSummary = z.object({
  id: Id,
  kind: UnitEventKind,
  effectiveDate: IsoDate,
  legalBasis: z.string().nullable(),
  note: z.string().nullable(),
  units: z.array(z.object({ id: Id, name: z.string(), code: z.string(), role: z.enum(['subject', 'from', 'to']), part: z.enum(['full', 'partial']) })),
});

export const LinkedUnit = z.object({ id: Id, code: z.string(), name: z.string(), effectiveDate: IsoDate, part: z.enum(['full', 'partial']) });

export const UnitDetail = Unit.extend({
  versions: z.array(UnitVersion),
  events: z.array(UnitEventSummary),
  predecessors: z.array(LinkedUnit),
  successors: z.array(LinkedUnit),
  ancestors: z.array(z.object({ id: Id, name: z.string(), level: UnitLevel })),
});
export type UnitDetail = z.infer<typeof UnitDetail>;
